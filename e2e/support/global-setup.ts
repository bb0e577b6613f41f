import { runTmpDir } from '../../apps/server/test/support/run-tmp-dir.ts';

/**
 * A TMPDIR of this run for the servers' data directories, Chromium's profiles and the downloads the tests save,
 * removed at the end even when a test stopped before its own cleanup (issue 9).
 */
export default async function setup() {
  return runTmpDir();
}
