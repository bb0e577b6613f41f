import {
  FilingMatrixListQuery,
  FilingMatrixPage,
  FilingRequirementListQuery,
  FilingRequirementQuery,
  FilingRequirementSummary,
  listPageOf,
  MatrixQuery,
} from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { listRequirementPage, matrixPage, prepareMatrixExport, prepareRequirementExport } from './filing-lists.ts';

/** 报送管理's tabs on the one list page (ADR 0014): paged lists and their exports beside the array endpoints. */
export function filingListRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['filing-requirements'];
  app.get(
    '/api/v1/filing-requirements/list',
    {
      schema: {
        tags,
        summary: '报送要求列表页（分页）：view=issued 本单位及下级下达的；view=addressed 下达给本单位的',
        querystring: FilingRequirementListQuery,
        response: { 200: listPageOf(FilingRequirementSummary) },
      },
    },
    async (req) => listRequirementPage(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.get(
    '/api/v1/filing-requirements/list.xlsx',
    { schema: { tags, summary: '按列表筛选条件导出报送要求（xlsx，该页签全部符合条件的要求）', querystring: FilingRequirementQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareRequirementExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.get(
    '/api/v1/filing-matrix/list',
    { schema: { tags, summary: '报送情况总表（分页，每行一个下级单位）', querystring: FilingMatrixListQuery, response: { 200: FilingMatrixPage } } },
    async (req) => matrixPage(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.get(
    '/api/v1/filing-matrix/export.xlsx',
    { schema: { tags, summary: '导出报送情况总表（xlsx，全部下级单位 × 本级下达的要求）', querystring: MatrixQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareMatrixExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
}
