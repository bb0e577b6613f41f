import { z } from 'zod';

/**
 * One 待办 item: a record in a state where this user may fire an awaited event (approve, publish,
 * conclude…), computed from the record's lifecycle machine, never stored (ADR 0016).
 */
export const TodoItem = z.object({
  /** `${entityType}:${id}`, unique in the list. */
  key: z.string(),
  entityType: z.string(),
  entityId: z.number().int(),
  /** 淘汰计划, 公告, 检查验收批次 */
  kindLabel: z.string(),
  /** approve, publish, conclude… */
  awaits: z.string(),
  /** 待审批, 待发布, 待结束… */
  awaitsLabel: z.string(),
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  statusLabel: z.string(),
  /** The events this user may fire now, with the machine's labels. */
  events: z.array(z.object({ event: z.string(), label: z.string() })),
  /** Path in the web app, e.g. /elimination-plans/12 */
  link: z.string(),
  /** When the record entered its state (ISO). */
  since: z.string(),
  /** Beijing date it is due (YYYY-MM-DD), or null when the machine sets no period. */
  dueDate: z.string().nullable(),
  /** Working days left until the due date (0 on the day), null without a due date. */
  workingDaysLeft: z.number().int().nullable(),
  /** Working days past the due date (0 when not overdue). */
  workingDaysOverdue: z.number().int(),
  overdue: z.boolean(),
  /** The due date was counted through a year without holiday data: shown 暂定 (issue 10 §3). */
  dueProvisional: z.boolean(),
});
export type TodoItem = z.infer<typeof TodoItem>;

export const TodoList = z.object({ items: z.array(TodoItem), total: z.number().int(), overdue: z.number().int() });
export type TodoList = z.infer<typeof TodoList>;

export const TodoCount = z.object({ count: z.number().int(), overdue: z.number().int() });
export type TodoCount = z.infer<typeof TodoCount>;

/** Settings of the to-do reminders (安全设置 holds others; this one is read with its default). */
export const TODO_REMIND_WORKING_DAYS_DEFAULT = 2;
/** The longest lead time offered: two working weeks (a reminder further ahead is noise, not a warning). */
export const TODO_REMIND_WORKING_DAYS_MAX = 10;

/** 待办提醒设置 (system setting `todo`): how many working days before the due date the one reminder goes out. */
export const TodoSettings = z.object({
  remindWorkingDaysBefore: z
    .number({ error: '请填写提前提醒的工作日数（整数）' })
    .int({ error: '提前提醒的工作日数须为整数' })
    .min(0, { error: '提前提醒的工作日数不能小于 0（0 表示到期当日提醒）' })
    .max(TODO_REMIND_WORKING_DAYS_MAX, { error: `提前提醒的工作日数不能超过 ${TODO_REMIND_WORKING_DAYS_MAX}` }),
});
export type TodoSettings = z.infer<typeof TodoSettings>;
