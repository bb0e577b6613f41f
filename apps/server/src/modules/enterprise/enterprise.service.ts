import { checkUscc, type Enterprise, type EnterpriseBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { catalogueRepository } from '../catalogue/index.ts';
import { checkVersion, guardedEdit } from '../../platform/lifecycle/index.ts';
import { progressMaintenance } from '../progress/index.ts';
import { ancestryOf, type RegionRow, regionRepository } from '../region/index.ts';
import { enterprisePolicy } from './enterprise.policy.ts';
import { presentEnterprise } from './enterprise.presenter.ts';
import { type EnterpriseInsert, type EnterpriseView, enterpriseRepository as repo } from './enterprise.repository.ts';
import { lineRepository } from './line.repository.ts';

/** Enterprises are registered where they operate: a county, or a township/park below it. */
const ENTERPRISE_REGION_LEVELS = ['county', 'township', 'park'];

/** The enterprise if the actor may see it; otherwise 404, the same as an id that does not exist. */
export async function readableEnterprise(db: Db, actor: Actor, id: number, what = '企业'): Promise<EnterpriseView> {
  const e = await repo.viewById(db, id);
  if (!e || !enterprisePolicy.canRead(actor, e)) throw notFound(what);
  return e;
}

export async function getEnterprise(db: Db, actor: Actor, id: number): Promise<Enterprise> {
  const e = await readableEnterprise(db, actor, id);
  const lines = await lineRepository.viewsOf(db, [e.id]);
  return presentEnterprise(e, lines, enterprisePolicy.abilities(actor, e));
}

function normalisedUscc(raw: string): string {
  const c = checkUscc(raw);
  if (!c.ok) throw invalid(c.message, [{ path: 'uscc', message: c.message }]);
  return c.value;
}

async function enterpriseRegion(db: Db, actor: Actor, code: string): Promise<RegionRow> {
  const r = await regionRepository.byCode(db, code);
  if (!r || !regionInScope(actor, ancestryOf(r))) {
    const message = `所在区划“${code}”不存在或不在您的管辖范围内`;
    throw invalid(message, [{ path: 'regionCode', message }]);
  }
  if (!ENTERPRISE_REGION_LEVELS.includes(r.level)) {
    const message = `企业应登记在县级区划或乡镇（街道）、园区，“${r.name}”不可选`;
    throw invalid(message, [{ path: 'regionCode', message }]);
  }
  return r;
}

async function requireIndustry(db: Db, code: string): Promise<void> {
  if (!(await catalogueRepository.industryByCode(db, code))) {
    const message = `行业“${code}”不存在`;
    throw invalid(message, [{ path: 'industryCode', message }]);
  }
}

/** Names the holder only when the actor could open it anyway; otherwise says no more than "taken". */
async function refuseDuplicateUscc(db: Db, actor: Actor, uscc: string, exceptId?: number): Promise<void> {
  const other = await repo.byUscc(db, uscc, exceptId);
  if (!other) return;
  if (enterprisePolicy.canRead(actor, other)) throw conflict(`该统一社会信用代码已登记为“${other.name}”`);
  throw conflict('该统一社会信用代码已登记');
}

const DUPLICATE_RACE = (err: unknown) => (isUniqueViolation(err) ? conflict('该统一社会信用代码已登记') : err);

/** Checks a body and turns it into the columns stored, ancestry included. */
async function columnsOf(db: Db, actor: Actor, body: EnterpriseBody, exceptId?: number) {
  const uscc = normalisedUscc(body.uscc);
  const r = await enterpriseRegion(db, actor, body.regionCode);
  await requireIndustry(db, body.industryCode);
  await refuseDuplicateUscc(db, actor, uscc, exceptId);
  const a = ancestryOf(r);
  return {
    uscc,
    name: body.name,
    regionCode: r.code,
    provinceCode: a.provinceCode,
    prefectureCode: a.prefectureCode,
    countyCode: a.countyCode,
    townshipCode: a.townshipCode,
    industryCode: body.industryCode,
    address: body.address,
    legalRepresentative: body.legalRepresentative,
    contactPerson: body.contactPerson,
    contactPhone: body.contactPhone,
    employees: body.employees,
    sizeClass: body.sizeClass,
    status: body.status,
  } satisfies Partial<EnterpriseInsert>;
}

export async function createEnterprise(db: Db, clock: Clock, actor: Actor, body: EnterpriseBody): Promise<Enterprise> {
  if (!enterprisePolicy.canCreate(actor)) throw forbidden('您无权登记企业');
  const cols = await columnsOf(db, actor, body);
  const now = clock.now();
  const row = await db
    .transaction(async (tx) => {
      const created = await repo.insert(tx, { ...cols, createdAt: now, updatedAt: now });
      await recordAudit(tx, actor, now, {
        action: 'enterprise.create',
        entityType: 'enterprise',
        entityId: created.id,
        regionCode: created.regionCode,
        after: created,
      });
      return created;
    })
    .catch((err) => {
      throw DUPLICATE_RACE(err);
    });
  return getEnterprise(db, actor, row.id);
}

export async function updateEnterprise(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: number,
  body: EnterpriseBody & { version: number },
): Promise<Enterprise> {
  const current = await readableEnterprise(db, actor, id);
  if (!enterprisePolicy.canWrite(actor, current)) throw forbidden('您只能查看该企业，不能修改');
  checkVersion(current.version, body.version);
  const cols = await columnsOf(db, actor, body, id);
  const now = clock.now();
  await db
    .transaction(async (tx) => {
      // Read under lock so `before` is exactly what this change replaced.
      const before = await repo.byIdForUpdate(tx, id);
      if (!before) throw notFound('企业');
      checkVersion(before.version, body.version);
      const after = await guardedEdit<typeof before>(tx, {
        table: repo.table,
        id,
        version: body.version,
        set: cols,
        actor,
        now,
        entityType: 'enterprise',
        regionCode: (row) => row.regionCode,
        before,
      });
      // The progress rollup counts its tasks at its ancestors: move them with it, in the same transaction.
      await progressMaintenance.enterpriseMoved(tx, id, before, after);
    })
    .catch((err) => {
      throw DUPLICATE_RACE(err);
    });
  return getEnterprise(db, actor, id);
}
