import { z } from 'zod';

/**
 * The progress picture of one region (its whole subtree): capacity per industry and unit in each exit stage,
 * never added across units. Every figure is reproducible from GET /exit-tasks with the same region, industry,
 * unit and stage (and `overdue=true` for overdue), whose `total`/`capacityByUnit` equal it.
 */
export const ProgressFigures = z.object({
  industryCode: z.string(),
  industryName: z.string(),
  unit: z.string(),
  /** All tasks (every stage): the capacity planned for exit. */
  plannedCapacity: z.number(),
  sealedCapacity: z.number(),
  dismantledCapacity: z.number(),
  acceptedCapacity: z.number(),
  closedCapacity: z.number(),
  plannedTasks: z.number().int(),
  sealedTasks: z.number().int(),
  dismantledTasks: z.number().int(),
  acceptedTasks: z.number().int(),
  closedTasks: z.number().int(),
  /** Target handed to this region for the year and industry/unit; null when none was set. */
  targetCapacity: z.number().nullable(),
  /** (accepted + closed) ÷ target, e.g. 1.37 for 137 %; null without a target. */
  completionRate: z.number().nullable(),
});
export type ProgressFigures = z.infer<typeof ProgressFigures>;

export const ProgressTotals = z.object({
  figures: z.array(ProgressFigures),
  /** Enterprises with at least one task (of the year). */
  enterprisesPlanned: z.number().int(),
  /** Enterprises all of whose tasks (of the year) are accepted or closed by order. */
  enterprisesAccepted: z.number().int(),
  /** Sealed tasks past their dismantling deadline (Beijing date): GET /exit-tasks?overdue=true&region&year. */
  overdueTasks: z.number().int(),
  tasks: z.number().int(),
  /** Share of tasks accepted or closed (unit-free, used to colour the map). */
  taskCompletionRate: z.number().nullable(),
});
export type ProgressTotals = z.infer<typeof ProgressTotals>;

export const RegionProgress = ProgressTotals.extend({
  code: z.string(),
  name: z.string(),
  /** A 省直管县 shown under its province: its figures are ALSO inside its prefecture's row (administrative tree). */
  directlyAdministered: z.boolean(),
  /**
   * Tasks of enterprises registered at the region itself rather than in one of its children (a county's
   * own enterprises): `code` is the parent's own code, so the children still add up to the parent.
   * Absent or false on every other row.
   */
  ownLevel: z.boolean().optional(),
});
export type RegionProgress = z.infer<typeof RegionProgress>;

/** region: default the user's own (the country 100000 for the admin); year: default the current year (Beijing). */
export const ProgressPictureQuery = z.object({ region: z.string().optional(), year: z.coerce.number().int().optional() });
export type ProgressPictureQuery = z.infer<typeof ProgressPictureQuery>;

export const ProgressPicture = ProgressTotals.extend({
  regionCode: z.string(),
  regionName: z.string(),
  /** province | prefecture | county | township | park | country */
  level: z.string(),
  year: z.number().int().nullable(),
  /** Administrative children (their sums equal this region's figures), then any 省直管县 flagged directlyAdministered. */
  children: z.array(RegionProgress),
});
export type ProgressPicture = z.infer<typeof ProgressPicture>;
