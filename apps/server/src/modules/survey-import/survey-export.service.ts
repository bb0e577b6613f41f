import type { Writable } from 'node:stream';
import { CRITERION_LABELS, type Criterion } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { safeRow } from '../../platform/documents/xlsx-safe.ts';
import { streamingWorkbook } from '../../platform/documents/xlsx-stream.ts';
import { catalogueRepository } from '../catalogue/index.ts';
import { type EnterpriseFilters, type EnterpriseWithLines, enterpriseBatches } from '../enterprise/index.ts';
import { regionLabel } from './region-label.ts';
import { beijingYear, surveyTitle } from './survey-form-layout.ts';
import { layOutSurveySheet } from './survey-form-template.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface EnterpriseExport {
  fileName: string;
  /** Streams the workbook into `out` and ends it; rejects on failure (the caller then destroys `out`). */
  write(out: Writable): Promise<void>;
}

/**
 * The enterprises the actor may see under the list's filters, as a survey form (one row per line,
 * re-importable). The first batch is read before anything is sent, so a bad filter (e.g. a region
 * out of scope) still answers with a proper error status instead of a broken download.
 */
export async function prepareEnterpriseExport(ctx: AppContext, actor: Actor, filters: EnterpriseFilters): Promise<EnterpriseExport> {
  const batches = enterpriseBatches(ctx.db, actor, filters, { sort: 'id', batchSize: 500 });
  const first = await batches.next();
  const basis = new Map((await catalogueRepository.basisItems(ctx.db, {})).map((b) => [b.id, b]));
  const now = ctx.clock.now();
  const title = surveyTitle(await regionLabel(ctx.db, actor), beijingYear(now));
  const stamp = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');

  const rowsOf = (batch: EnterpriseWithLines[], seq: { n: number }) => {
    const out: unknown[][] = [];
    for (const { enterprise: e, lines } of batch) {
      for (const l of lines) {
        // With a criterion filter the enterprise matches by its mask; only its lines of that criterion are rows.
        if (filters.criterion && l.criterion !== filters.criterion) continue;
        const item = l.basisItemId ? basis.get(l.basisItemId) : undefined;
        out.push([
          ++seq.n,
          e.regionCode,
          e.name,
          e.uscc,
          l.industryName,
          l.name,
          l.specification,
          l.quantity,
          Number(l.capacity),
          l.capacityUnitName,
          CRITERION_LABELS[l.criterion as Criterion] ?? l.criterion,
          l.basisText || (item ? `${item.title}（${item.source}）` : ''),
          l.plannedExitDate ?? '',
          l.note,
        ]);
      }
    }
    return out;
  };

  return {
    fileName: `落后产能排查登记表-${stamp}.xlsx`,
    async write(out) {
      const wb = streamingWorkbook(out);
      const ws = wb.addWorksheet('排查登记表', { views: [{ state: 'frozen', ySplit: 3 }] });
      layOutSurveySheet(ws, title);
      for (let r = 1; r <= 3; r++) ws.getRow(r).commit();
      const seq = { n: 0 };
      let next = first;
      while (!next.done) {
        // The client went away: stop reading the database for nobody.
        if (out.destroyed) return;
        // Every text cell goes through the formula-injection guard: names come from the public.
        for (const values of rowsOf(next.value, seq)) ws.addRow(safeRow(values)).commit();
        next = await batches.next();
      }
      ws.commit();
      await wb.commit();
    },
  };
}
