import type { BasisItem, BasisItemBody, BasisItemQuery, CapacityUnit, Industry, IndustryBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { presentBasisItem, presentIndustry } from './catalogue.presenter.ts';
import { catalogueRepository as repo } from './catalogue.repository.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

// Writes are reached only with the `catalogue:manage` ability (checked by the route config):
// the catalogues are national/provincial reference data, not scoped records.

export async function listUnits(db: Db): Promise<CapacityUnit[]> {
  return repo.units(db);
}

export async function listIndustries(db: Db): Promise<Industry[]> {
  return (await repo.industries(db)).map(presentIndustry);
}

async function requireUnit(db: Db, unitCode: string) {
  const unit = await repo.unitByCode(db, unitCode);
  if (!unit) throw invalid(`产能单位“${unitCode}”不存在`, [{ path: 'unitCode', message: '产能单位不存在' }]);
  return unit;
}

async function requireFreeIndustryName(db: Db, name: string, exceptCode: string | null) {
  const other = await repo.industryByName(db, name);
  if (other && other.code !== exceptCode) throw conflict(`行业名称“${name}”已存在`);
}

const duplicateIndustry = (err: unknown) =>
  isUniqueViolation(err) ? conflict('行业代码或名称已存在，请刷新后重试') : err;

export async function createIndustry(db: Db, clock: Clock, actor: Actor, body: IndustryBody): Promise<Industry> {
  if (await repo.industryByCode(db, body.code)) throw conflict(`行业代码“${body.code}”已存在`);
  await requireFreeIndustryName(db, body.name, null);
  await requireUnit(db, body.unitCode);
  try {
    return await db.transaction(async (tx) => {
      const row = await repo.insertIndustry(tx, body);
      await recordAudit(tx, actor, clock.now(), {
        action: 'industry.create',
        entityType: 'industry',
        entityId: row.code,
        after: row,
      });
      return presentIndustry(row);
    });
  } catch (err) {
    throw duplicateIndustry(err);
  }
}

export async function updateIndustry(db: Db, clock: Clock, actor: Actor, code: string, body: IndustryBody): Promise<Industry> {
  // Lines and basis items refer to the code: renaming it would orphan them.
  if (body.code !== code) throw invalid('行业代码不可修改', [{ path: 'code', message: '行业代码不可修改' }]);
  if (!(await repo.industryByCode(db, code))) throw notFound('行业');
  await requireFreeIndustryName(db, body.name, code);
  const unit = await requireUnit(db, body.unitCode);
  try {
    return await db.transaction(async (tx) => {
      const before = (await repo.industryByCode(tx, code, 'update'))!;
      if (before.unitCode !== body.unitCode) {
        // A line's unit must equal its industry's; capacities in different units never add up.
        const used = (await repo.lineUnitsOfIndustry(tx, code)).filter((u) => u.unit !== body.unitCode);
        if (used.length > 0) {
          const n = used.reduce((s, u) => s + u.n, 0);
          throw conflict(`行业“${before.name}”已有${n}条生产线按原单位登记产能，不能改为“${unit.name}”`);
        }
      }
      const after = await repo.updateIndustry(tx, code, {
        name: body.name,
        unitCode: body.unitCode,
        isKey: body.isKey,
        sortOrder: body.sortOrder,
      });
      await recordAudit(tx, actor, clock.now(), { action: 'industry.update', entityType: 'industry', entityId: code, before, after });
      return presentIndustry(after);
    });
  } catch (err) {
    throw duplicateIndustry(err);
  }
}

export async function listBasisItems(db: Db, q: BasisItemQuery): Promise<BasisItem[]> {
  const rows = await repo.basisItems(db, {
    criterion: q.criterion,
    industry: q.industry,
    active: q.active === undefined ? undefined : q.active === 'true',
  });
  return rows.map(presentBasisItem);
}

async function requireIndustryOrNull(db: Db, code: string | null) {
  if (code !== null && !(await repo.industryByCode(db, code))) {
    throw invalid(`行业“${code}”不存在`, [{ path: 'industryCode', message: '行业不存在' }]);
  }
}

export async function createBasisItem(db: Db, clock: Clock, actor: Actor, body: BasisItemBody): Promise<BasisItem> {
  await requireIndustryOrNull(db, body.industryCode);
  return db.transaction(async (tx) => {
    const row = await repo.insertBasisItem(tx, body);
    await recordAudit(tx, actor, clock.now(), { action: 'basis_item.create', entityType: 'basis_item', entityId: row.id, after: row });
    return presentBasisItem(row);
  });
}

/** Also how an item is retired (`active: false`): lines that cite it keep the reference. */
export async function updateBasisItem(db: Db, clock: Clock, actor: Actor, id: number, body: BasisItemBody): Promise<BasisItem> {
  if (!(await repo.basisItemById(db, id))) throw notFound('判定依据');
  await requireIndustryOrNull(db, body.industryCode);
  return db.transaction(async (tx) => {
    const before = (await repo.basisItemById(tx, id))!;
    const after = await repo.updateBasisItem(tx, id, body);
    await recordAudit(tx, actor, clock.now(), { action: 'basis_item.update', entityType: 'basis_item', entityId: id, before, after });
    return presentBasisItem(after);
  });
}
