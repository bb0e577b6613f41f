import { z } from 'zod';
import { CRITERIA, ENTERPRISE_STATUSES, LINE_STATUSES, SIZE_CLASSES } from '../enums.ts';
import { listQueryFields } from './list.ts';

const capacityNumber = z.number({ error: '产能应为数字' }).positive('产能应大于0').max(1e8, '产能数值过大');

export const LineBody = z.object({
  name: z.string().trim().min(1, '请填写生产线（设备）名称').max(100),
  specification: z.string().trim().max(100).default(''),
  quantity: z.number().int('数量应为整数').positive('数量应大于0').default(1),
  capacity: capacityNumber,
  capacityUnit: z.string().min(1, '请选择产能单位'),
  industryCode: z.string().min(1, '请选择行业'),
  criterion: z.enum(CRITERIA, { error: '请选择不达标类别' }),
  basisItemId: z.number().int().nullable().default(null),
  basisText: z.string().trim().max(300).default(''),
  commissioningYear: z.number().int().min(1949, '投产年份不早于1949年').max(2100).nullable().default(null),
  plannedExitDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD').nullable().default(null),
  status: z.enum(LINE_STATUSES).default('registered'),
  note: z.string().trim().max(500).default(''),
});
export type LineBody = z.infer<typeof LineBody>;

export const Line = LineBody.extend({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  capacity: z.number(),
  capacityUnitName: z.string(),
  industryName: z.string(),
  version: z.number().int(),
});
export type Line = z.infer<typeof Line>;

export const EnterpriseBody = z.object({
  name: z.string().trim().min(2, '企业名称至少2个字').max(100, '企业名称不超过100字'),
  uscc: z.string().trim().min(1, '请填写统一社会信用代码'),
  regionCode: z.string().regex(/^\d{6}(\d{3})?$|^P\d+$/, '所在区划代码格式不正确'),
  industryCode: z.string().min(1, '请选择行业'),
  address: z.string().trim().max(200).default(''),
  legalRepresentative: z.string().trim().max(50).default(''),
  contactPerson: z.string().trim().max(50).default(''),
  contactPhone: z
    .string()
    .trim()
    .regex(/^$|^[0-9+\- ]{7,20}$/, '联系电话格式不正确')
    .default(''),
  employees: z.number().int('职工人数应为整数').min(0, '职工人数不能为负').nullable().default(null),
  sizeClass: z.enum(SIZE_CLASSES).nullable().default(null),
  status: z.enum(ENTERPRISE_STATUSES).default('operating'),
});
export type EnterpriseBody = z.infer<typeof EnterpriseBody>;
export const EnterpriseUpdateBody = EnterpriseBody.extend({ version: z.number().int() });

export const EnterpriseSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  status: z.enum(ENTERPRISE_STATUSES),
  lineCount: z.number().int(),
  updatedAt: z.string(),
});
export type EnterpriseSummary = z.infer<typeof EnterpriseSummary>;

export const Enterprise = EnterpriseBody.extend({
  id: z.number().int(),
  regionName: z.string(),
  industryName: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(Line),
  abilities: z.object({ update: z.boolean(), addLine: z.boolean() }),
});
export type Enterprise = z.infer<typeof Enterprise>;

/**
 * Sortable fields of the enterprise list and the index serving each order (scope column first, then):
 * id — the (scope column, id) indexes; name — enterprise_*_name_idx; updatedAt — enterprise_*_updated_idx.
 */
export const ENTERPRISE_SORT_FIELDS = { id: '登记顺序', name: '企业名称', updatedAt: '更新时间' } as const;
export const ENTERPRISE_SORTS = ['id', '-id', 'name', '-name', 'updatedAt', '-updatedAt'] as const;
export const EnterpriseFilterQuery = z.object({
  region: z.string().optional(),
  industry: z.string().optional(),
  criterion: z.enum(CRITERIA).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
});
export const EnterpriseQuery = EnterpriseFilterQuery.extend(listQueryFields(ENTERPRISE_SORT_FIELDS, '-id'));
export type EnterpriseQuery = z.infer<typeof EnterpriseQuery>;

export const LineUpdateBody = LineBody.extend({ version: z.number().int() });
export type LineUpdateBody = z.infer<typeof LineUpdateBody>;
/** DELETE /lines/:id?version=N: the version the user saw, so a changed line is not deleted blindly. */
export const VersionQuery = z.object({ version: z.coerce.number().int() });
