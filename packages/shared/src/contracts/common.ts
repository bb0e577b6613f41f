import { z } from 'zod';

/** Every error the API returns has this body; `message` is Chinese and names the field. */
export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Keyset page: `nextCursor` is opaque; pass it back as `cursor` for the following page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().nullable() });

/** The enterprise a row is about, as every list names it: its name and credit code beside the id, its region beside the code. */
export const EnterpriseRef = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
});

export const IdParam = z.object({ id: z.coerce.number().int().positive() });
export const Ok = z.object({ ok: z.literal(true) });

/** Capacity of a list in one unit, with its line and enterprise counts: capacities in different units are never added. */
export const UnitTotal = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  capacity: z.number(),
  lineCount: z.number().int(),
  enterpriseCount: z.number().int(),
});
export type UnitTotal = z.infer<typeof UnitTotal>;

/** Global capabilities a user has; the UI shows a button only when its ability is present. */
export const ABILITIES = [
  'enterprise:read',
  'enterprise:write',
  'enterprise:import',
  'enterprise:export',
  'catalogue:manage',
  'audit:read',
  'user:manage',
  'settings:manage',
] as const;
export type Ability = (typeof ABILITIES)[number];
