import type { Db } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import type { AuditSubject } from './audit.ts';
import { auditRepository } from './audit.repository.ts';
import { chainHash, GENESIS_HASH } from './canonical.ts';
import { type AuditAnchor, readAnchorFile, signatureValid, takeCheckpoint } from './checkpoint.ts';
import { type CheckpointRow, checkpointRepository } from './checkpoint.repository.ts';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  message: string;
  /** Checkpoints (table and anchor file) whose signature and head were checked against the chain. */
  checkpoints: number;
  /** The newest checkpoint after verification (a passing verification anchors the head it saw). */
  anchoredAt: string | null;
}

/** A checkpoint as verification meets it: from the table, or a line of the anchor file. */
type Anchor = CheckpointRow & { where: string };
const when = (c: CheckpointRow) => c.takenAt.toISOString().replace('T', ' ').slice(0, 19);
const MAX_PROBLEMS = 8;

/**
 * Walks the whole chain in id order (an edited entry fails its own hash; a deleted or inserted one breaks the next
 * entry's prev_hash) and checks every checkpoint: its signature, that its head entry still has the hash it
 * recorded, and that exactly entry_count entries lead up to it. A deleted tail — which the chain alone cannot
 * show — loses a checkpoint's head; a chain rewritten from some entry on changes a head's hash; a deleted
 * checkpoint is found through the anchor file. When everything holds and `after` is given, the head that was
 * verified is anchored with a new checkpoint.
 */
export async function verifyAuditLog(
  db: Db,
  anchor: AuditAnchor,
  after?: { clock: Clock; who: AuditSubject },
): Promise<VerifyResult> {
  const problems: string[] = [];
  let firstBrokenId: number | null = null;
  const broken = (id: number | null, text: string) => {
    if (id !== null && (firstBrokenId === null || id < firstBrokenId)) firstBrokenId = id;
    if (problems.length < MAX_PROBLEMS) problems.push(text);
  };

  const stored = await checkpointRepository.all(db);
  const anchors: Anchor[] = stored.map((c) => ({ ...c, where: `锚点第${c.id}号（${when(c)}）` }));
  if (anchor.file) {
    const byId = new Map(stored.map((c) => [c.id, c]));
    const file = await readAnchorFile(anchor.file);
    for (const line of file.bad) broken(null, `锚点文件第${line}行无法识别：锚点文件被改动`);
    for (const f of file.rows) {
      const row = byId.get(f.id);
      if (!row || row.signature !== f.signature) {
        broken(null, `锚点文件第${f.line}行记录的锚点第${f.id}号（${when(f)}）在锚点表中${row ? '已被改动' : '已不存在'}：锚点表被删改`);
      }
      if (!row) anchors.push({ ...f, where: `锚点文件第${f.line}行的锚点第${f.id}号（${when(f)}）` });
    }
  }
  for (const a of anchors) {
    if (!signatureValid(anchor.key, a)) broken(null, `${a.where}签名无效：锚点被伪造或篡改`);
  }
  for (let i = 1; i < stored.length; i++) {
    const [p, c] = [stored[i - 1]!, stored[i]!];
    if (c.lastAuditId < p.lastAuditId || c.entryCount < p.entryCount) {
      broken(null, `锚点第${c.id}号记录的链头早于锚点第${p.id}号：锚点被篡改`);
    }
  }
  const atId = new Map<number, Anchor[]>();
  for (const a of anchors) atId.set(a.lastAuditId, [...(atId.get(a.lastAuditId) ?? []), a]);

  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  const seen = new Set<Anchor>();
  for (;;) {
    const rows = await auditRepository.batchAfter(db, lastId, 5000);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prev) broken(r.id, `第${r.id}号日志的前序哈希不符：其前一条日志被删除或篡改`);
      if (chainHash(r.prevHash, r) !== r.hash) broken(r.id, `第${r.id}号日志内容与哈希不符：该条日志被篡改`);
      prev = r.hash;
      lastId = r.id;
      checked++;
      for (const a of atId.get(r.id) ?? []) {
        seen.add(a);
        if (a.lastHash !== r.hash) broken(r.id, `${a.where}记录的第${r.id}号日志哈希与现存日志不符：该条及此前的日志被改写`);
        else if (a.entryCount !== checked) {
          broken(r.id, `${a.where}记录截至第${r.id}号日志共${a.entryCount}条，现存${checked}条：此前有日志被${checked < a.entryCount ? '删除' : '插入'}`);
        }
      }
    }
  }
  for (const a of anchors) {
    if (seen.has(a)) continue;
    broken(a.lastAuditId, `${a.where}记录的链头第${a.lastAuditId}号日志已不存在（现存日志截至第${lastId}号）：日志尾部被删除`);
  }

  if (problems.length > 0) {
    const newest = stored.at(-1);
    return {
      ok: false,
      checked,
      firstBrokenId,
      message: problems.join('；'),
      checkpoints: anchors.length,
      anchoredAt: newest ? newest.takenAt.toISOString() : null,
    };
  }
  const taken = after ? await takeCheckpoint(db, after.clock, anchor, after.who, 'verify') : null;
  const newest = taken?.checkpoint ?? stored.at(-1) ?? null;
  const anchored = anchors.length > 0 ? `，${anchors.length}个锚点签名有效且与日志一致` : '，尚无锚点';
  const fresh = taken?.taken ? `；已记录新锚点第${taken.checkpoint!.id}号` : '';
  return {
    ok: true,
    checked,
    firstBrokenId: null,
    message: `审计日志完整，共校验${checked}条${anchored}${fresh}`,
    checkpoints: anchors.length,
    anchoredAt: newest ? newest.takenAt.toISOString() : null,
  };
}
