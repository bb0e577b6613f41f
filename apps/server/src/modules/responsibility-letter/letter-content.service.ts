import { fromQ, type LetterLineRow, type LetterParty, type LetterTargetRow, toQ } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { readableEnterprise } from '../enterprise/index.ts';
import { type RegionRow, regionRepository } from '../region/index.ts';
import { targetPolicy, targetRepository } from '../target/index.ts';
import { defaultObligations, type LetterContent, letterTitle } from './letter-content.ts';

export type PartyB = { regionCode: string } | { enterpriseId: number };

export interface BuiltContent {
  content: LetterContent;
  partyBRegionCode: string | null;
  partyBEnterpriseId: number | null;
  /** The region 乙方 sits in, for scope. */
  partyBScopeRegionCode: string;
}

async function regionParty(db: Db, r: RegionRow): Promise<LetterParty> {
  const gov = (await regionRepository.agenciesOf(db, r.code)).find((a) => a.kind === 'government');
  return { kind: 'region', regionCode: r.code, enterpriseId: null, name: gov?.name ?? `${r.name}人民政府`, uscc: null };
}

/**
 * The letter's parties and table from the decomposition as it stands: a child region's targets
 * received from 甲方, or (甲方 a county) an enterprise's lines named under 甲方's targets, one row per industry.
 */
export async function buildContent(
  db: Db,
  actor: Actor,
  year: number,
  a: RegionRow,
  b: PartyB,
  text: { obligations?: string; signDeadline: string | null },
): Promise<BuiltContent> {
  const partyA = await regionParty(db, a);
  if ('regionCode' in b) {
    const r = await regionRepository.byCode(db, b.regionCode);
    if (!r || !targetPolicy.canReadRegion(actor, r)) throw notFound('乙方区划');
    const targets = await targetRepository.receivedFrom(db, year, r.code, a.code);
    if (targets.length === 0) {
      const message = `${r.name}没有由${a.name}分解下达的${year}年目标任务，不能生成责任书`;
      throw invalid(message, [{ path: 'partyBRegionCode', message }]);
    }
    const rows: LetterTargetRow[] = targets.map((t) => ({
      industryCode: t.industryCode,
      industryName: t.industryName,
      quantity: Number(t.quantity),
      unitCode: t.unitCode,
      unitName: t.unitName,
      enterpriseCount: t.enterpriseCount,
      deadline: t.deadline,
    }));
    const partyB = await regionParty(db, r);
    return {
      content: { title: letterTitle(year), year, partyA, partyB, rows, lines: [], obligations: text.obligations ?? defaultObligations('region'), signDeadline: text.signDeadline },
      partyBRegionCode: r.code,
      partyBEnterpriseId: null,
      partyBScopeRegionCode: r.code,
    };
  }
  const e = await readableEnterprise(db, actor, b.enterpriseId, '乙方企业');
  if (e.countyCode !== a.code) throw notFound('乙方企业');
  const named = await targetRepository.namedLinesOfEnterprise(db, year, a.code, e.id);
  if (named.length === 0) {
    const message = `${e.name}没有列入${a.name}${year}年目标任务的生产线，不能生成责任书`;
    throw invalid(message, [{ path: 'partyBEnterpriseId', message }]);
  }
  // One row per industry; the line's own unit is the target's (checked when the line was named).
  const byIndustry = new Map<string, LetterTargetRow & { q: number }>();
  for (const l of named) {
    const row = byIndustry.get(l.targetIndustryCode) ?? {
      industryCode: l.targetIndustryCode,
      industryName: l.industryName,
      quantity: 0,
      q: 0,
      unitCode: l.targetUnitCode,
      unitName: l.capacityUnitName,
      enterpriseCount: 1,
      deadline: l.deadline,
    };
    if (l.capacityUnit === row.unitCode) row.q += toQ(l.capacity);
    if (l.deadline > row.deadline) row.deadline = l.deadline;
    byIndustry.set(l.targetIndustryCode, row);
  }
  const rows = [...byIndustry.values()].map(({ q, ...r }) => ({ ...r, quantity: fromQ(q) }));
  const lines: LetterLineRow[] = named.map((l) => ({
    lineId: l.lineId,
    industryName: l.industryName,
    lineName: l.lineName,
    specification: l.specification,
    capacity: Number(l.capacity),
    unitName: l.capacityUnitName,
    deadline: l.deadline,
  }));
  const partyB: LetterParty = { kind: 'enterprise', regionCode: e.regionCode, enterpriseId: e.id, name: e.name, uscc: e.uscc };
  return {
    content: { title: letterTitle(year), year, partyA, partyB, rows, lines, obligations: text.obligations ?? defaultObligations('enterprise'), signDeadline: text.signDeadline },
    partyBRegionCode: null,
    partyBEnterpriseId: e.id,
    partyBScopeRegionCode: e.regionCode,
  };
}
