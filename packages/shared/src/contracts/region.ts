import { z } from 'zod';
import { AGENCY_KINDS, GROUP_MEMBER_ROLES, REGION_LEVELS } from '../enums.ts';

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  level: z.enum(REGION_LEVELS),
  directlyAdministered: z.boolean(),
  /** Where filings and rollups go: the province for a 省直管县, else the administrative parent. */
  reportingParentCode: z.string().nullable(),
  hasChildren: z.boolean(),
  /** Names from the province down, for display: 河南省 / 郑州市 / 巩义市. */
  fullName: z.string(),
});
export type Region = z.infer<typeof Region>;

export const RegionQuery = z.object({
  parent: z.string().optional(),
  q: z.string().trim().min(1).max(30).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const CreateParkBody = z.object({
  countyCode: z.string().regex(/^\d{6}$/, '所属县级区划代码应为6位数字'),
  name: z.string().trim().min(2, '园区名称至少2个字').max(60),
});

export const Agency = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  kind: z.enum(AGENCY_KINDS),
  name: z.string(),
  isGroupOffice: z.boolean(),
});
export type Agency = z.infer<typeof Agency>;

export const LeadingGroup = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  name: z.string(),
  officeAgencyId: z.number().int().nullable(),
  members: z.array(
    z.object({
      agencyId: z.number().int(),
      agencyName: z.string(),
      role: z.enum(GROUP_MEMBER_ROLES),
      personName: z.string(),
      personTitle: z.string(),
    }),
  ),
});
export type LeadingGroup = z.infer<typeof LeadingGroup>;
