import type { FilingRequirement, FilingRequirementBody, FilingRequirementSummary, FilingRequirementUpdateBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { checkVersion, guardedEdit } from '../../platform/lifecycle/index.ts';
import { regionRepository } from '../region/index.ts';
import { reportsUpTo } from '../reporting/index.ts';
import { expectedFilers } from './audience.ts';
import { filingPolicy, OVERSEER_ROLES } from './filing.policy.ts';
import { presentRequirement, presentRequirementSummary } from './filing.presenter.ts';
import { filingRepository } from './filing.repository.ts';
import { currentPeriod, requirementPeriods, timingProblem } from './periods.ts';
import { dueColumns, loadRequirement, periodsOf } from './requirement-context.ts';
import { type RequirementView, requirementRepository as repo } from './requirement.repository.ts';


type TimingBody = Pick<FilingRequirementBody, 'recurrence' | 'due' | 'startsOn' | 'endsOn' | 'requiredFields'>;

/** Timing and field rules shared by issue and update; throws 400 naming the field. */
async function checkTiming(db: Db, body: TimingBody, today: string): Promise<void> {
  const problem = timingProblem(body);
  if (problem) throw invalid(problem.message, [problem]);
  const keys = new Set<string>();
  body.requiredFields.forEach((f, i) => {
    if (keys.has(f.key)) throw invalid(`报送字段“${f.label}”的标识“${f.key}”重复`, [{ path: `requiredFields.${i}.key`, message: '标识重复' }]);
    keys.add(f.key);
  });
  if (body.recurrence === 'once') {
    const cal = await getCalendar(db);
    // A due date counted in working days into a year without holiday data is refused (issue 10 §3).
    const strict = { addWorkingDays: (d: string, n: number) => cal.addWorkingDaysStrict(d, n), isWorkingDay: (d: string) => cal.isWorkingDay(d) };
    const [p] = requirementPeriods({ ...body, issuedOn: today }, strict);
    if (p!.dueDate < today) throw invalid(`截止日期${p!.dueDate}早于今天（${today}）`, [{ path: 'due', message: '截止日期已过' }]);
  }
}

export async function issueRequirement(db: Db, clock: Clock, actor: Actor, body: FilingRequirementBody): Promise<FilingRequirement> {
  if (actor.role !== 'group_office') throw forbidden('只有领导小组办公室可以下达报送要求');
  const issuer = await regionRepository.byCode(db, actor.regionCode);
  if (!issuer) throw forbidden('您的账号未关联有效区划');
  const now = clock.now();
  const today = todayInChina(now);
  if (body.kind === 'survey_result') {
    if (body.audience.mode === 'member_agencies') {
      throw invalid('摸底排查结果由下级区划报送（汇总到各级），不能下达给成员单位', [{ path: 'audience.mode', message: '请选择下级区划' }]);
    }
    if (body.recurrence !== 'once' && body.recurrence !== 'yearly') {
      throw invalid('摸底排查结果按年度报送，请选择一次性或每年', [{ path: 'recurrence', message: '请选择一次性或每年' }]);
    }
  }
  await checkTiming(db, body, today);
  const targets = await expectedFilers(db, issuer, body.audience);
  const id = await db.transaction(async (tx) => {
    const req = await repo.insert(tx, {
      issuerRegionCode: issuer.code,
      issuerAgencyId: actor.agencyId,
      issuedBy: actor.userId!,
      kind: body.kind,
      title: body.title,
      description: body.description,
      year: body.year,
      audience: body.audience.mode,
      recurrence: body.recurrence,
      ...dueColumns(body.due),
      startsOn: body.recurrence === 'once' ? null : body.startsOn,
      endsOn: body.recurrence === 'once' ? null : body.endsOn,
      requiredFields: body.requiredFields,
      attachmentRequired: body.attachmentRequired,
      remindDaysBefore: body.remindDaysBefore,
      issuedOn: today,
      createdAt: now,
      updatedAt: now,
    });
    const rows = await repo.insertTargets(tx, targets.map((t) => ({ ...t, requirementId: req.id })));
    await recordAudit(tx, actor, now, {
      action: 'filing_requirement.issue',
      entityType: 'filing_requirement',
      entityId: req.id,
      regionCode: issuer.code,
      after: { requirement: req, targets: rows.map((t) => t.name) },
    });
    return req.id;
  });
  return getRequirement(db, clock, actor, id);
}

export async function getRequirement(db: Db, clock: Clock, actor: Actor, id: number): Promise<FilingRequirement> {
  const ctx = await loadRequirement(db, clock, actor, id);
  const current = await filingRepository.ofRequirements(db, [id], ctx.current.key);
  const myFiling = ctx.myTarget ? (current.find((f) => f.targetId === ctx.myTarget!.id) ?? null) : null;
  return presentRequirement(ctx.req, {
    current: ctx.current,
    targetCount: ctx.targets.length,
    filedCount: current.length,
    myFiling,
    relation: ctx.relation,
    deadlineLabel: ctx.cal.describeDeadline(ctx.current.dueDate, ctx.today).label,
    periods: ctx.periods,
    targets: ctx.targets,
    myTarget: ctx.myTarget,
  });
}

/** Issued by the actor's office or offices below (overseers), or addressed to the actor's unit. */
export async function listRequirements(
  db: Db,
  clock: Clock,
  actor: Actor,
  q: { view: 'issued' | 'addressed'; year?: number; kind?: string; issuer?: string },
): Promise<FilingRequirementSummary[]> {
  const filters = { year: q.year, kind: q.kind, issuer: q.issuer };
  const who = filingPolicy.filerIdentity(actor);
  const overseer = OVERSEER_ROLES.has(actor.role);
  let reqs: RequirementView[] =
    q.view === 'issued' ? (overseer ? await repo.issuedInScope(db, actor.scope, filters) : []) : await repo.addressedTo(db, who, filters);
  if (q.view === 'issued') {
    // The subtree is administrative; oversight follows the reporting relation (郑州 does not oversee 巩义).
    const oversees = new Map<string, boolean>();
    for (const code of new Set(reqs.map((r) => r.issuerRegionCode))) {
      oversees.set(code, filingPolicy.oversees(actor, await reportsUpTo(db, code, actor.regionCode)));
    }
    reqs = reqs.filter((r) => oversees.get(r.issuerRegionCode));
  }
  if (reqs.length === 0) return [];
  const cal = await getCalendar(db);
  const today = todayInChina(clock.now());
  const ids = reqs.map((r) => r.id);
  const currents = new Map(reqs.map((r) => [r.id, currentPeriod(periodsOf(r, cal), today)]));
  const filings = await filingRepository.forPeriods(db, reqs.map((r) => ({ requirementId: r.id, periodKey: currents.get(r.id)!.key })));
  const counts = await repo.targetCounts(db, ids);
  const mine = new Map((await repo.targetsMatching(db, who, ids)).map((t) => [t.requirementId, t]));
  return reqs.map((r) => {
    const current = currents.get(r.id)!;
    const own = filings.filter((f) => f.requirementId === r.id);
    const myTarget = mine.get(r.id);
    return presentRequirementSummary(r, {
      current,
      targetCount: counts.get(r.id) ?? 0,
      filedCount: own.length,
      myFiling: myTarget ? (own.find((f) => f.targetId === myTarget.id) ?? null) : null,
      relation: filingPolicy.isIssuer(actor, r) ? 'issuer' : myTarget ? 'filer' : 'overseer',
      deadlineLabel: cal.describeDeadline(current.dueDate, today).label,
    });
  });
}

/** Corrects text, due rule, fields or reminder days; audience and recurrence stay as issued. */
export async function updateRequirement(db: Db, clock: Clock, actor: Actor, id: number, body: FilingRequirementUpdateBody): Promise<FilingRequirement> {
  const ctx = await loadRequirement(db, clock, actor, id);
  if (ctx.relation !== 'issuer') throw forbidden('只有下达该要求的领导小组办公室可以修改');
  checkVersion(ctx.req.version, body.version);
  const timing = { ...body, recurrence: ctx.req.recurrence as FilingRequirementBody['recurrence'] };
  const now = clock.now();
  await checkTiming(db, timing, todayInChina(now));
  const next = { ...ctx.req, ...dueColumns(body.due), startsOn: timing.recurrence === 'once' ? null : body.startsOn, endsOn: timing.recurrence === 'once' ? null : body.endsOn };
  const keys = new Set(periodsOf(next, ctx.cal).map((p) => p.key));
  const filed = await filingRepository.ofRequirements(db, [id]);
  const orphan = filed.find((f) => !keys.has(f.periodKey));
  if (orphan) throw invalid(`期次“${orphan.periodKey}”已有报送，不能移出报送期间`, [{ path: 'startsOn', message: '已有报送的期次不能移出' }]);
  await db.transaction(async (tx) => {
    const before = await repo.byIdForUpdate(tx, id);
    if (!before) throw notFound('报送要求');
    checkVersion(before.version, body.version);
    const set = {
      title: body.title,
      description: body.description,
      ...dueColumns(body.due),
      startsOn: next.startsOn,
      endsOn: next.endsOn,
      requiredFields: body.requiredFields,
      attachmentRequired: body.attachmentRequired,
      remindDaysBefore: body.remindDaysBefore,
    };
    await guardedEdit(tx, { table: repo.table, id, version: body.version, set, actor, now, entityType: 'filing_requirement', regionCode: before.issuerRegionCode, before });
  });
  return getRequirement(db, clock, actor, id);
}
