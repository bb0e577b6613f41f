import { z } from 'zod';
import { CRITERIA } from '../enums.ts';
import { EnterpriseRef } from './common.ts';

/**
 * A registered line as the pickers show it (survey filing, elimination plan): the line with its enterprise,
 * region and catalogue names. Each picker adds what it needs (status, survey flags).
 */
export const LineView = z.object({
  lineId: z.number().int(),
  ...EnterpriseRef.shape,
  lineName: z.string(),
  specification: z.string(),
  capacity: z.number(),
  capacityUnit: z.string(),
  capacityUnitName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  criterion: z.enum(CRITERIA),
});
export type LineView = z.infer<typeof LineView>;
