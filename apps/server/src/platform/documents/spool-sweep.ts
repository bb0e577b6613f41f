import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Spooled uploads are `*.part` files (survey forms under DATA_DIR/imports, stored files under DATA_DIR/files/tmp). */
const SPOOLED = /\.part$/;
export const STALE_SPOOL_MS = 24 * 3600_000;

/**
 * Removes spooled uploads older than a day. Every request removes its own in a finally block; what is left was
 * left by a crash or a kill (issue 9), so boot sweeps it. Real time (file mtimes), not the injected clock.
 */
export async function sweepStaleSpool(dirs: readonly string[], olderThanMs = STALE_SPOOL_MS): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!SPOOLED.test(name)) continue;
      const file = path.join(dir, name);
      const st = await stat(file).catch(() => null);
      if (st?.isFile() && Date.now() - st.mtimeMs > olderThanMs) {
        await rm(file, { force: true });
        removed++;
      }
    }
  }
  return removed;
}
