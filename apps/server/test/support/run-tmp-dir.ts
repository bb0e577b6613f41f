import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Points TMPDIR at a directory of this run, before the test workers start (they inherit the environment), so
 * every temporary folder a test, the app or a child process makes (taotai-test-*, spooled uploads, the
 * kill -9 import's data dir) is removed with it at the end, even when a test failed before its own cleanup.
 * Other runs on the machine keep theirs.
 */
export async function runTmpDir(): Promise<() => Promise<void>> {
  const previous = process.env.TMPDIR;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'taotai-run-'));
  // Traversable by other users (the folders inside stay 0700): the PostgreSQL restart test runs initdb as the
  // `postgres` user in a cluster folder it makes here (support/private-pg.ts).
  await chmod(dir, 0o755);
  process.env.TMPDIR = dir;
  return async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    await rm(dir, { recursive: true, force: true });
  };
}
