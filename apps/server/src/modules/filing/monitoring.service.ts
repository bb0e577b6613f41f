import type { DeadlineItem, FilingMatrix, NonSubmitters } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { getCalendar, type WorkingCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { regionInActorScope } from '../region/index.ts';
import { reportsUpTo } from '../reporting/index.ts';
import { effectivePlan } from '../work-plan/index.ts';
import { filingPolicy, OVERSEER_ROLES } from './filing.policy.ts';
import { presentPeriod, presentTarget } from './filing.presenter.ts';
import { filingRepository } from './filing.repository.ts';
import { currentPeriod, type DuePeriod } from './periods.ts';
import { findPeriod, loadRequirement, periodsOf } from './requirement-context.ts';
import { requirementRepository } from './requirement.repository.ts';

/** "逾期 N 个工作日" for a missing filing, or the usual 剩余/今日到期 wording before the due date. */
export function missingLabel(cal: WorkingCalendar, due: string, today: string): { overdueWorkingDays: number; label: string } {
  if (today > due) {
    const n = cal.workingDaysBetween(due, today);
    return { overdueWorkingDays: n, label: `逾期 ${n} 个工作日` };
  }
  return { overdueWorkingDays: 0, label: cal.describeDeadline(due, today).label };
}

/** Regions or agencies that have filed nothing for a period, with working days overdue (from the clock). */
export async function nonSubmitters(db: Db, clock: Clock, actor: Actor, requirementId: number, periodKey?: string): Promise<NonSubmitters> {
  const ctx = await loadRequirement(db, clock, actor, requirementId);
  if (ctx.relation === 'filer') throw forbidden('只有下达单位及其上级可以查看未报送名单');
  const period = findPeriod(ctx, periodKey);
  if (!period) throw invalid(`期次“${periodKey}”不属于该报送要求`, [{ path: 'period', message: '期次不存在' }]);
  const filed = new Set((await filingRepository.ofRequirements(db, [requirementId], period.key)).map((f) => f.targetId));
  const { overdueWorkingDays, label } = missingLabel(ctx.cal, period.dueDate, ctx.today);
  return {
    requirementId,
    period: presentPeriod(period),
    today: ctx.today,
    expected: ctx.targets.length,
    items: ctx.targets.filter((t) => !filed.has(t.id)).map((t) => ({ ...presentTarget(t), overdueWorkingDays, label })),
  };
}

/** Regions (and agencies) × requirements of one issuing office, each cell for the requirement's current period. */
export async function filingMatrix(db: Db, clock: Clock, actor: Actor, q: { region?: string; year?: number }): Promise<FilingMatrix> {
  if (!OVERSEER_ROLES.has(actor.role)) throw forbidden('只有领导小组办公室及其上级可以查看报送情况总表');
  const issuer = await regionInActorScope(db, actor, q.region ?? actor.regionCode);
  if (!filingPolicy.oversees(actor, await reportsUpTo(db, issuer.code, actor.regionCode))) throw notFound('行政区划');
  const cal = await getCalendar(db);
  const today = todayInChina(clock.now());
  const reqs = await requirementRepository.ofIssuer(db, issuer.code, q.year);
  const currents = new Map(reqs.map((r) => [r.id, currentPeriod(periodsOf(r, cal), today)]));
  const filings = await filingRepository.forPeriods(db, reqs.map((r) => ({ requirementId: r.id, periodKey: currents.get(r.id)!.key })));
  const targets = await requirementRepository.targetsOf(db, reqs.map((r) => r.id));
  const rows = new Map<string, FilingMatrix['rows'][number]>();
  for (const t of targets) {
    const key = t.agencyId !== null ? `a${t.agencyId}` : `r${t.regionCode}`;
    let row = rows.get(key);
    if (!row) {
      row = { regionCode: t.regionCode, agencyId: t.agencyId, name: t.name, cells: {} };
      rows.set(key, row);
    }
    const req = reqs.find((r) => r.id === t.requirementId)!;
    const p = currents.get(req.id)!;
    const f = filings.find((x) => x.requirementId === req.id && x.targetId === t.id);
    const missing = missingLabel(cal, p.dueDate, today);
    const state = f
      ? (f.status as FilingMatrix['rows'][number]['cells'][string]['state'])
      : today > p.dueDate
        ? 'overdue'
        : cal.workingDaysBetween(today, p.dueDate) <= req.remindDaysBefore
          ? 'due_soon'
          : 'not_due';
    row.cells[String(req.id)] = {
      state,
      filingId: f?.id ?? null,
      lateWorkingDays: f?.lateWorkingDays ?? 0,
      overdueWorkingDays: f ? 0 : missing.overdueWorkingDays,
    };
  }
  const sorted = [...rows.values()].sort((a, b) =>
    a.agencyId === null && b.agencyId === null
      ? a.regionCode!.localeCompare(b.regionCode!)
      : a.agencyId === null
        ? -1
        : b.agencyId === null
          ? 1
          : a.agencyId - b.agencyId,
  );
  return {
    issuerRegionCode: issuer.code,
    today,
    requirements: reqs.map((r) => ({ id: r.id, title: r.title, kind: r.kind as FilingMatrix['requirements'][number]['kind'], period: presentPeriod(currents.get(r.id)!) })),
    rows: sorted,
  };
}

/** The dates of a month given as YYYY-MM. */
function inMonth(month: string): (d: string) => boolean {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  if (m < 1 || m > 12) throw invalid(`月份“${month}”无效`, [{ path: 'month', message: '月份无效' }]);
  const start = `${month}-01`;
  const end = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  return (d: string) => d >= start && d <= end;
}

/** My deadlines in a month: filings due from my unit, due dates of what my office issued, and phase ends of my plan. */
export async function myDeadlines(db: Db, clock: Clock, actor: Actor, month: string): Promise<DeadlineItem[]> {
  const cal = await getCalendar(db);
  const today = todayInChina(clock.now());
  const within = inMonth(month);
  const items: DeadlineItem[] = [];
  const periodsIn = (r: Parameters<typeof periodsOf>[0]): DuePeriod[] => periodsOf(r, cal).filter((p) => within(p.dueDate));

  const who = filingPolicy.filerIdentity(actor);
  const addressed = await requirementRepository.addressedTo(db, who, {});
  const myTargets = await requirementRepository.targetsMatching(db, who, addressed.map((r) => r.id));
  const myFilings = await filingRepository.ofTargets(db, myTargets.map((t) => t.id));
  for (const r of addressed) {
    const t = myTargets.find((x) => x.requirementId === r.id);
    for (const p of periodsIn(r)) {
      const f = myFilings.find((x) => x.targetId === t?.id && x.periodKey === p.key);
      items.push({
        date: p.dueDate,
        kind: 'filing',
        title: r.recurrence === 'once' ? r.title : `${r.title}（${p.label}）`,
        role: 'filer',
        requirementId: r.id,
        periodKey: p.key,
        status: f ? f.status : today > p.dueDate ? 'overdue' : 'pending',
        filedCount: null,
        expectedCount: null,
        label: f ? (f.lateWorkingDays ? `已报送（逾期 ${f.lateWorkingDays} 个工作日）` : '已按时报送') : missingLabel(cal, p.dueDate, today).label,
      });
    }
  }

  if (actor.role === 'group_office') {
    const issued = await requirementRepository.ofIssuer(db, actor.regionCode, undefined);
    const pairs = issued.flatMap((r) => periodsIn(r).map((p) => ({ r, p })));
    const filed = await filingRepository.forPeriods(db, pairs.map(({ r, p }) => ({ requirementId: r.id, periodKey: p.key })));
    const counts = await requirementRepository.targetCounts(db, issued.map((r) => r.id));
    for (const { r, p } of pairs) {
      const n = filed.filter((f) => f.requirementId === r.id && f.periodKey === p.key).length;
      const expected = counts.get(r.id) ?? 0;
      items.push({
        date: p.dueDate,
        kind: 'filing',
        title: r.recurrence === 'once' ? r.title : `${r.title}（${p.label}）`,
        role: 'issuer',
        requirementId: r.id,
        periodKey: p.key,
        status: null,
        filedCount: n,
        expectedCount: expected,
        label: `已报 ${n}/${expected}`,
      });
    }
  }

  const year = Number(month.slice(0, 4));
  for (const y of [year - 1, year]) {
    const eff = await effectivePlan(db, clock, actor, { region: actor.regionCode, year: y }).catch(() => null);
    for (const ph of eff?.plan?.phases ?? []) {
      if (!within(ph.endDate)) continue;
      items.push({
        date: ph.endDate,
        kind: 'phase_end',
        title: `${eff!.plan!.regionName}${eff!.plan!.year}年工作方案“${ph.name}”阶段结束`,
        role: 'plan',
        requirementId: null,
        periodKey: null,
        status: null,
        filedCount: null,
        expectedCount: null,
        label: cal.describeDeadline(ph.endDate, today).label,
      });
    }
  }
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}
