import type { Writable } from 'node:stream';
import { CRITERION_LABELS, type Criterion, PLAN_STATUS_LABELS, type PlanStatus } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { neutraliseFormula, safeRow } from '../../platform/documents/xlsx-safe.ts';
import { streamingWorkbook } from '../../platform/documents/xlsx-stream.ts';
import { planTotals, presentPlanLine } from './elimination-plan.presenter.ts';
import { planRepository } from './elimination-plan.repository.ts';
import { readablePlan } from './elimination-plan.service.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const PLAN_EXPORT_HEADERS = [
  '序号',
  '所在地区',
  '企业名称',
  '统一社会信用代码',
  '行业',
  '生产线（设备）名称',
  '规格型号',
  '数量（台/套）',
  '产能',
  '产能单位',
  '不达标类别',
  '判定依据',
  '淘汰期限',
] as const;

const WIDTHS = [6, 18, 30, 22, 10, 22, 18, 10, 10, 10, 10, 40, 12];

export interface PlanExport {
  fileName: string;
  write(out: Writable): Promise<void>;
}

/**
 * The plan as the list to announce (公告): one row per line, then one total row per capacity unit
 * (never a total across units). Every text cell is guarded against formula injection: enterprise
 * and line names come from forms filled in by the public.
 */
export async function preparePlanExport(db: Db, actor: Actor, id: number): Promise<PlanExport> {
  const { view } = await readablePlan(db, actor, id);
  const lines = await planRepository.lines(db, id);
  const status = view.status as PlanStatus;
  const title = status === 'approved' ? view.title : `${view.title}（${PLAN_STATUS_LABELS[status]}，未批准）`;
  return {
    fileName: `${view.title}.xlsx`,
    async write(out) {
      const wb = streamingWorkbook(out);
      const ws = wb.addWorksheet('淘汰计划', { views: [{ state: 'frozen', ySplit: 3 }] });
      ws.columns = WIDTHS.map((width) => ({ width }));
      const last = PLAN_EXPORT_HEADERS.length;
      const titleRow = ws.addRow([neutraliseFormula(title)]);
      titleRow.font = { name: '宋体', size: 16, bold: true };
      titleRow.alignment = { horizontal: 'center' };
      ws.mergeCells(1, 1, 1, last);
      titleRow.commit();
      const note = ws.addRow(['产能按各行业单位填列，合计按产能单位分别统计，不同单位不相加']);
      ws.mergeCells(2, 1, 2, last);
      note.commit();
      const header = ws.addRow([...PLAN_EXPORT_HEADERS]);
      header.font = { bold: true };
      header.commit();
      lines.forEach((l, i) => {
        const p = presentPlanLine(l, view.regionDepth);
        ws.addRow(
          safeRow([
            i + 1,
            p.regionName,
            p.enterpriseName,
            p.uscc,
            p.industryName,
            p.lineName,
            p.specification,
            p.quantity,
            p.capacity,
            p.capacityUnitName,
            CRITERION_LABELS[p.criterion as Criterion] ?? p.criterion,
            p.basis,
            p.exitDeadline,
          ]),
        ).commit();
      });
      for (const t of planTotals(lines)) {
        const row = ws.addRow(safeRow(['合计', t.unitName, `${t.enterpriseCount}家企业`, '', '', `${t.lineCount}条生产线`, '', '', t.capacity, t.unitName, '', '', '']));
        row.font = { bold: true };
        row.commit();
      }
      ws.commit();
      await wb.commit();
    },
  };
}
