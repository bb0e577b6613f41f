import { z } from 'zod';
import { CRITERIA } from '../enums.ts';

export const CapacityUnit = z.object({ code: z.string(), name: z.string() });
export type CapacityUnit = z.infer<typeof CapacityUnit>;

export const Industry = z.object({
  code: z.string(),
  name: z.string(),
  unitCode: z.string(),
  isKey: z.boolean(),
  sortOrder: z.number().int(),
});
export type Industry = z.infer<typeof Industry>;
export const IndustryBody = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,30}$/, '行业代码应为小写字母、数字或下划线'),
  name: z.string().trim().min(1, '请填写行业名称').max(30),
  unitCode: z.string().min(1, '请选择产能单位'),
  isKey: z.boolean().default(false),
  sortOrder: z.number().int().default(100),
});

export const BasisItem = z.object({
  id: z.number().int(),
  criterion: z.enum(CRITERIA),
  industryCode: z.string().nullable(),
  title: z.string(),
  source: z.string(),
  active: z.boolean(),
});
export type BasisItem = z.infer<typeof BasisItem>;
export const BasisItemBody = z.object({
  criterion: z.enum(CRITERIA),
  industryCode: z.string().nullable().default(null),
  title: z.string().trim().min(2, '请填写依据条目').max(300),
  source: z.string().trim().min(2, '请填写依据来源').max(200),
  active: z.boolean().default(true),
});
export type IndustryBody = z.infer<typeof IndustryBody>;
export type BasisItemBody = z.infer<typeof BasisItemBody>;

/** `industry` also returns the items that apply to every industry (industryCode null). */
export const BasisItemQuery = z.object({
  criterion: z.enum(CRITERIA).optional(),
  industry: z.string().optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type BasisItemQuery = z.infer<typeof BasisItemQuery>;
