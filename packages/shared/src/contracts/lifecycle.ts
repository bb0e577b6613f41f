import { z } from 'zod';

/** One step of a record's lifecycle as the timeline (履历) shows it: who moved it, when, from what to what, why. */
export const LifecycleEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  event: z.string(),
  eventLabel: z.string(),
  fromStatus: z.string().nullable(),
  fromLabel: z.string().nullable(),
  toStatus: z.string(),
  toLabel: z.string(),
  actorName: z.string(),
  /** A return's reason, an approval's opinion (审核意见), a rejection's grounds. */
  reason: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).nullable(),
});
export type LifecycleEntry = z.infer<typeof LifecycleEntry>;

export const LifecycleHistory = z.array(LifecycleEntry);
export type LifecycleHistory = z.infer<typeof LifecycleHistory>;
