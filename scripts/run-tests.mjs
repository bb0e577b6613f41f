#!/usr/bin/env node
// `npm test`: every phase of the suite in turn, each phase's wall time printed as it ends and again in a summary,
// so CI's output shows where the time goes (issue 9). A failing phase does not stop the later ones (a full picture
// per run); the exit code is non-zero if any failed.
// Usage: node scripts/run-tests.mjs [phase…]   phases: unit, integration, integration:pg, e2e (default: all)
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const phases = [
  { name: 'unit', label: 'unit', script: 'test:unit' },
  { name: 'integration', label: 'integration PGlite', script: 'test:integration' },
  { name: 'integration:pg', label: 'integration PostgreSQL 15', script: 'test:integration:pg' },
  { name: 'e2e', label: 'e2e (Chromium)', script: 'test:e2e' },
];
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !phases.some((p) => p.name === w));
if (unknown.length > 0) {
  console.error(`unknown phase(s): ${unknown.join(', ')}; known: ${phases.map((p) => p.name).join(', ')}`);
  process.exit(2);
}
const run = wanted.length > 0 ? phases.filter((p) => wanted.includes(p.name)) : phases;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
const total = Date.now();
const tools = spawnSync(path.join(root, 'scripts/ensure-test-tools.sh'), { cwd: root, stdio: 'inherit' });
if (tools.status !== 0) {
  console.error('scripts/ensure-test-tools.sh failed: the tests need Chromium, a CJK font, LibreOffice and pdftotext');
  process.exit(1);
}
for (const phase of run) {
  console.log(`\n=== phase ${phase.label}: npm run ${phase.script}`);
  const start = Date.now();
  const r = spawnSync(npm, ['run', phase.script], { cwd: root, stdio: 'inherit' });
  const ms = Date.now() - start;
  const ok = r.status === 0;
  results.push({ ...phase, ms, ok });
  console.log(`=== phase ${phase.label}: ${seconds(ms)} ${ok ? 'passed' : `FAILED (exit ${r.status ?? r.signal})`}`);
}
console.log('\n=== test phases (wall time)');
for (const r of results) console.log(`  ${r.label.padEnd(28)} ${seconds(r.ms).padStart(9)}  ${r.ok ? 'passed' : 'FAILED'}`);
console.log(`  ${'total'.padEnd(28)} ${seconds(Date.now() - total).padStart(9)}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
