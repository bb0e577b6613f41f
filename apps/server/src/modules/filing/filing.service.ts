import type { Filing, FilingBody, FilingSummary, LifecycleEntry, RequiredField, ResubmitBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { announceArrival, availableEvents, lifecycleRepository, readHistory } from '../../platform/lifecycle/index.ts';
import { dueIsProvisional } from './filing-deadlines.ts';
import { fireFilingEvent, recordFirstSubmission, refuseUnlessAllowed } from './filing-transition.ts';
import { type FilingParty, type FilingState, filingMachine } from './filing.machine.ts';
import { presentFiling, presentFilingSummary } from './filing.presenter.ts';
import { type FilingRow, filingRepository as repo } from './filing.repository.ts';
import { filingPolicy } from './filing.policy.ts';
import { checkFieldValues } from './field-values.ts';
import type { DuePeriod } from './periods.ts';
import { findPeriod, loadRequirement, type RequirementContext, yearOfPeriod } from './requirement-context.ts';
import type { TargetRow } from './requirement.repository.ts';

/**
 * A module that adds its own content to filings of one kind (the survey adds lines or a zero report).
 * `prepare` checks the content before anything is written and returns the writer that runs in the
 * filing's transaction and gives back what to keep in the history snapshot.
 */
export interface FilingExtension {
  kind: string;
  prepare(db: Db, ctx: { actor: Actor; req: RequirementContext['req']; target: TargetRow; period: DuePeriod; year: number }): Promise<(tx: Db, filing: FilingRow) => Promise<unknown>>;
}

export interface LoadedFiling {
  filing: FilingRow;
  ctx: RequirementContext;
  target: TargetRow;
  party: FilingParty;
  periodLabel: string;
}

/** A filing the actor may see: its issuing office, the unit that filed it, or an office above the issuer. */
export async function loadFiling(db: Db, clock: Clock, actor: Actor, id: number): Promise<LoadedFiling> {
  const filing = await repo.byId(db, id);
  if (!filing) throw notFound('报送');
  const ctx = await loadRequirement(db, clock, actor, filing.requirementId).catch(() => {
    throw notFound('报送');
  });
  const target = ctx.targets.find((t) => t.id === filing.targetId)!;
  const party = ctx.relation === 'issuer' ? 'issuer' : filingPolicy.filesFor(actor, target) ? 'filer' : ctx.relation === 'overseer' ? 'overseer' : null;
  if (!party) throw notFound('报送');
  const periodLabel = ctx.periods.find((p) => p.key === filing.periodKey)?.label ?? filing.periodKey;
  return { filing, ctx, target, party, periodLabel };
}

/** The events the actor may fire now, from the machine's rows (the same rows refuse them). */
const eventsFor = (actor: Actor, l: Pick<LoadedFiling, 'filing' | 'party'>) => availableEvents(filingMachine, actor, { party: l.party }, l.filing.status as FilingState);

export async function getFiling(db: Db, clock: Clock, actor: Actor, id: number): Promise<Filing> {
  const l = await loadFiling(db, clock, actor, id);
  const files = await repo.storedFiles(db, l.filing.fileIds as number[]);
  const history = await lifecycleRepository.history(db, filingMachine.entityType, id);
  return presentFiling(l.filing, l.ctx.req, l.target, l.periodLabel, eventsFor(actor, l), history, files);
}

/** The filing's timeline (履历) for the one LifecycleTimeline; out of scope answers 404 like not found. */
export async function filingHistory(db: Db, clock: Clock, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await loadFiling(db, clock, actor, id);
  return readHistory(db, filingMachine, id);
}

/** Filings of a requirement: all of them for the issuer and overseers, the unit's own for a filer. */
export async function listFilings(db: Db, clock: Clock, actor: Actor, requirementId: number, periodKey?: string): Promise<FilingSummary[]> {
  const ctx = await loadRequirement(db, clock, actor, requirementId);
  const rows = (await repo.ofRequirements(db, [requirementId], periodKey)).filter((f) => ctx.relation !== 'filer' || f.targetId === ctx.myTarget?.id);
  const party: LoadedFiling['party'] = ctx.relation === 'issuer' ? 'issuer' : ctx.relation === 'filer' ? 'filer' : 'overseer';
  return rows.map((f) => {
    const target = ctx.targets.find((t) => t.id === f.targetId)!;
    const label = ctx.periods.find((p) => p.key === f.periodKey)?.label ?? f.periodKey;
    return presentFilingSummary(f, ctx.req, target, label, eventsFor(actor, { filing: f, party }));
  });
}

/** Field values and attachments checked against the requirement; throws 400 naming each problem. */
async function checkedContent(db: Db, actor: Actor, ctx: RequirementContext, body: ResubmitBody) {
  const { values, problems } = checkFieldValues(ctx.req.requiredFields as RequiredField[], body.values);
  if (ctx.req.attachmentRequired && body.fileIds.length === 0) problems.push({ path: 'fileIds', message: '该报送要求须上传附件（如盖章文件扫描件）' });
  const own = await repo.ownFiles(db, body.fileIds, actor.userId!);
  body.fileIds.forEach((id, i) => {
    if (!own.has(id)) problems.push({ path: `fileIds.${i}`, message: `附件（编号${id}）不存在或不是您上传的` });
  });
  if (problems.length) throw invalid(problems.map((p) => p.message).join('；'), problems);
  return { values, note: body.note, fileIds: [...new Set(body.fileIds)] };
}

/** First submission for a period by the addressed unit; on time, or late by N working days. */
export async function submitFiling(db: Db, clock: Clock, actor: Actor, requirementId: number, body: FilingBody, ext?: FilingExtension): Promise<number> {
  const ctx = await loadRequirement(db, clock, actor, requirementId);
  if (ctx.relation !== 'filer' || !ctx.myTarget) throw forbidden('该报送要求不是下达给您单位的');
  if (!ext && ctx.req.kind === 'survey_result') throw invalid('摸底排查结果请通过排查报送提交（选择生产线或零报告）');
  if (ext && ext.kind !== ctx.req.kind) throw invalid('该报送要求不是摸底排查结果');
  const period = findPeriod(ctx, body.periodKey);
  if (!period) throw invalid(`期次“${body.periodKey}”不属于该报送要求`, [{ path: 'periodKey', message: '期次不存在' }]);
  const target = ctx.myTarget;
  const existing = await repo.find(db, requirementId, period.key, target.id);
  if (existing) throw conflict(`${period.label}已报送，请勿重复报送`);
  refuseUnlessAllowed('none', 'submit', 'filer', actor);
  const content = await checkedContent(db, actor, ctx, body);
  const year = yearOfPeriod(ctx.req, period.key);
  const write = ext ? await ext.prepare(db, { actor, req: ctx.req, target, period, year }) : null;
  const now = clock.now();
  try {
    return await db.transaction(async (tx) => {
      const f = await repo.insert(tx, {
        requirementId,
        targetId: target.id,
        periodKey: period.key,
        year,
        filerRegionCode: target.filerRegionCode,
        status: 'submitted',
        fieldValues: content.values,
        note: content.note,
        fileIds: content.fileIds,
        dueDate: period.dueDate,
        dueProvisional: dueIsProvisional(ctx.req, period, ctx.cal),
        submittedDate: ctx.today,
        lateWorkingDays: ctx.cal.workingDaysBetween(period.dueDate, ctx.today),
        submittedBy: actor.userId!,
        submittedAt: now,
        lastSubmittedAt: now,
        updatedAt: now,
      });
      const extra = write ? await write(tx, f) : undefined;
      await recordFirstSubmission(tx, actor, f, { ...content, ...(extra ? { survey: extra } : {}) });
      await recordAudit(tx, actor, now, {
        action: 'filing.submit',
        entityType: 'filing',
        entityId: f.id,
        regionCode: f.filerRegionCode,
        after: { ...f, survey: extra ?? undefined },
      });
      // The issuing office now has it on its 待办 and hears of it (ADR 0016).
      await announceArrival(tx, { entityType: 'filing', id: f.id, to: 'submitted', at: now, actorId: actor.userId });
      return f.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`${period.label}已报送，请勿重复报送`);
    throw err;
  }
}

/** receive / accept / return by the issuing office. */
export async function issuerEvent(db: Db, clock: Clock, actor: Actor, id: number, event: 'receive' | 'accept' | 'return', reason?: string): Promise<Filing> {
  const l = await loadFiling(db, clock, actor, id);
  await db.transaction((tx) =>
    fireFilingEvent(tx, actor, {
      filing: l.filing,
      event,
      party: l.party,
      reason: reason ?? null,
      now: clock.now(),
      requirement: l.ctx.req,
      target: l.target,
      periodLabel: l.periodLabel,
    }),
  );
  return getFiling(db, clock, actor, id);
}

/** The unit corrects a returned filing and sends it again (revision + 1; the earlier one stays in history). */
export async function resubmitFiling(db: Db, clock: Clock, actor: Actor, id: number, body: ResubmitBody, ext?: FilingExtension): Promise<void> {
  const l = await loadFiling(db, clock, actor, id);
  if (!ext && l.ctx.req.kind === 'survey_result') throw invalid('摸底排查结果请通过排查报送重新提交');
  refuseUnlessAllowed(l.filing.status as FilingState, 'resubmit', l.party, actor);
  const content = await checkedContent(db, actor, l.ctx, body);
  const period = l.ctx.periods.find((p) => p.key === l.filing.periodKey)!;
  const write = ext ? await ext.prepare(db, { actor, req: l.ctx.req, target: l.target, period, year: l.filing.year }) : null;
  const now = clock.now();
  await db.transaction(async (tx) => {
    // Extension rows are keyed by the new revision; if the status move below finds the filing
    // already moved (409), the whole transaction rolls back with them.
    const extra = write ? await write(tx, { ...l.filing, revision: l.filing.revision + 1 }) : undefined;
    await fireFilingEvent(tx, actor, {
      filing: l.filing,
      event: 'resubmit',
      party: l.party,
      set: { revision: l.filing.revision + 1, fieldValues: content.values, note: content.note, fileIds: content.fileIds, lastSubmittedAt: now },
      snapshot: { ...content, ...(extra ? { survey: extra } : {}) },
      now,
      requirement: l.ctx.req,
      target: l.target,
      periodLabel: l.periodLabel,
    });
  });
}
