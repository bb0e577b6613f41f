import type { Plan, PlanCandidate, PlanCandidateQuery, PlanLinesAddBody, PlanLineUpdateBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { checkVersion, guardedEdit } from '../../platform/lifecycle/index.ts';
import { isCalendarDate } from '../target/index.ts';
import { presentCandidate } from './elimination-plan.presenter.ts';
import { type LineSource, planRepository } from './elimination-plan.repository.ts';
import { getPlan, lockDraftForDrafter, readablePlan, regionColumnOf } from './elimination-plan.service.ts';

/** A plan for year Y lists exits due in Y, or (sealed equipment dismantled over the winter) in Y+1. */
export function exitDeadlineProblem(d: string, year: number): string | null {
  if (!isCalendarDate(d)) return `淘汰期限“${d}”不是有效日期`;
  if (d < `${year}-01-01` || d > `${year + 1}-12-31`) return `淘汰期限应在${year}-01-01至${year + 1}-12-31之间`;
  return null;
}

/** The line's own planned exit date when it fits the plan's year, else the year's last day. */
export const defaultExitDeadline = (planned: string | null, year: number) =>
  planned && !exitDeadlineProblem(planned, year) ? planned : `${year}-12-31`;

const itemError = (i: number, path: string, message: string) => {
  const full = `第${i + 1}项：${message}`;
  return invalid(full, [{ path: `items.${i}.${path}`, message: full }]);
};

const inRegion = (s: LineSource, column: 'provinceCode' | 'prefectureCode' | 'countyCode', code: string) => s[column] === code;

/** The survey that feeds year Y's plan runs in the autumn of Y−1 (003 §四(一)); one filed in Y counts too. */
export const surveyYearsFor = (planYear: number) => [planYear - 1, planYear];

/**
 * Lines the plan may take. `auto` prefers lines from accepted survey filings (verified on site by the
 * level above) when the region has any, and falls back to every registered line in the region.
 */
export async function planCandidates(
  db: Db,
  actor: Actor,
  id: number,
  q: PlanCandidateQuery,
): Promise<{ items: PlanCandidate[]; nextCursor: number | null; source: 'survey' | 'registry' }> {
  const { view, region } = await readablePlan(db, actor, id);
  const column = regionColumnOf(region.level);
  const years = surveyYearsFor(view.year);
  const source =
    q.source === 'auto' ? ((await planRepository.hasSurveyedLines(db, column, region.code, years)) ? 'survey' : 'registry') : q.source;
  const rows = await planRepository.candidates(db, {
    column,
    code: region.code,
    planId: id,
    surveyYears: source === 'survey' ? years : null,
    industry: q.industry,
    q: q.q,
    after: q.cursor,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const surveyed =
    source === 'survey'
      ? new Set(page.map((s) => s.lineId))
      : await planRepository.surveyed(
          db,
          page.map((s) => s.lineId),
          years,
        );
  return {
    items: page.map((s) => presentCandidate(s, view.regionDepth, surveyed.has(s.lineId))),
    nextCursor: rows.length > q.limit ? page.at(-1)!.lineId : null,
    source,
  };
}

/** Puts registry lines of the region's enterprises into a draft plan, each with its exit deadline. */
export async function addPlanLines(db: Db, clock: Clock, actor: Actor, id: number, body: PlanLinesAddBody): Promise<Plan> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { row: plan, region } = await lockDraftForDrafter(tx, actor, id);
    checkVersion(plan.version, body.version);
    const column = regionColumnOf(region.level);
    const sources = new Map((await planRepository.lineSources(tx, body.items.map((x) => x.lineId))).map((s) => [s.lineId, s]));
    const already = new Set((await planRepository.lines(tx, id)).map((l) => l.lineId));
    const seen = new Set<number>();
    const rows = body.items.map((x, i) => {
      const s = sources.get(x.lineId);
      // A line outside the region is reported like a missing one: scope is law.
      if (!s || !inRegion(s, column, region.code)) throw itemError(i, 'lineId', `生产线#${x.lineId}不存在或不在${region.name}`);
      const label = `生产线“${s.snapshot.lineName}”（${s.snapshot.enterpriseName}）`;
      if (already.has(x.lineId) || seen.has(x.lineId)) throw itemError(i, 'lineId', `${label}已在计划中`);
      if (s.status === 'eliminated') throw itemError(i, 'lineId', `${label}已淘汰，不能再列入计划`);
      seen.add(x.lineId);
      const exitDeadline = x.exitDeadline ?? defaultExitDeadline(s.plannedExitDate, plan.year);
      const problem = exitDeadlineProblem(exitDeadline, plan.year);
      if (problem) throw itemError(i, 'exitDeadline', problem);
      return {
        planId: id,
        lineId: s.lineId,
        enterpriseId: s.enterpriseId,
        exitDeadline,
        industryCode: s.industryCode,
        capacityUnit: s.capacityUnit,
        capacity: s.capacity,
        snapshot: s.snapshot,
        addedAt: now,
      };
    });
    await planRepository.insertLines(tx, rows);
    // The plan's version moves with its lines, so an edit based on the old list answers 409.
    await guardedEdit(tx, {
      table: planRepository.table,
      id,
      version: body.version,
      set: {},
      actor,
      now,
      entityType: 'elimination_plan',
      action: 'elimination_plan.add_lines',
      regionCode: plan.regionCode,
      after: () => ({ lines: rows.map((r) => ({ lineId: r.lineId, exitDeadline: r.exitDeadline, capacity: r.capacity, unit: r.capacityUnit })) }),
    });
  });
  return getPlan(db, actor, id);
}

export async function updatePlanLine(db: Db, clock: Clock, actor: Actor, id: number, lineId: number, body: PlanLineUpdateBody): Promise<Plan> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { row: plan } = await lockDraftForDrafter(tx, actor, id);
    checkVersion(plan.version, body.version);
    const problem = exitDeadlineProblem(body.exitDeadline, plan.year);
    if (problem) throw invalid(problem, [{ path: 'exitDeadline', message: problem }]);
    const before = (await planRepository.lines(tx, id)).find((l) => l.lineId === lineId);
    if (!before) throw notFound('计划中的生产线');
    const after = await planRepository.updateLineDeadline(tx, id, lineId, body.exitDeadline);
    await guardedEdit(tx, {
      table: planRepository.table,
      id,
      version: body.version,
      set: {},
      actor,
      now,
      entityType: 'elimination_plan',
      action: 'elimination_plan.update_line',
      regionCode: plan.regionCode,
      before: { lineId, exitDeadline: before.exitDeadline },
      after: () => ({ lineId, exitDeadline: after!.exitDeadline }),
    });
  });
  return getPlan(db, actor, id);
}

export async function removePlanLine(db: Db, clock: Clock, actor: Actor, id: number, lineId: number, version: number): Promise<Plan> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { row: plan } = await lockDraftForDrafter(tx, actor, id);
    checkVersion(plan.version, version);
    const removed = await planRepository.deleteLine(tx, id, lineId);
    if (!removed) throw notFound('计划中的生产线');
    await guardedEdit(tx, {
      table: planRepository.table,
      id,
      version,
      set: {},
      actor,
      now,
      entityType: 'elimination_plan',
      action: 'elimination_plan.remove_line',
      regionCode: plan.regionCode,
      before: { lineId, exitDeadline: removed.exitDeadline, capacity: removed.capacity, unit: removed.capacityUnit },
      after: () => undefined,
    });
  });
  return getPlan(db, actor, id);
}
