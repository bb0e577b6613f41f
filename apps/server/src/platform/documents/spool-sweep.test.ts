import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepStaleSpool } from './spool-sweep.ts';

describe('sweepStaleSpool', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('removes spooled parts older than a day and keeps fresh ones and other files', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'taotai-spool-'));
    const old = new Date(Date.now() - 25 * 3600_000);
    for (const n of ['upload-aa.part', 'evidence-bb.part', 'fresh.part', 'token.json']) await writeFile(path.join(dir, n), 'x');
    await utimes(path.join(dir, 'upload-aa.part'), old, old);
    await utimes(path.join(dir, 'evidence-bb.part'), old, old);
    await utimes(path.join(dir, 'token.json'), old, old);
    expect(await sweepStaleSpool([dir, path.join(dir, 'missing')])).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(['fresh.part', 'token.json']);
  });
});
