// The border check (scripts/check-borders.mjs) run as `npm run lint` runs it, on fixtures: the committed tree
// scripts/fixtures/borders-crossing (outside every src/, so lint and the build never see it) and trees written to
// a temporary folder. A planted crossing must fail naming file, line and rule; the same tree without it must pass;
// a source file over 300 lines in apps/*/src must fail (issue 10 §5).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkFileLengths } from './check-borders.mjs';

const script = path.join(import.meta.dirname, 'check-borders.mjs');
let dirs: string[] = [];

/** A repository root from { 'path/under/apps/server/src.ts': 'source' } (and extra paths from the root). */
function fixture(files: Record<string, string>, fromRoot: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'borders-'));
  dirs.push(root);
  const all = { ...Object.fromEntries(Object.entries(files).map(([f, t]) => [`apps/server/src/${f}`, t])), ...fromRoot };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

const linesOf = (n: number) => `${Array.from({ length: n }, (_, i) => `export const x${i} = ${i};`).join('\n')}\n`;

function check(root: string) {
  const r = spawnSync(process.execPath, [script, root], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

const clean = {
  'app.ts': "import { aRoutes } from './modules/a/index.ts';\nimport { MODULE_ROUTES } from './modules/routes.ts';\n",
  'modules/routes.ts': "import { aRoutes } from './a/index.ts';\nimport { bRoutes } from './b';\n",
  'modules/a/index.ts': "export { aRoutes } from './a.routes.ts';\n",
  'modules/a/a.routes.ts': "import { aRepo } from './a.repository.ts';\nimport { b } from '../b/index.ts';\n",
  'modules/a/a.repository.ts': "import { db } from '../../platform/db.ts';\nexport const aRepo = {};\n",
  'modules/b/index.ts': "export const bRoutes = 1;\nexport * from './deep/b.service.ts';\n",
  'modules/b/deep/b.service.ts': "import { aRepo } from '../../a/index.js';\n",
  'platform/db.ts': "import { clock } from './clock.ts';\n",
  'platform/clock.ts': 'export const clock = 1;\n',
};

afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('check-borders', () => {
  it('passes a tree that reaches modules only through index.ts', () => {
    const r = check(fixture(clean));
    expect(r.out).toContain('no crossings');
    expect(r.status).toBe(0);
  });

  it("fails on a module importing another module's inner file, naming file, line and rule", () => {
    const root = fixture({
      ...clean,
      'modules/b/b.check.ts': "import { b } from './index.ts';\nimport { aRepo } from '../a/a.repository.ts';\n",
    });
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain(
      "modules/b/b.check.ts:2: imports '../a/a.repository.ts' — a module is reached from outside its folder only through its index.ts",
    );
    expect(r.out).toContain('1 crossing(s)');
  });

  it('fails on code outside modules/ importing an inner file (dynamic import too)', () => {
    const root = fixture({ ...clean, 'db/seed.ts': "\n\nconst m = await import('../modules/a/a.repository.ts');\n" });
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain("db/seed.ts:3: imports '../modules/a/a.repository.ts'");
  });

  // The line reported is the specifier's (here the third line of a multi-line import).
  it('fails on platform/ importing a module, even through its index.ts', () => {
    const root = fixture({
      ...clean,
      'platform/http/hook.ts': "import type {\n  X,\n} from '../../modules/a/index.ts';\n",
    });
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain("platform/http/hook.ts:3: imports '../../modules/a/index.ts' — platform/ never imports from modules/");
  });

  it('fails on the committed fixture tree, naming both planted crossings', () => {
    const root = path.join(import.meta.dirname, 'fixtures/borders-crossing');
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain(
      "apps/server/src/modules/survey-import/survey-import.service.ts:2: imports '../enterprise/enterprise.repository.ts' — a module is reached from outside its folder only through its index.ts",
    );
    expect(r.out).toContain(
      "apps/server/src/platform/http/auth-hook.ts:2: imports '../../modules/enterprise/index.ts' — platform/ never imports from modules/",
    );
    // db/seed.ts reaches the module through its index.ts: not a crossing.
    expect(r.out).not.toContain('db/seed.ts');
    expect(r.out).toContain('2 crossing(s)');
  });

  it('fails on a source file over 300 lines in any apps/*/src, web included; 300 lines pass', () => {
    const root = fixture(clean, {
      'apps/web/src/features/big/BigPage.tsx': linesOf(301),
      'apps/web/src/features/ok/OkPage.tsx': linesOf(300),
      'apps/web/test/long.test.ts': linesOf(400),
    });
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain('apps/web/src/features/big/BigPage.tsx: 301 lines — no source file in apps/*/src over 300 lines');
    expect(r.out).not.toContain('OkPage.tsx');
    expect(r.out).not.toContain('long.test.ts');
    expect(r.out).toContain('0 crossing(s), 1 file length finding(s)');
  });

  it('lets a listed long file pass and fails a listed file that is no longer long', () => {
    const root = fixture(clean, { 'apps/server/src/modules/a/a.repository.ts': linesOf(320), 'apps/web/src/Short.tsx': linesOf(10) });
    const known = new Set(['apps/server/src/modules/a/a.repository.ts', 'apps/web/src/Short.tsx']);
    expect(checkFileLengths(root, known)).toEqual([
      { file: 'apps/web/src/Short.tsx', lines: 10, message: expect.stringContaining('remove it from LONG_FILES') },
    ]);
    expect(checkFileLengths(root, new Set())).toEqual([expect.objectContaining({ file: 'apps/server/src/modules/a/a.repository.ts', lines: 320 })]);
  });
});
