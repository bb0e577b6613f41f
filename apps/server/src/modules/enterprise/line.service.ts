import type { Line, LineBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { checkVersion, guardedDelete, guardedEdit } from '../../platform/lifecycle/index.ts';
import { type BasisItemRow, catalogueRepository, type IndustryRow } from '../catalogue/index.ts';
import { enterprisePolicy } from './enterprise.policy.ts';
import { presentLine } from './enterprise.presenter.ts';
import { type EnterpriseRow, enterpriseRepository } from './enterprise.repository.ts';
import { type LineInsert, type LineRow, lineRepository } from './line.repository.ts';
import { lineProblems } from './line-rules.ts';


/**
 * Locks the enterprise for the rest of the transaction (line writes on it run one after another,
 * so line_count and criteria_mask stay exact) and checks the actor may change it.
 */
async function lockWritableEnterprise(tx: Db, actor: Actor, id: number, what: string): Promise<EnterpriseRow> {
  const e = await enterpriseRepository.byIdForUpdate(tx, id);
  if (!e || !enterprisePolicy.canRead(actor, e)) throw notFound(what);
  if (!enterprisePolicy.canWrite(actor, e)) throw forbidden('您只能查看该企业，不能修改其生产线');
  return e;
}

/** Checks the line against the catalogues; the industry row is share-locked so its unit cannot change meanwhile. */
async function checkCatalogue(tx: Db, body: LineBody, keptBasisItemId: number | null): Promise<void> {
  const industries = new Map<string, IndustryRow>();
  const ind = await catalogueRepository.industryByCode(tx, body.industryCode, 'share');
  if (ind) industries.set(ind.code, ind);
  const units = new Map((await catalogueRepository.units(tx)).map((u) => [u.code, u.name]));
  const basisItems = new Map<number, BasisItemRow>();
  if (body.basisItemId !== null) {
    const b = await catalogueRepository.basisItemById(tx, body.basisItemId);
    if (b) {
      basisItems.set(b.id, b);
      const bInd = b.industryCode ? await catalogueRepository.industryByCode(tx, b.industryCode) : null;
      if (bInd) industries.set(bInd.code, bInd);
    }
  }
  const problems = lineProblems(body, { industries, units, basisItems }, keptBasisItemId);
  if (problems.length > 0) throw invalid(problems.map((p) => p.message).join('；'), problems);
}

const columnsOf = (b: LineBody): Omit<LineInsert, 'enterpriseId' | 'createdAt' | 'updatedAt'> => ({
  name: b.name,
  specification: b.specification,
  quantity: b.quantity,
  capacity: String(b.capacity),
  capacityUnit: b.capacityUnit,
  industryCode: b.industryCode,
  criterion: b.criterion,
  basisItemId: b.basisItemId,
  basisText: b.basisText,
  commissioningYear: b.commissioningYear,
  plannedExitDate: b.plannedExitDate,
  status: b.status,
  note: b.note,
});

async function present(db: Db, id: number): Promise<Line> {
  return presentLine((await lineRepository.viewById(db, id))!);
}

export async function createLine(db: Db, clock: Clock, actor: Actor, enterpriseId: number, body: LineBody): Promise<Line> {
  const now = clock.now();
  const created = await db.transaction(async (tx) => {
    const e = await lockWritableEnterprise(tx, actor, enterpriseId, '企业');
    await checkCatalogue(tx, body, null);
    const row = await lineRepository.insert(tx, { ...columnsOf(body), enterpriseId, createdAt: now, updatedAt: now });
    await enterpriseRepository.refreshLineStats(tx, enterpriseId, now);
    await recordAudit(tx, actor, now, { action: 'line.create', entityType: 'line', entityId: row.id, regionCode: e.regionCode, after: row });
    return row;
  });
  return present(db, created.id);
}

/** The line and its locked enterprise, or 404 for a line that is absent or out of scope. */
async function lockLine(tx: Db, actor: Actor, id: number): Promise<{ line: LineRow; enterprise: EnterpriseRow }> {
  const found = await lineRepository.byId(tx, id);
  if (!found) throw notFound('生产线');
  const enterprise = await lockWritableEnterprise(tx, actor, found.enterpriseId, '生产线');
  // Re-read under the enterprise lock: a concurrent writer may have changed it meanwhile.
  const line = await lineRepository.byId(tx, id);
  if (!line) throw notFound('生产线');
  return { line, enterprise };
}

export async function updateLine(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: number,
  body: LineBody & { version: number },
): Promise<Line> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { line: before, enterprise } = await lockLine(tx, actor, id);
    checkVersion(before.version, body.version);
    await checkCatalogue(tx, body, before.basisItemId);
    await guardedEdit(tx, { table: lineRepository.table, id, version: body.version, set: columnsOf(body), actor, now, entityType: 'line', regionCode: enterprise.regionCode, before });
    await enterpriseRepository.refreshLineStats(tx, enterprise.id, now);
  });
  return present(db, id);
}

export async function deleteLine(db: Db, clock: Clock, actor: Actor, id: number, version: number): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { line: before, enterprise } = await lockLine(tx, actor, id);
    checkVersion(before.version, version);
    await guardedDelete(tx, { table: lineRepository.table, id, version, actor, now, entityType: 'line', regionCode: enterprise.regionCode, before });
    await enterpriseRepository.refreshLineStats(tx, enterprise.id, now);
  });
}
