import type { Target, TargetCreateBody, TargetQuery, TargetSummary, TargetUpdateBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { catalogueRepository } from '../catalogue/index.ts';
import { checkVersion, guardedEdit } from '../../platform/lifecycle/index.ts';
import { type RegionRow, regionRepository } from '../region/index.ts';
import { decompositionModeOf, TARGET_LEVELS, targetPolicy } from './target.policy.ts';
import { presentAllocation, presentTarget, presentTargetLine, presentTargetSummary } from './target.presenter.ts';
import { regionSubtree, type TargetRow, type TargetView, targetRepository } from './target.repository.ts';
import { targetEvents } from './target.machine.ts';
import { figuresFor } from './target-figures.ts';
import { deadlineProblem, yearEnd } from './target-rules.ts';

/** A region the actor may read targets of; otherwise 404, the same as a code that does not exist. */
export async function readableRegion(db: Db, actor: Actor, code: string): Promise<RegionRow> {
  const r = await regionRepository.byCode(db, code);
  if (!r || !targetPolicy.canReadRegion(actor, r)) throw notFound('行政区划');
  return r;
}

/** The target and its region if the actor may read it; otherwise 404. */
export async function readableTarget(db: Db, actor: Actor, id: number): Promise<{ view: TargetView; region: RegionRow }> {
  const view = await targetRepository.viewById(db, id);
  const region = view ? await regionRepository.byCode(db, view.regionCode) : null;
  if (!view || !region || !targetPolicy.canReadRegion(actor, region)) throw notFound('目标任务');
  return { view, region };
}

/** Inside a transaction: the locked target, 404 out of scope, 403 for anyone but its region's office. */
export async function lockTargetForOffice(tx: Db, actor: Actor, id: number, doing: string): Promise<{ row: TargetRow; region: RegionRow }> {
  const row = await targetRepository.byIdForUpdate(tx, id);
  const region = row ? await regionRepository.byCode(tx, row.regionCode) : null;
  if (!row || !region || !targetPolicy.canReadRegion(actor, region)) throw notFound('目标任务');
  if (!targetPolicy.isOfficeOf(actor, row.regionCode)) throw forbidden(`只有${region.name}领导小组办公室可以${doing}`);
  return { row, region };
}

const field = (path: string, message: string) => invalid(message, [{ path, message }]);

/** The industry exists and the target's unit is the industry's unit (capacities of different units never add up). */
async function checkIndustryUnit(tx: Db, industryCode: string, unitCode: string) {
  const ind = await catalogueRepository.industryByCode(tx, industryCode, 'share');
  if (!ind) throw field('industryCode', `行业“${industryCode}”不存在`);
  const unit = await catalogueRepository.unitByCode(tx, unitCode);
  if (!unit) throw field('unitCode', `产能单位“${unitCode}”不存在`);
  if (ind.unitCode !== unitCode) {
    const expected = (await catalogueRepository.unitByCode(tx, ind.unitCode))?.name ?? ind.unitCode;
    throw field('unitCode', `行业“${ind.name}”的产能单位为“${expected}”，目标任务不能以“${unit.name}”计`);
  }
  return ind;
}

export async function getTarget(db: Db, actor: Actor, id: number): Promise<Target> {
  const { view, region } = await readableTarget(db, actor, id);
  const mode = decompositionModeOf(region.level);
  const { figures } = await figuresFor(db, [id]);
  const children = await targetRepository.children(db, id);
  const further = await targetRepository.decomposedFurther(db, [id, ...children.map((c) => c.id)]);
  const lines = await targetRepository.namedLineViews(db, id);
  return presentTarget(view, {
    mode,
    figures: figures.get(id)!,
    allocations: children.map((c) => presentAllocation(c, further.has(c.id))),
    lines: lines.map(presentTargetLine),
    abilities: targetPolicy.abilities(actor, view, further.has(id)),
    availableEvents: targetEvents(actor, view, region),
  });
}

export async function listTargets(db: Db, actor: Actor, q: TargetQuery): Promise<TargetSummary[]> {
  if (actor.role === 'enterprise') return [];
  const scope = actor.scope.column === 'all' ? undefined : regionSubtree(actor.scope.column, actor.scope.code);
  let region: { code: string; subtree: ReturnType<typeof regionSubtree> | null } | undefined;
  if (q.region) {
    const r = await readableRegion(db, actor, q.region);
    const column = r.level === 'province' ? 'provinceCode' : r.level === 'prefecture' ? 'prefectureCode' : 'countyCode';
    region = { code: r.code, subtree: q.subtree === 'true' && TARGET_LEVELS.includes(r.level) ? regionSubtree(column, r.code) : null };
  }
  const rows = await targetRepository.list(db, { scope, region, year: q.year, industry: q.industry });
  return rows.map(presentTargetSummary);
}

/** A target as received from above, entered by the receiving region's own office. */
export async function createTarget(db: Db, clock: Clock, actor: Actor, body: TargetCreateBody): Promise<Target> {
  const region = await readableRegion(db, actor, body.regionCode);
  if (!targetPolicy.isOfficeOf(actor, region.code)) throw forbidden(`只有${region.name}领导小组办公室可以录入本级目标任务`);
  if (!TARGET_LEVELS.includes(region.level)) throw field('regionCode', '目标任务只下达到省、市、县三级，乡镇（街道）和园区的任务由县级分解到企业');
  const deadline = body.deadline ?? yearEnd(body.year);
  const problem = deadlineProblem(deadline, body.year);
  if (problem) throw field('deadline', problem);
  const now = clock.now();
  const created = await db
    .transaction(async (tx) => {
      const ind = await checkIndustryUnit(tx, body.industryCode, body.unitCode);
      if (await targetRepository.byKey(tx, body.year, region.code, ind.code)) {
        throw conflict(`${region.name}${body.year}年${ind.name}目标任务已存在`);
      }
      const row = await targetRepository.insert(tx, {
        year: body.year,
        regionCode: region.code,
        parentTargetId: null,
        industryCode: ind.code,
        unitCode: body.unitCode,
        quantity: String(body.quantity),
        enterpriseCount: body.enterpriseCount,
        deadline,
        source: body.source,
        note: body.note,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, actor, now, { action: 'target.create', entityType: 'target', entityId: row.id, regionCode: region.code, after: row });
      return row;
    })
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict(`${region.name}${body.year}年该行业目标任务已存在`) : err;
    });
  return getTarget(db, actor, created.id);
}

