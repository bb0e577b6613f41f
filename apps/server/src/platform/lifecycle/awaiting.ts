import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { availableEvents, type Machine } from './machine.ts';

/**
 * What a transition waits for when someone other than the mover must act next (issue 11 "待办"):
 * approve, publish, sign, answer, verify, conclude, accept. The to-do list, the arrival notice and the
 * reminders are all derived from these marks on the machine's rows (ADR 0016), never from a second rule.
 */
export type AwaitKind = 'approve' | 'publish' | 'sign' | 'answer' | 'receive' | 'verify' | 'conclude' | 'accept' | 'execute';

export const AWAIT_KIND_LABELS: Readonly<Record<AwaitKind, string>> = {
  approve: '待审批',
  publish: '待发布',
  sign: '待签署',
  answer: '待答复',
  receive: '待接收',
  verify: '待核实',
  conclude: '待结束',
  accept: '待验收',
  // A measure or notice a department must carry out (价格措施、联合通知; issue 12).
  execute: '待执行',
};

/** The mark a machine row carries; `dueWorkingDays` counts from the day the record entered the state. */
export interface Awaiting {
  kind: AwaitKind;
  dueWorkingDays?: number;
  /**
   * Listed on the to-do only from this many working days before the record's own due date (`dueDate` of the
   * candidate, e.g. a case's legal deadline) and once it has passed; a record without a due date is always listed.
   */
  listedWithinWorkingDays?: number;
}

type Rows = { transitions: readonly { from: string; event: string; awaits?: Awaiting }[] };

/** The awaited rows leaving `status` (empty: nobody is waited for there). */
export function awaitedFrom(m: Rows, status: string): { event: string; awaits: Awaiting }[] {
  return m.transitions.filter((t) => t.from === status && t.awaits).map((t) => ({ event: t.event, awaits: t.awaits! }));
}

/** The states in which somebody is waited for. */
export function awaitingStates(m: Rows): string[] {
  return [...new Set(m.transitions.filter((t) => t.awaits).map((t) => t.from))];
}

/**
 * The awaited events this actor may fire on the record now: the machine's own `availableEvents`
 * (its relations, separation of duties included) narrowed to the awaited rows.
 */
export function awaitedEvents<R>(m: Machine<any, any, R, any>, actor: Actor, record: R, status: string): string[] {
  const awaited = new Set(awaitedFrom(m, status).map((a) => a.event));
  if (awaited.size === 0) return [];
  return availableEvents(m, actor, record, status).filter((e) => awaited.has(e));
}

/** The first awaited row's mark for the state: its kind names the item, its due period dates it. */
export function awaitingOf(m: Rows, status: string): Awaiting | null {
  const rows = awaitedFrom(m, status);
  if (rows.length === 0) return null;
  const due = rows.map((r) => r.awaits.dueWorkingDays).filter((d): d is number => d !== undefined);
  const listed = rows[0]!.awaits.listedWithinWorkingDays;
  return { kind: rows[0]!.awaits.kind, ...(due.length ? { dueWorkingDays: Math.min(...due) } : {}), ...(listed !== undefined ? { listedWithinWorkingDays: listed } : {}) };
}

/** One record that may be waiting for someone, as its module describes it. */
export interface AwaitingCandidate<R = unknown> {
  id: number;
  status: string;
  /** What the machine's relations look at. */
  record: R;
  /** E.g. 巩义市2026年淘汰落后产能计划 */
  title: string;
  regionCode: string;
  /** The web path of the record, e.g. /plans/12 */
  link: string;
  /** When it entered its state if the module knows; else the history's latest row says. */
  since?: Date | null;
  /** The record's own due date (YYYY-MM-DD), when a rule sets it rather than the mark's working days (a case's deadline). */
  dueDate?: string | null;
}

/**
 * A lifecycle's "to-do source": how to find its records in a state that awaits someone. Each module
 * registers one (through its index.ts, listed by the app wiring); the platform never imports a module.
 */
export interface AwaitingSource<R = unknown> {
  machine: Machine<any, any, R, any>;
  /** What the record is called in a to-do item: 淘汰计划, 公告, 检查验收批次 */
  kindLabel: string;
  /** Records in `statuses` within the actor's reach (scope); `null` = every region (the reminder job). */
  candidates(db: Db, reach: Actor | null, statuses: string[], limit: number): Promise<AwaitingCandidate<R>[]>;
  /** One record by id, unscoped (the arrival notice looks for who may act on it). */
  one(db: Db, id: number): Promise<AwaitingCandidate<R> | null>;
}

/** Told after a transition commits its row, in the same transaction, when the record enters an awaited state. */
export type ArrivalListener = (tx: Db, arrival: { entityType: string; id: number; to: string; at: Date; actorId: number | null }) => Promise<void>;

const listeners = new Set<ArrivalListener>();

/** The app wiring installs the to-do module's listener once (a Set: building the app twice adds it once). */
export function onArrival(listener: ArrivalListener): void {
  listeners.add(listener);
}

/** Called by runTransition, and by a lifecycle not yet on it (filings) after its own move. */
export async function announceArrival(tx: Db, arrival: Parameters<ArrivalListener>[1]): Promise<void> {
  for (const l of listeners) await l(tx, arrival);
}
