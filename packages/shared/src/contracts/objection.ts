import { z } from 'zod';

/** An objection's lifecycle (ADR 0019): open until the issuing office answers it, once. */
export const OBJECTION_STATUSES = ['open', 'answered'] as const;
export type ObjectionState = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_STATUS_LABELS: Record<ObjectionState, string> = { open: '核实中', answered: '已答复' };
/** Named as the audit action it has always had (announcement.objection_answer). */
export const OBJECTION_EVENTS = ['objection_answer'] as const;
export type ObjectionEvent = (typeof OBJECTION_EVENTS)[number];
export const OBJECTION_EVENT_LABELS: Record<ObjectionEvent, string> = { objection_answer: '答复' };

/** The office's view of an objection. */
export const Objection = z.object({
  id: z.number().int(),
  receiptCode: z.string(),
  itemId: z.number().int().nullable(),
  itemLabel: z.string().nullable(),
  content: z.string(),
  name: z.string().nullable(),
  /** Masked (138****8000), or null when none was filed; the full number only through the audited reveal. */
  phone: z.string().nullable(),
  filedAt: z.string(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  status: z.enum(OBJECTION_STATUSES),
  version: z.number().int(),
  /** Events the current user may fire now (from the lifecycle machine). */
  availableEvents: z.array(z.enum(OBJECTION_EVENTS)),
});
export type Objection = z.infer<typeof Objection>;