export async function updateTarget(db: Db, clock: Clock, actor: Actor, id: number, body: TargetUpdateBody): Promise<Target> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { row: before, region } = await lockTargetForOffice(tx, actor, id, '修改本级目标任务');
    if (before.parentTargetId !== null) throw forbidden('该目标任务由上级分解下达，只能由上级调整');
    checkVersion(before.version, body.version);
    const problem = deadlineProblem(body.deadline, before.year);
    if (problem) throw field('deadline', problem);
    await guardedEdit(tx, {
      table: targetRepository.table,
      id,
      version: body.version,
      set: { quantity: String(body.quantity), enterpriseCount: body.enterpriseCount, deadline: body.deadline, source: body.source, note: body.note },
      actor,
      now,
      entityType: 'target',
      regionCode: region.code,
      before,
    });
  });
  return getTarget(db, actor, id);
}

export async function deleteTarget(db: Db, clock: Clock, actor: Actor, id: number, version: number): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { row, region } = await lockTargetForOffice(tx, actor, id, '删除本级目标任务');
    if (row.parentTargetId !== null) throw forbidden('该目标任务由上级分解下达，只能由上级取消');
    checkVersion(row.version, version);
    if ((await targetRepository.decomposedFurther(tx, [id])).has(id)) throw conflict('该目标任务已分解，请先取消分解再删除');
    await targetRepository.delete(tx, id);
    await recordAudit(tx, actor, now, { action: 'target.delete', entityType: 'target', entityId: id, regionCode: region.code, before: row });
  });
}
