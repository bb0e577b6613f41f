import type { Writable } from 'node:stream';
import {
  CASE_CRITERIA,
  CASE_CRITERION_LABELS,
  CASE_STATUS_LABELS,
  type CaseCounts,
  type CaseCriterion,
  type CaseStatus,
  type CaseTableQuery,
  RED_CASE_STATUSES,
  YELLOW_CASE_STATUSES,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { caseListRepository as repo, type ListedCaseRow } from '../non-compliance-case/index.ts';
import { caseReachOf } from './department-list.service.ts';

/** What became of a case: still under its deadline, rectified, ordered closed (with the closure decision), withdrawn. */
export function outcomeOf(r: ListedCaseRow): string {
  const c = r.c;
  if (c.status === 'rectified') return `整改合格（${c.concludedOn ?? ''}复查）`;
  if (c.status === 'closure_ordered') return `整改仍不达标，责令关闭${c.closureDecisionNo ? `（${c.closureDecisionNo}）` : ''}`;
  if (c.status === 'withdrawn') return '已撤销';
  return `${CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status}中${c.deadline ? `，期限${c.deadline}` : ''}`;
}

type Row = ListedCaseRow & { seq: number };

const COLUMNS: XlsxColumn<Row>[] = [
  { kind: 'number', header: '序号', value: (r) => r.seq, format: '0', width: 6 },
  { kind: 'text', header: '企业名称', value: (r) => r.enterpriseName, width: 30 },
  { kind: 'text', header: '统一社会信用代码', value: (r) => r.uscc, width: 20 },
  { kind: 'coded', header: '区划代码', nameHeader: '所在地区', code: (r) => r.regionCode, name: (r) => r.regionName },
  { kind: 'text', header: '生产线（设备）', value: (r) => r.lineName ?? '企业整体', width: 20 },
  { kind: 'text', header: '违法违规（不达标）类别', value: (r) => CASE_CRITERION_LABELS[r.c.criterion as CaseCriterion] ?? r.c.criterion, width: 16 },
  { kind: 'text', header: '立案部门', value: (r) => r.agencyName, width: 22 },
  { kind: 'text', header: '处理决定文号', value: (r) => r.c.decisionNo, width: 22 },
  { kind: 'date', header: '送达日期', value: (r) => r.c.servedOn },
  { kind: 'date', header: '整改期限', value: (r) => r.c.deadline },
  { kind: 'text', header: '状态', value: (r) => CASE_STATUS_LABELS[r.c.status as CaseStatus] ?? r.c.status, width: 10 },
  { kind: 'text', header: '处理结果', value: outcomeOf, width: 36 },
];

/**
 * 违法违规企业处理情况 (the yearly filing, issue 12), prefilled from the cases: every case of the region served in
 * the year, and older ones still open, with its ground, decision, state and outcome. The filer checks it and
 * attaches it to the filing; the filing module itself is unchanged.
 */
export async function prepareCaseTable(db: Db, actor: Actor, q: CaseTableQuery) {
  const { reach, root } = await caseReachOf(db, actor, q.region ?? (actor.scope.column === 'all' ? undefined : actor.regionCode));
  const rows = (reach ? await repo.casesOfYear(db, reach, q.year) : []).map((r, i) => ({ ...r, seq: i + 1 }));
  const where = root?.name ?? '全国';
  return {
    fileName: `${where}${q.year}年违法违规企业处理情况.xlsx`,
    write: (out: Writable) =>
      writeXlsxExport(out, { sheetName: '处理情况', title: `${where}${q.year}年违法违规企业处理情况`, filters: `共${rows.length}件（由不达标案件生成，请核对后报送）`, columns: COLUMNS, batches: [rows] }),
  };
}

/** 进度总览: cases by ground and state, and the listed cases (yellow, red) by department, in the caller's scope. */
export async function caseCounts(db: Db, actor: Actor, region: string | undefined): Promise<CaseCounts> {
  const { reach } = await caseReachOf(db, actor, region);
  if (!reach) return { byCriterion: [], byAgency: [] };
  const [byCriterion, byAgency] = await Promise.all([repo.countsByCriterion(db, reach), repo.countsByAgency(db, reach, [...YELLOW_CASE_STATUSES, ...RED_CASE_STATUSES])]);
  const agencies = new Map<number, CaseCounts['byAgency'][number]>();
  for (const r of byAgency) {
    const a = agencies.get(r.agencyId) ?? { agencyId: r.agencyId, agencyName: r.agencyName, yellow: 0, red: 0 };
    if (RED_CASE_STATUSES.includes(r.status as CaseStatus)) a.red += r.n;
    else a.yellow += r.n;
    agencies.set(r.agencyId, a);
  }
  const order = (c: string) => CASE_CRITERIA.indexOf(c as CaseCriterion);
  return {
    byCriterion: byCriterion
      .map((r) => ({ criterion: r.criterion as CaseCriterion, status: r.status as CaseStatus, count: r.n }))
      .sort((a, b) => order(a.criterion) - order(b.criterion) || a.status.localeCompare(b.status)),
    byAgency: [...agencies.values()].sort((a, b) => b.yellow + b.red - (a.yellow + a.red) || a.agencyId - b.agencyId),
  };
}
