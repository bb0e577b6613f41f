import type { AppContext } from '../../app-context.ts';
import { type AuditSubject, systemSubject } from '../../platform/audit/audit.ts';
import { type AuditAnchor, auditAnchor, takeCheckpoint } from '../../platform/audit/checkpoint.ts';

/** The job runs hourly from main.ts; the first run of each Beijing date takes that day's checkpoint. */
export const CHECKPOINT_INTERVAL_MS = 60 * 60 * 1000;

/** Idempotent per day: a second run the same day returns the day's checkpoint and takes none. */
export async function runAuditCheckpoint(ctx: AppContext, log: AuditAnchor['log'], who: AuditSubject = systemSubject('audit-checkpoint')) {
  const r = await takeCheckpoint(ctx.db, ctx.clock, auditAnchor(ctx.config, log), who, 'daily');
  const c = r.checkpoint!;
  return {
    taken: r.taken,
    checkpoint: { id: c.id, takenAt: c.takenAt.toISOString(), kind: c.kind, lastAuditId: c.lastAuditId, lastHash: c.lastHash, entryCount: c.entryCount },
  };
}
