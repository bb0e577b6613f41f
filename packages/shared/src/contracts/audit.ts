import { z } from 'zod';
import { listQueryFields } from './list.ts';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilterQuery = z.object({
  actor: z.string().optional(),
  action: z.string().optional(),
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  /** Entries of this region's subtree; must lie in the reader's scope (else 404). */
  regionCode: z.string().optional(),
  /** An instant, or a calendar date (YYYY-MM-DD, Beijing): `from` its first moment, `to` its last. */
  from: z.string().optional(),
  to: z.string().optional(),
});
// Sortable by the entry number only: the primary key and the (scope column, id) indexes serve it.
export const AuditQuery = AuditFilterQuery.extend(listQueryFields({ id: '序号' }, '-id'));
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  message: z.string(),
  /** Checkpoints (table and anchor file) checked against the chain. */
  checkpoints: z.number().int(),
  /** When the newest checkpoint was taken (a passing verification takes one). */
  anchoredAt: z.string().nullable(),
});

export const AuditCheckpoint = z.object({
  id: z.number().int(),
  takenAt: z.string(),
  kind: z.string(),
  lastAuditId: z.number().int(),
  lastHash: z.string(),
  entryCount: z.number().int(),
});

/** The daily checkpoint job: `taken` false when today's checkpoint already existed (it is returned). */
export const AuditCheckpointRunResult = z.object({ taken: z.boolean(), checkpoint: AuditCheckpoint });
