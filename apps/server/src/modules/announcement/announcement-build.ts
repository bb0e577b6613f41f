import { type AnnouncementKind, CASE_STATUS_LABELS, type CaseStatus, departmentListKindOf } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { departmentListSources, type ListedCaseSource } from '../department-list/index.ts';
import type { RegionRow } from '../region/index.ts';
import { type EnterpriseColumn, type ItemInsert, announcementRepository as repo, type TaskSource } from './announcement.repository.ts';

/** Where the enterprise is, below the issuing region: 巩义市米河镇 in 郑州's list, 米河镇 in 巩义's. */
export function relativeRegionName(fullName: string, issuerDepth: number): string {
  const parts = fullName.split(' / ');
  const below = parts.slice(issuerDepth + 1);
  return below.length ? below.join('') : (parts.at(-1) ?? fullName);
}

const columnOf = (level: string): EnterpriseColumn => (level === 'province' ? 'provinceCode' : level === 'prefecture' ? 'prefectureCode' : 'countyCode');

type Item = Omit<ItemInsert, 'announcementId'>;

/** The seal facts as recorded on the task (see exit-task factsOf). */
interface SealFacts {
  waterCut?: boolean;
  powerCut?: boolean;
  powerUnitsRemoved?: boolean;
  equipmentSealed?: boolean;
  dismantleDeadline?: string;
  sealedAt?: string;
}

/** The public wording of what was done and what the enterprise committed to, from the seal record. */
export function commitmentText(seal: SealFacts, dismantleDeadline: string | null): string {
  const done = [
    seal.waterCut && '切断生产用水',
    seal.powerCut && '切断生产用电',
    seal.powerUnitsRemoved && '拆除动力装置',
    seal.equipmentSealed && '封存主体设备',
  ].filter(Boolean);
  const due = dismantleDeadline ?? seal.dismantleDeadline;
  const measures = done.length ? `已${done.join('、')}；` : '';
  return `${measures}企业已签字盖章公开承诺不再恢复生产${due ? `，并于${due}前拆除主体设备` : ''}。`;
}

const dateOf = (v: Date | string | null | undefined) => (v ? todayInChina(new Date(v)) : null);

function fromTask(s: TaskSource, depth: number, kind: 'sealed_list' | 'completed_list', seq: number): Item {
  const seal = (s.seal ?? {}) as SealFacts;
  return {
    seq,
    sourceId: s.taskId,
    enterpriseName: s.enterpriseName,
    uscc: s.uscc,
    regionCode: s.regionCode,
    regionName: relativeRegionName(s.regionFullName, depth),
    lineName: s.lineName,
    specification: s.specification,
    capacity: String(s.capacity),
    capacityUnit: s.capacityUnit,
    unitName: s.unitName,
    date: kind === 'sealed_list' ? dateOf(seal.sealedAt) : dateOf(s.acceptedAt),
    dismantleDeadline: kind === 'sealed_list' ? (s.dismantleDeadline ?? seal.dismantleDeadline ?? null) : null,
    commitment: kind === 'sealed_list' ? commitmentText(seal, s.dismantleDeadline) : '',
  };
}

/**
 * A department's listed case (黄牌/红牌, issue 12): the line (or the whole enterprise), the decision served and
 * the deadline in force; `commitment` carries what the public reads as 处理情况 (state and decision numbers).
 */
function fromCase(s: ListedCaseSource, depth: number, seq: number): Item {
  const red = s.c.status === 'closure_ordered';
  const decisions = red && s.c.closureDecisionNo ? `${s.c.decisionNo}；关闭决定${s.c.closureDecisionNo}` : s.c.decisionNo;
  return {
    seq,
    sourceId: s.c.id,
    enterpriseName: s.enterpriseName,
    uscc: s.uscc,
    regionCode: s.regionCode,
    regionName: relativeRegionName(s.regionFullName, depth),
    lineName: s.lineName ?? '企业整体',
    specification: s.specification ?? '',
    capacity: s.capacity ?? '0',
    capacityUnit: s.capacityUnit ?? '',
    unitName: s.lineName === null ? '' : (s.unitName ?? ''),
    date: s.c.servedOn,
    dismantleDeadline: red ? null : s.c.deadline,
    commitment: `${CASE_STATUS_LABELS[s.c.status as CaseStatus] ?? s.c.status}（${decisions}）`,
  };
}

/**
 * Copies the listed lines out of the records as they stand now. The copy is what is published: later
 * edits to the registry, the plan or the tasks never change a built announcement.
 */
export async function buildItems(
  db: Db,
  issuer: RegionRow,
  kind: AnnouncementKind,
  year: number,
  sourcePlanId: number | null,
): Promise<Item[]> {
  if (kind === 'plan_list') {
    const message = '计划淘汰名单须选择本级已批准的年度淘汰计划';
    if (!sourcePlanId) throw invalid(message, [{ path: 'sourcePlanId', message }]);
    const plan = await repo.plan(db, sourcePlanId);
    if (!plan || plan.regionCode !== issuer.code) throw notFound('淘汰计划');
    if (plan.status !== 'approved') throw conflict('淘汰计划批准后才能据以发布计划淘汰名单');
    if (plan.year !== year) throw invalid(`所选计划是${plan.year}年的计划，与公告年度${year}年不一致`, [{ path: 'year', message: '年度与计划不一致' }]);
    const lines = await repo.planLines(db, plan.id);
    // The plan line's snapshot is the approved list itself (frozen at approval).
    return lines.map((l, i) => {
      const s = l.snapshot as { enterpriseName: string; uscc: string; regionCode: string; regionFullName: string; lineName: string; specification: string; unitName: string };
      return {
        seq: i + 1,
        sourceId: l.id,
        enterpriseName: s.enterpriseName,
        uscc: s.uscc,
        regionCode: s.regionCode,
        regionName: relativeRegionName(s.regionFullName, issuer.depth),
        lineName: s.lineName,
        specification: s.specification,
        capacity: String(l.capacity),
        capacityUnit: l.capacityUnit,
        unitName: s.unitName,
        date: l.exitDeadline,
        dismantleDeadline: null,
        commitment: '',
      };
    });
  }
  if (departmentListKindOf(kind)) return (await departmentListSources(db, issuer, kind)).map((s, i) => fromCase(s, issuer.depth, i + 1));
  const column = columnOf(issuer.level);
  const rows = kind === 'sealed_list' ? await repo.sealedSources(db, column, issuer.code, year) : await repo.completedSources(db, column, issuer.code, year);
  return rows.map((s, i) => fromTask(s, issuer.depth, kind as 'sealed_list' | 'completed_list', i + 1));
}
