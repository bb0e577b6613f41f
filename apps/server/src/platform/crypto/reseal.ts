import type { Db } from '../../db/client.ts';
import { recordAudit, systemSubject } from '../audit/audit.ts';
import { type SealedColumnRef, resealRepository as repo } from './reseal.repository.ts';
import { resealText, type SealKey, sealedKid } from './seal.ts';

export interface ResealColumnResult extends SealedColumnRef {
  label: string;
  /** Values re-sealed under the current key by this run. */
  resealed: number;
  /** Rows whose value no key of the ring opens (changed, or sealed by a key that is gone): left as they are. */
  unreadable: number[];
  /** Values still not under the current key after this run (0 when done; else unreadable or interrupted). */
  remaining: number;
}

export interface ResealOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** Stop after this many batches (an interrupted run, for tests); the next run goes on from where it stopped. */
  maxBatches?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

/**
 * `npm run seal:rotate` (ADR 0025 "Key rotation"): re-seals every value of the given columns under the ring's
 * current key. Batches of `batchSize` rows, each in one transaction with its audit entry (a system action), so an
 * interrupted run leaves only whole batches done; values already under the current key are not selected, so a
 * second run does nothing more than report. Rows are locked while their batch runs and replaced only if unchanged.
 */
export async function resealColumns(
  db: Db,
  key: SealKey,
  columns: readonly (SealedColumnRef & { label: string })[],
  opts: ResealOptions = {},
): Promise<{ results: ResealColumnResult[]; finished: boolean }> {
  const size = opts.batchSize ?? 200;
  const now = opts.now ?? (() => new Date());
  const prefix = `s2:${key.kid}:`;
  let batches = 0;
  let finished = true;
  const results: ResealColumnResult[] = [];
  for (const c of columns) {
    const r: ResealColumnResult = { table: c.table, column: c.column, label: c.label, resealed: 0, unreadable: [], remaining: 0 };
    let afterId = 0;
    while (finished) {
      if (opts.maxBatches !== undefined && batches >= opts.maxBatches) {
        finished = false;
        break;
      }
      const step = await db.transaction(async (tx) => {
        const rows = await repo.batch(tx, c, afterId, prefix, size);
        if (rows.length === 0) return null;
        const ids: number[] = [];
        const unreadable: number[] = [];
        const fromKeys: Record<string, number> = {};
        for (const row of rows) {
          let next: string;
          try {
            next = resealText(key, row.value);
          } catch {
            unreadable.push(row.id);
            continue;
          }
          if (!(await repo.replace(tx, c, row.id, row.value, next))) continue;
          ids.push(row.id);
          const from = sealedKid(row.value) ?? 's1';
          fromKeys[from] = (fromKeys[from] ?? 0) + 1;
        }
        if (ids.length > 0) {
          await recordAudit(tx, systemSubject('seal-rotate'), now(), {
            action: 'seal.resealed',
            entityType: c.table,
            after: { column: c.column, toKey: key.kid, fromKeys, count: ids.length, ids },
          });
        }
        return { lastId: rows[rows.length - 1]!.id, done: ids.length, unreadable };
      });
      if (!step) break;
      batches++;
      afterId = step.lastId;
      r.resealed += step.done;
      r.unreadable.push(...step.unreadable);
    }
    r.remaining = await repo.countOther(db, c, prefix);
    opts.log?.(`${c.label}（${c.table}.${c.column}）：本次重新封存 ${r.resealed} 条，无法解封 ${r.unreadable.length} 条，尚未使用当前密钥 ${r.remaining} 条`);
    results.push(r);
  }
  return { results, finished };
}
