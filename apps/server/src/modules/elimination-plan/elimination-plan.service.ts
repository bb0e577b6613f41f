import type { ListPage, Plan, PlanCreateBody, PlanQuery, PlanStatus, PlanSummary, PlanUpdateBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/list-query.ts';
import { catalogueRepository, isUniqueViolation } from '../catalogue/index.ts';
import { type RegionRow, regionRepository } from '../region/index.ts';
import { regionSubtree } from '../target/index.ts';
import { PLAN_LEVELS, planPolicy } from './elimination-plan.policy.ts';
import { presentPlan, presentPlanSummary } from './elimination-plan.presenter.ts';
import { type PlanRow, type PlanView, planRepository, type RegionColumn } from './elimination-plan.repository.ts';
import { totalsPerUnit } from './plan-totals.ts';

export const STALE_PLAN = '该淘汰计划已被他人修改，请刷新后重试';
export const NOT_DRAFT = '只有草稿状态的计划可以修改；已报送的计划请先撤回或由审批单位退回';

export const regionColumnOf = (level: string): RegionColumn =>
  level === 'province' ? 'provinceCode' : level === 'prefecture' ? 'prefectureCode' : 'countyCode';

/** The plan and its region if the actor may read it; otherwise 404, the same as an id that does not exist. */
export async function readablePlan(db: Db, actor: Actor, id: number): Promise<{ view: PlanView; region: RegionRow }> {
  const view = await planRepository.viewById(db, id);
  const region = view ? await regionRepository.byCode(db, view.regionCode) : null;
  if (!view || !region || !planPolicy.canRead(actor, region)) throw notFound('淘汰计划');
  return { view, region };
}

/** Inside a transaction: the locked plan, 404 out of scope, 403 unless the actor drafts it, 409 unless it is a draft. */
export async function lockDraftForDrafter(tx: Db, actor: Actor, id: number): Promise<{ row: PlanRow; region: RegionRow }> {
  const row = await planRepository.byIdForUpdate(tx, id);
  const region = row ? await regionRepository.byCode(tx, row.regionCode) : null;
  if (!row || !region || !planPolicy.canRead(actor, region)) throw notFound('淘汰计划');
  if (!planPolicy.isDrafter(actor, row.regionCode)) throw forbidden(`只有${region.name}领导小组办公室可以修改本级淘汰计划`);
  if (row.status !== 'draft') throw conflict(NOT_DRAFT);
  return { row, region };
}

export async function getPlan(db: Db, actor: Actor, id: number): Promise<Plan> {
  const { view, region } = await readablePlan(db, actor, id);
  const lines = await planRepository.lines(db, id);
  return presentPlan(view, lines, planPolicy.abilities(actor, { region, createdBy: view.createdBy, submittedBy: view.submittedBy }, view.status as PlanStatus));
}

export async function listPlans(db: Db, actor: Actor, q: PlanQuery): Promise<ListPage<PlanSummary>> {
  const w = pageWindow(q, 20);
  if (w.cursor) throw invalid('淘汰计划列表按页码翻页', [{ path: 'cursor', message: '淘汰计划列表按页码翻页' }]);
  if (actor.role === 'enterprise') return { items: [], nextCursor: null, total: 0, page: w.page, pageSize: w.size };
  if (q.region) await readablePlanRegion(db, actor, q.region);
  const scope = actor.scope.column === 'all' ? undefined : regionSubtree(actor.scope.column, actor.scope.code);
  const filter = { scope, regionCode: q.region, year: q.year, status: q.status };
  const [plans, total] = await Promise.all([
    planRepository.list(db, filter, { offset: w.offset, limit: w.size, descending: q.sort === '-regionCode' }),
    planRepository.count(db, filter),
  ]);
  const stats = await planRepository.lineStats(
    db,
    plans.map((p) => p.id),
  );
  const units = new Map((await catalogueRepository.units(db)).map((u) => [u.code, u.name]));
  const items = plans.map((p) => {
    const mine = stats.filter((s) => s.planId === p.id);
    const totals = totalsPerUnit(
      mine.map((s) => ({ capacityUnit: s.unit, unitName: units.get(s.unit) ?? s.unit, capacity: s.capacity, enterpriseId: s.enterpriseId })),
    );
    return presentPlanSummary(p, totals, mine.length);
  });
  return { items, nextCursor: null, total, page: w.page, pageSize: w.size };
}

async function readablePlanRegion(db: Db, actor: Actor, code: string): Promise<RegionRow> {
  const r = await regionRepository.byCode(db, code);
  if (!r || !planPolicy.canRead(actor, r)) throw notFound('行政区划');
  return r;
}

export async function createPlan(db: Db, clock: Clock, actor: Actor, body: PlanCreateBody): Promise<Plan> {
  const region = await readablePlanRegion(db, actor, body.regionCode);
  if (!planPolicy.isDrafter(actor, region.code)) throw forbidden(`只有${region.name}领导小组办公室可以编制本级淘汰计划`);
  if (!PLAN_LEVELS.includes(region.level)) {
    const message = '淘汰计划由省、市、县三级编制，乡镇（街道）和园区的排查结果列入县级计划';
    throw invalid(message, [{ path: 'regionCode', message }]);
  }
  const now = clock.now();
  const exists = `${region.name}${body.year}年淘汰计划已存在`;
  const created = await db
    .transaction(async (tx) => {
      if (await planRepository.byRegionYear(tx, region.code, body.year)) throw conflict(exists);
      const row = await planRepository.insert(tx, {
        regionCode: region.code,
        year: body.year,
        title: body.title || `${region.name}${body.year}年淘汰落后产能计划`,
        note: body.note,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, actor, now, { action: 'elimination_plan.create', entityType: 'elimination_plan', entityId: row.id, regionCode: region.code, after: row });
      return row;
    })
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict(exists) : err;
    });
  return getPlan(db, actor, created.id);
}

export async function updatePlan(db: Db, clock: Clock, actor: Actor, id: number, body: PlanUpdateBody): Promise<Plan> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { row: before } = await lockDraftForDrafter(tx, actor, id);
    if (before.version !== body.version) throw conflict(STALE_PLAN);
    const after = await planRepository.updateIfVersion(tx, id, body.version, { title: body.title, note: body.note, updatedAt: now });
    if (!after) throw conflict(STALE_PLAN);
    await recordAudit(tx, actor, now, { action: 'elimination_plan.update', entityType: 'elimination_plan', entityId: id, regionCode: before.regionCode, before, after });
  });
  return getPlan(db, actor, id);
}

export async function deletePlan(db: Db, clock: Clock, actor: Actor, id: number, version: number): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { row } = await lockDraftForDrafter(tx, actor, id);
    if (row.version !== version) throw conflict(STALE_PLAN);
    const lines = await planRepository.lines(tx, id);
    await planRepository.delete(tx, id);
    await recordAudit(tx, actor, now, {
      action: 'elimination_plan.delete',
      entityType: 'elimination_plan',
      entityId: id,
      regionCode: row.regionCode,
      before: { ...row, lineIds: lines.map((l) => l.lineId) },
    });
  });
}
