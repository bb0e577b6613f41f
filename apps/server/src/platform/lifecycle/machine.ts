import type { Actor } from '../access/actor.ts';
import type { Awaiting } from './awaiting.ts';

/** One form field a refusal names: the field's path (`payload.waterCut`, `evidence.seal_photo`) and what it lacks. */
export interface FieldRefusal {
  path: string;
  message: string;
}

/**
 * What a guard may answer besides null: the message alone, or the message and the fields it names, so the form
 * marks each of them (issue 11 "Forms": a refused state change marks the fields it names).
 */
export type GuardRefusal = string | { message: string; fields: FieldRefusal[] };

/**
 * One machine shape for every lifecycle (ADR 0012). A row says: from this state, this event leads to
 * that state, fired by whoever holds relation `by` to the record, if the guard finds nothing missing.
 * The same rows answer "may this actor fire this event now?" for the refusal and for the UI's buttons.
 */
export interface Transition<S extends string, E extends string, F = unknown> {
  from: S;
  event: E;
  to: S;
  /** Name of a relation of the machine (e.g. 'drafter', 'approver'): who may fire it. */
  by: string;
  /** null when the move may happen, else a Chinese message naming everything missing (400), with its fields if known. */
  guard?: ((facts: F) => GuardRefusal | null) | null;
  /** The event needs a written reason (a return or rejection says what to correct). */
  needsReason?: boolean;
  /** Someone is waited for here (to-do, arrival notice, reminders; ADR 0016), with an optional due period. */
  awaits?: Awaiting;
}

/**
 * A relation check: null when the actor holds the relation to the record, else the refusal in Chinese
 * naming the rule (403), e.g. "本人报送的计划须由上级审批".
 */
export type Relation<R> = (actor: Actor, record: R) => string | null;

export interface Machine<S extends string, E extends string, R, F = unknown> {
  /** The audit and history entity type, e.g. 'elimination_plan'. */
  entityType: string;
  /** The audit action's prefix where it predates the machine (`inspection.start`); default entityType. */
  auditPrefix?: string;
  /** What the record is called in messages: 计划, 公告, 退出任务. */
  noun: string;
  statusLabels: Readonly<Record<S, string>>;
  eventLabels: Readonly<Record<E, string>>;
  transitions: readonly Transition<S, E, F>[];
  relations: Readonly<Record<string, Relation<R>>>;
}

export function transitionFor<S extends string, E extends string, F>(
  m: { transitions: readonly Transition<S, E, F>[] },
  from: S,
  event: E,
): Transition<S, E, F> | null {
  return m.transitions.find((t) => t.from === from && t.event === event) ?? null;
}

/** The state an event leads to from `from`, or null when the event does not apply there. */
export function nextStatus<S extends string, E extends string, F>(m: { transitions: readonly Transition<S, E, F>[] }, from: S, event: E): S | null {
  return transitionFor(m, from, event)?.to ?? null;
}

/** The machine's refusal when the event does not apply in this state (409). */
export function notApplicable<S extends string, E extends string, R, F>(m: Machine<S, E, R, F>, from: S, event: E): string {
  return `${m.noun}当前为“${m.statusLabels[from]}”，不能${m.eventLabels[event]}`;
}

/** null when the actor may fire this transition on the record, else the refusal naming the rule. */
export function refusalOf<S extends string, E extends string, R, F>(m: Machine<S, E, R, F>, t: Transition<S, E, F>, actor: Actor, record: R): string | null {
  const relation = m.relations[t.by];
  if (!relation) throw new Error(`machine ${m.entityType}: unknown relation ${t.by}`);
  return relation(actor, record);
}

/**
 * The events this actor may fire on the record in its current state (guards are not run: they need the
 * event's facts, and a missing fact is for the form to say). Every DTO carries this list for its buttons.
 */
export function availableEvents<S extends string, E extends string, R, F>(m: Machine<S, E, R, F>, actor: Actor, record: R, status: S): E[] {
  const out: E[] = [];
  for (const t of m.transitions) if (t.from === status && !out.includes(t.event) && refusalOf(m, t, actor, record) === null) out.push(t.event);
  return out;
}

/** The refusal's message and fields, whichever form the guard answered in. */
export function refusalParts(r: GuardRefusal): { message: string; fields: FieldRefusal[] | undefined } {
  return typeof r === 'string' ? { message: r, fields: undefined } : { message: r.message, fields: r.fields.length ? r.fields : undefined };
}
