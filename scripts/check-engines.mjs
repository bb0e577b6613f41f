#!/usr/bin/env node
// Fails when an installed package's `engines.node` excludes the Node version CI runs on (the project supports
// Node 20, package.json `engines`): `npm install` only warns about it (EBADENGINE), so a transitive update can
// slip in a dependency that breaks on Node 20 (cookie@2, nanoid@6 did; issue 9). Run by `.ci/run`.
// Usage: node scripts/check-engines.mjs [--node 20.0.0]   (default: the running Node)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const argi = process.argv.indexOf('--node');
const target = (argi > 0 ? process.argv[argi + 1] : process.versions.node).split('.').map(Number);

/** Every package.json under node_modules (scoped and nested), once per real directory. */
function* packages(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.name.startsWith('@')) {
      yield* packages(full);
      continue;
    }
    yield full;
    yield* packages(path.join(full, 'node_modules'));
  }
}

// A small semver-range check for what `engines.node` fields actually contain: `>=x`, `^x`, `~x`, `x.y.z`,
// `x.x`/`*`, space-joined comparators (AND) and `||` alternatives. Unknown syntax counts as satisfied.
function cmp(a, b) {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}
function parseVersion(s) {
  const parts = s.replace(/^v/, '').split('.');
  const nums = [];
  for (const p of parts) {
    if (p === 'x' || p === 'X' || p === '*' || p === '') break;
    const n = Number.parseInt(p, 10);
    if (Number.isNaN(n)) break;
    nums.push(n);
  }
  return nums;
}
function satisfiesComparator(v, c) {
  const m = /^(>=|<=|>|<|=|\^|~)?\s*(.*)$/.exec(c.trim());
  if (!m) return true;
  const [, op = '=', rest] = m;
  const p = parseVersion(rest);
  if (p.length === 0) return true; // "*", "x"
  const lo = [p[0], p[1] ?? 0, p[2] ?? 0];
  switch (op) {
    case '>=':
      return cmp(v, lo) >= 0;
    case '>':
      return cmp(v, lo) > 0;
    case '<=':
      return cmp(v, lo) <= 0;
    case '<':
      return cmp(v, lo) < 0;
    case '^':
      return cmp(v, lo) >= 0 && (lo[0] > 0 ? v[0] === lo[0] : v[0] === 0 && v[1] === lo[1]);
    case '~':
      return cmp(v, lo) >= 0 && v[0] === lo[0] && (p.length < 2 || v[1] === lo[1]);
    default:
      // a partial version "22" or "22.1" matches the whole line
      return p.every((n, i) => v[i] === n);
  }
}
export function satisfies(version, range) {
  return range.split('||').some((alt) => {
    const hy = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alt);
    if (hy) return satisfiesComparator(version, `>=${hy[1]}`) && satisfiesComparator(version, `<=${hy[2]}`);
    const comps = alt.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
    return comps.every((c) => satisfiesComparator(version, c));
  });
}

const bad = [];
const seen = new Set();
for (const dir of packages(path.join(root, 'node_modules'))) {
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    continue;
  }
  const range = pkg.engines?.node;
  if (typeof range !== 'string' || !pkg.name) continue;
  const key = `${pkg.name}@${pkg.version}`;
  if (seen.has(key)) continue;
  seen.add(key);
  if (!satisfies(target, range)) bad.push(`${key} (engines.node "${range}") in ${path.relative(root, dir)}`);
}
if (bad.length > 0) {
  console.error(`check-engines: ${bad.length} installed package(s) do not support Node ${target.join('.')}:`);
  for (const b of bad) console.error(`  ${b}`);
  process.exit(1);
}
console.log(`check-engines: ${seen.size} packages with engines.node, all support Node ${target.join('.')}`);
