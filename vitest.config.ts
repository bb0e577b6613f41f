import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // The default 5 s fails property tests on 2 cores shared with other work; a timeout is not an assertion.
          testTimeout: 30_000,
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/test/**/*.int.test.ts'],
          globalSetup: ['apps/server/test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // PGlite is single-threaded WASM and the machine has 2 cores.
          maxWorkers: 2,
          // Files in one worker share the loaded modules: each file still gets its own database and app
          // (createTestApp), and nothing in src keeps per-database state outside a WeakMap keyed by the
          // database. Re-importing the app per file cost ~4 s of CPU each (docs/performance.md).
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          setupFiles: ['e2e/support/console-guard.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          // A browser waits on a loaded CI machine: a poll gives the page 15 s, not vitest's default 1 s (the
          // 工作台 counts missed it once while five queries queued behind another test's server).
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
