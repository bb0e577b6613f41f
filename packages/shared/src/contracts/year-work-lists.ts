import { z } from 'zod';
import { BasisItemQuery } from './catalogue.ts';
import { FilingMatrix, FilingRequirementQuery, type MATRIX_CELL_STATES, MatrixQuery } from './filing.ts';
import { listPageOf, listQueryFields } from './list.ts';
import { WorkPlanQuery } from './work-plan.ts';

/**
 * The list-page queries of the year's work and the catalogue (issue 11, ADR 0014). These lists are small and
 * computed (a year's requirements with their current period, a year's plans, the catalogue), paged in memory
 * by `pageOfArray`; their sort is the primary key's order, which the primary key index serves. The older
 * array endpoints stay for the forms that pick from them.
 */
export const FilingRequirementListQuery = FilingRequirementQuery.extend(listQueryFields({ id: '下达顺序' }, '-id'));
export type FilingRequirementListQuery = z.infer<typeof FilingRequirementListQuery>;

/** 报送情况总表 on the list page: one row per unit below, paged; the requirements are the columns. */
export const FilingMatrixListQuery = MatrixQuery.extend(listQueryFields({ code: '区划代码' }, 'code'));
export type FilingMatrixListQuery = z.infer<typeof FilingMatrixListQuery>;
export const FilingMatrixPage = listPageOf(FilingMatrix.shape.rows.element).extend({
  issuerRegionCode: z.string(),
  today: z.string(),
  requirements: FilingMatrix.shape.requirements,
});
export type FilingMatrixPage = z.infer<typeof FilingMatrixPage>;

export const MATRIX_CELL_LABELS: Record<(typeof MATRIX_CELL_STATES)[number], string> = {
  not_due: '未到期',
  due_soon: '即将到期',
  overdue: '逾期未报',
  submitted: '已报送',
  received: '已接收',
  accepted: '已采纳',
  returned: '已退回',
  resubmitted: '已重新报送',
};

/** 下级工作方案: plans of the regions below the user's (its own and upper levels' are shown above the list). */
export const WorkPlanListQuery = WorkPlanQuery.extend(listQueryFields({ regionCode: '区划' }, 'regionCode'));
export type WorkPlanListQuery = z.infer<typeof WorkPlanListQuery>;

export const IndustryListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  isKey: z.enum(['true', 'false']).optional(),
  ...listQueryFields({ sortOrder: '排序' }, 'sortOrder'),
});
export type IndustryListQuery = z.infer<typeof IndustryListQuery>;

export const BasisItemListQuery = BasisItemQuery.extend({
  q: z.string().trim().max(50).optional(),
  ...listQueryFields({ id: '编号' }, 'id'),
});
export type BasisItemListQuery = z.infer<typeof BasisItemListQuery>;
