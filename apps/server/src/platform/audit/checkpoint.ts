import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { todayInChina } from '../calendar/today.ts';
import type { Clock } from '../clock.ts';
import { auditAnchorKey } from './anchor-key.ts';
import { type AuditSubject, recordAudit } from './audit.ts';
import { auditRepository } from './audit.repository.ts';
import { canonicalJson } from './canonical.ts';
import { type CheckpointRow, checkpointRepository } from './checkpoint.repository.ts';

/** daily: the job (once per Beijing date); verify: after a verification passed, so what was verified is anchored. */
export type CheckpointKind = 'daily' | 'verify';

/** Where a checkpoint goes besides its table: the server log (one line) and optionally an append-only file. */
export interface AuditAnchor {
  key: Buffer;
  file: string | null;
  log: { info(msg: string): void; warn(msg: string): void };
}

export function auditAnchor(config: Pick<Config, 'dataDir' | 'auditAnchor'>, log: AuditAnchor['log']): AuditAnchor {
  return { key: auditAnchorKey(config.dataDir, config.auditAnchor), file: config.auditAnchor.file, log };
}

type Signed = Pick<CheckpointRow, 'takenAt' | 'kind' | 'lastAuditId' | 'lastHash' | 'entryCount'>;

/** HMAC-SM3 over the checkpoint's fields (not its id: a row is only ever inserted, with the id chosen first). */
export function signCheckpoint(key: Buffer, c: Signed): string {
  const text = canonicalJson({
    v: 1,
    takenAt: c.takenAt.toISOString(),
    kind: c.kind,
    lastAuditId: c.lastAuditId,
    lastHash: c.lastHash,
    entryCount: c.entryCount,
  });
  return createHmac('sm3', key).update(text, 'utf8').digest('hex');
}

export function signatureValid(key: Buffer, c: Signed & { signature: string }): boolean {
  const expected = Buffer.from(signCheckpoint(key, c), 'hex');
  const given = Buffer.from(c.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The JSON form written to the log and the anchor file, and read back from the file by verification. */
export const anchorLine = (c: CheckpointRow) =>
  JSON.stringify({ ...c, takenAt: c.takenAt.toISOString() });

export interface CheckpointResult {
  taken: boolean;
  checkpoint: CheckpointRow | null;
}

/**
 * Takes a checkpoint of the chain's head. Under the chain lock, so the head cannot move meanwhile and two runs
 * never both take one. `daily` is idempotent per Beijing date; `verify` only when the head moved since the newest
 * checkpoint. The checkpoint's own audit entry (audit.checkpoint) is written first, so the checkpoint covers it.
 */
export async function takeCheckpoint(
  db: Db,
  clock: Clock,
  anchor: AuditAnchor,
  who: AuditSubject,
  kind: CheckpointKind,
): Promise<CheckpointResult> {
  const now = clock.now();
  const result = await db.transaction(async (tx): Promise<CheckpointResult> => {
    await auditRepository.lockChain(tx);
    if (kind === 'daily') {
      const startOfDay = new Date(`${todayInChina(now)}T00:00:00+08:00`);
      const today = await checkpointRepository.newestOfKindSince(tx, 'daily', startOfDay);
      if (today) return { taken: false, checkpoint: today };
    } else {
      const newest = await checkpointRepository.newest(tx);
      const head = await auditRepository.head(tx);
      if (newest && head && newest.lastAuditId === head.id) return { taken: false, checkpoint: newest };
    }
    const id = await checkpointRepository.nextId(tx);
    await recordAudit(tx, who, now, { action: 'audit.checkpoint', entityType: 'audit_checkpoint', entityId: id, after: { kind } });
    const head = (await auditRepository.head(tx))!;
    const fields: Signed = { takenAt: now, kind, lastAuditId: head.id, lastHash: head.hash, entryCount: head.count };
    const row: CheckpointRow = { id, ...fields, signature: signCheckpoint(anchor.key, fields) };
    await checkpointRepository.insert(tx, row);
    return { taken: true, checkpoint: row };
  });
  // Published after commit: the log and the file only ever name checkpoints that exist.
  if (result.taken && result.checkpoint) await publish(anchor, result.checkpoint);
  return result;
}

async function publish(anchor: AuditAnchor, c: CheckpointRow): Promise<void> {
  const line = anchorLine(c);
  anchor.log.info(`审计锚点 ${line}`);
  if (!anchor.file) return;
  try {
    await mkdir(path.dirname(anchor.file), { recursive: true });
    await appendFile(anchor.file, `${line}\n`, { mode: 0o600 });
  } catch (err) {
    anchor.log.warn(`审计锚点未能写入锚点文件 ${anchor.file}：${(err as Error).message}`);
  }
}

/** Checkpoints as the anchor file records them; a line that does not parse is reported by its number. */
export async function readAnchorFile(file: string): Promise<{ rows: (CheckpointRow & { line: number })[]; bad: number[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { rows: [], bad: [] };
    throw err;
  }
  const rows: (CheckpointRow & { line: number })[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const o = JSON.parse(raw);
      const takenAt = new Date(o.takenAt);
      if (!Number.isInteger(o.id) || Number.isNaN(takenAt.getTime()) || typeof o.signature !== 'string') throw new Error();
      rows.push({ ...o, takenAt, lastAuditId: Number(o.lastAuditId), entryCount: Number(o.entryCount), line: i + 1 });
    } catch {
      bad.push(i + 1);
    }
  });
  return { rows, bad };
}
