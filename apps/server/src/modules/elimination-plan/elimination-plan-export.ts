import type { Writable } from 'node:stream';
import { CRITERION_LABELS, PLAN_STATUS_LABELS, type PlanLine, type PlanStatus } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { planTotals, presentPlanLine } from './elimination-plan.presenter.ts';
import { planRepository } from './elimination-plan.repository.ts';
import { readablePlan } from './elimination-plan.service.ts';

type Row = PlanLine & { seq: number };

const COLUMNS: XlsxColumn<Row>[] = [
  { kind: 'number', header: '序号', value: (l) => l.seq, format: '0', width: 6 },
  { kind: 'coded', header: '区划代码', nameHeader: '所在地区', code: (l) => l.regionCode, name: (l) => l.regionName, width: 11, nameWidth: 16 },
  { kind: 'text', header: '企业名称', value: (l) => l.enterpriseName, width: 30 },
  { kind: 'text', header: '统一社会信用代码', value: (l) => l.uscc, width: 22 },
  { kind: 'text', header: '行业', value: (l) => l.industryName, width: 10 },
  { kind: 'text', header: '生产线（设备）名称', value: (l) => l.lineName, width: 22 },
  { kind: 'text', header: '规格型号', value: (l) => l.specification, width: 18 },
  { kind: 'number', header: '数量（台/套）', value: (l) => l.quantity, format: '0', width: 10 },
  { kind: 'number', header: '产能', value: (l) => l.capacity, format: '#,##0.####', width: 10 },
  { kind: 'text', header: '产能单位', value: (l) => l.capacityUnitName, width: 10 },
  { kind: 'text', header: '不达标类别', value: (l) => CRITERION_LABELS[l.criterion] ?? l.criterion, width: 10 },
  { kind: 'text', header: '判定依据', value: (l) => l.basis, width: 40 },
  { kind: 'date', header: '淘汰期限', value: (l) => l.exitDeadline },
];

export interface PlanExport {
  fileName: string;
  write(out: Writable): Promise<unknown>;
}

/**
 * The plan as the list to announce (公告): one row per line, then one total row per capacity unit (never a
 * total across units), on the one xlsx helper (ADR 0014). Names come from forms filled in by the public: the
 * helper guards every text cell against formula injection.
 */
export async function preparePlanExport(db: Db, actor: Actor, id: number): Promise<PlanExport> {
  const { view } = await readablePlan(db, actor, id);
  const lines = await planRepository.lines(db, id);
  const status = view.status as PlanStatus;
  const title = status === 'approved' ? view.title : `${view.title}（${PLAN_STATUS_LABELS[status]}，未批准）`;
  const rows = lines.map((l, i) => ({ ...presentPlanLine(l, view.regionDepth), seq: i + 1 }));
  return {
    fileName: `${view.title}.xlsx`,
    write: (out) =>
      writeXlsxExport(out, {
        sheetName: '淘汰计划',
        title,
        filters: '产能按各行业单位填列，合计按产能单位分别统计，不同单位不相加',
        columns: COLUMNS,
        // A plan holds a few hundred lines at most (one county's year): one batch.
        batches: [rows],
        // 合计 | unit | n家企业 | … | n条生产线 | … | capacity | unit, in the sheet's 14 columns.
        footer: () =>
          planTotals(lines).map((t) => ['合计', t.unitName, '', `${t.enterpriseCount}家企业`, '', '', `${t.lineCount}条生产线`, '', '', t.capacity, t.unitName, '', '', '']),
      }),
  };
}
