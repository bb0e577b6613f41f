#!/usr/bin/env node
// The server's import borders, checked in `npm run lint` so CI fails on a crossing (issue 10 §5):
//   (a) a module (src/modules/<m>/) is reached from outside its folder only through its index.ts;
//   (b) src/platform/** never imports anything from src/modules/** (the platform is given what it needs,
//       e.g. the auth hook receives `resolveSession`).
// Why a script and not Biome: Biome's `noRestrictedImports` patterns match the import *text*, not the file it
// resolves to, so `../enterprise/enterprise.repository.js` from one module and
// `./modules/enterprise/enterprise.repository.js` from app.ts cannot be told apart from a module's own relative
// imports by one pattern; `useImportRestrictions`/`noPrivateImports` do not express "only through index.ts".
// This script resolves every relative specifier to a path under src/ and decides on that.
// Only src/ is walked: tests (apps/server/test), e2e/ and bench/ are exempt from (a) — a test may reach a
// module's inner files to test them.
//   (c) no source file in apps/*/src (server and web) is longer than 300 lines (the project's standard; issue 10 §5
//       "no file over 300 lines"). Files known to be longer are listed in LONG_FILES with the reason they still are;
//       an entry that is no longer needed fails too, so the list only shrinks.
// Usage: node scripts/check-borders.mjs [repoRoot]   (default: this repository); exit 1 on any finding.
import fs from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs)$/;
// static `import … from '…'`, `export … from '…'`, bare `import '…'`, dynamic `import('…')`
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g;
const RULE_A = 'a module is reached from outside its folder only through its index.ts';
const RULE_B = 'platform/ never imports from modules/';
const MAX_LINES = 300;
// Longer than MAX_LINES and owned by another engineer's work this round (splitting them now would collide with it);
// split them when that work has landed. Paths are relative to the repository root.
export const LONG_FILES = new Set([
  'apps/server/src/modules/target/target.repository.ts',
  'apps/server/src/modules/elimination-plan/elimination-plan.repository.ts',
]);

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, out);
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

// src-relative, '/'-separated
const rel = (root, p) => path.relative(root, p).split(path.sep).join('/');

function isIndex(rest) {
  // rest: the path inside modules/<m>/ ('' when the folder itself is imported)
  return rest === '' || /^index(?:\.(?:ts|js|mts|mjs|tsx))?$/.test(rest);
}

/** Every crossing under `srcRoot`: [{ file, line, specifier, rule }]; file is relative to the cwd. */
export function checkBorders(srcRoot) {
  const root = path.resolve(srcRoot);
  const crossings = [];
  for (const file of walk(root)) {
    const from = rel(root, file);
    const fromModule = from.match(/^modules\/([^/]+)\//)?.[1];
    const fromPlatform = from.startsWith('platform/');
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const specifier = m[2];
      if (!specifier.startsWith('.')) continue;
      const target = rel(root, path.resolve(path.dirname(file), specifier));
      const into = target.match(/^modules\/([^/]+)(?:\/(.*))?$/);
      if (!into) continue;
      const line = text.slice(0, m.index).split('\n').length;
      const where = { file: path.relative(process.cwd(), file), line, specifier };
      if (fromPlatform) crossings.push({ ...where, rule: RULE_B });
      else if (into[1] !== fromModule && into[2] !== undefined && !isIndex(into[2])) {
        // modules/routes.ts (no folder) is the registry of modules, not a module: into[2] is undefined for it
        crossings.push({ ...where, rule: RULE_A });
      }
    }
  }
  return crossings;
}

/** Source files in `<repoRoot>/apps/<app>/src` longer than MAX_LINES, and LONG_FILES entries no longer needed. */
export function checkFileLengths(repoRoot, longFiles = LONG_FILES) {
  const root = path.resolve(repoRoot);
  const appsDir = path.join(root, 'apps');
  const findings = [];
  const apps = fs.existsSync(appsDir) ? fs.readdirSync(appsDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  for (const app of apps) {
    const src = path.join(appsDir, app.name, 'src');
    if (!fs.existsSync(src)) continue;
    for (const file of walk(src)) {
      const lines = fs.readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').length;
      const name = rel(root, file);
      if (lines > MAX_LINES && !longFiles.has(name)) {
        findings.push({ file: name, lines, message: `${lines} lines — no source file in apps/*/src over ${MAX_LINES} lines; split it` });
      } else if (lines <= MAX_LINES && longFiles.has(name)) {
        findings.push({ file: name, lines, message: `${lines} lines — no longer over ${MAX_LINES}: remove it from LONG_FILES in scripts/check-borders.mjs` });
      }
    }
  }
  return findings;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const repoRoot = process.argv[2] ?? path.join(import.meta.dirname, '..');
  const crossings = checkBorders(path.join(repoRoot, 'apps/server/src'));
  for (const c of crossings) console.error(`${c.file}:${c.line}: imports '${c.specifier}' — ${c.rule}`);
  const long = checkFileLengths(repoRoot);
  for (const f of long) console.error(`${f.file}: ${f.message}`);
  if (crossings.length > 0 || long.length > 0) {
    console.error(
      `check-borders: ${crossings.length} crossing(s), ${long.length} file length finding(s) (docs/ARCHITECTURE.md, "The module pattern")`,
    );
    process.exit(1);
  }
  console.log(`check-borders: no crossings, no file over ${MAX_LINES} lines (${LONG_FILES.size} known, listed in LONG_FILES)`);
}
