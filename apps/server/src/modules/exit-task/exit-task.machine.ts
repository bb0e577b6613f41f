import {
  checkUscc,
  EVIDENCE_KIND_LABELS,
  type EvidenceKind,
  EXIT_TASK_EVENT_LABELS,
  EXIT_TASK_STATUS_LABELS,
  type ExitTaskEvent,
  type ExitTaskStatus,
  type ExitTaskTransitionBody,
} from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { type GuardRefusal, type Transition as LifecycleTransition, type Machine, transitionFor as machineTransitionFor } from '../../platform/lifecycle/index.ts';
import { exitTaskPolicy, type TaskPlace } from './exit-task.policy.ts';

/** What a guard sees: the event's facts, how many files of each kind are attached, and today's Beijing date. */
export interface GuardInput {
  payload: ExitTaskTransitionBody['payload'];
  evidence: Partial<Record<EvidenceKind, number>>;
  today: string;
}

/**
 * A guard returns null when the transition may happen, else a Chinese message naming everything missing; sealing
 * and dismantling also name each missing field or evidence slot (`payload.waterCut`, `evidence.seal_photo`), so
 * the form marks them (issue 11 "Forms").
 */
export type Guard = (input: GuardInput) => GuardRefusal | null;

export type Transition = LifecycleTransition<ExitTaskStatus, ExitTaskEvent, GuardInput> & { guard: Guard | null };

/** One missing item: where on the form it belongs and how the message names it. */
interface Missing {
  path: string;
  label: string;
}

/** The message as before (封存还缺：a；b), and one field per item whose message is the item itself. */
const missingFields = (what: string, items: Missing[]): GuardRefusal | null =>
  items.length ? { message: `${what}还缺：${items.map((i) => i.label).join('；')}`, fields: items.map((i) => ({ path: i.path, message: `还缺：${i.label}` })) } : null;
const needFiles = (input: GuardInput, kinds: EvidenceKind[]): Missing[] =>
  kinds.filter((k) => !input.evidence[k]).map((k) => ({ path: `evidence.${k}`, label: `${EVIDENCE_KIND_LABELS[k]}（至少1份）` }));
const field = (name: string, label: string): Missing => ({ path: `payload.${name}`, label });

/** 002 §二(二)1: cut water and power, remove power units, seal the main equipment, public commitment, a deadline. */
export const sealGuard: Guard = (input) => {
  const p = input.payload;
  const items: Missing[] = [];
  if (!p.waterCut) items.push(field('waterCut', '切断生产用水'));
  if (!p.powerCut) items.push(field('powerCut', '切断生产用电'));
  if (!p.powerUnitsRemoved) items.push(field('powerUnitsRemoved', '拆除动力装置'));
  if (!p.equipmentSealed) items.push(field('equipmentSealed', '封存主体设备'));
  items.push(...needFiles(input, ['seal_photo', 'commitment_scan']));
  if (!p.dismantleDeadline) items.push(field('dismantleDeadline', '拆除期限'));
  else if (p.dismantleDeadline < input.today) items.push(field('dismantleDeadline', `拆除期限（${p.dismantleDeadline}已过，应不早于${input.today}）`));
  return missingFields('封存', items);
};

/** Photos before/during/after, the witness record with its signers, and where the equipment went. */
export const dismantleGuard: Guard = (input) => {
  const p = input.payload;
  const items = needFiles(input, ['photo_before', 'photo_during', 'photo_after', 'witness_record']);
  if (!p.legalRepresentative) items.push(field('legalRepresentative', '见证记录上签字的法定代表人姓名'));
  if (!p.officials?.length) items.push(field('officials', '见证记录上签字的政府工作人员姓名（至少1人）'));
  if (!p.destination) items.push(field('destination', '设备去向（报废、出售或其他）'));
  if (p.destination === 'sold') {
    if (!p.buyerName) items.push(field('buyerName', '设备买方名称'));
    if (!p.buyerUscc) items.push(field('buyerUscc', '设备买方统一社会信用代码'));
    else {
      const c = checkUscc(p.buyerUscc);
      if (!c.ok) items.push(field('buyerUscc', `正确的买方统一社会信用代码（${c.message}）`));
    }
  }
  if (p.destination === 'other' && !p.destinationNote) items.push(field('destinationNote', '设备去向说明'));
  return missingFields('拆除', items);
};

const reasonGuard =
  (what: string): Guard =>
  (input) =>
    input.payload.reason ? null : { message: `${what}时请填写原因`, fields: [{ path: 'payload.reason', message: '请填写原因' }] };

const closeGuard: Guard = (input) =>
  missingFields('依令关闭', [...(input.payload.orderNo ? [] : [field('orderNo', '关闭令文号')]), ...(input.payload.reason ? [] : [field('reason', '关闭原因')])]);

/** Resubmitting after a rejection says what was corrected and must again satisfy everything dismantling requires. */
const resubmitGuard: Guard = (input) => reasonGuard('重新提交')(input) ?? dismantleGuard(input);

/** Every state past 待退出 that a line producing again sends back (issue 13 "a reopened exit task"). */
const REOPENABLE: readonly ExitTaskStatus[] = ['sealed', 'dismantled', 'acceptance_requested', 'rejected', 'accepted', 'closed'];

/**
 * The exit flow as a table. Sealing is optional (a line may be dismantled straight away); closure by
 * order (依法关闭) ends a task that has not been dismantled yet.
 */
export const EXIT_TASK_TRANSITIONS: readonly Transition[] = [
  { from: 'planned', event: 'seal', to: 'sealed', by: 'office', guard: sealGuard },
  { from: 'planned', event: 'dismantle', to: 'dismantled', by: 'office', guard: dismantleGuard },
  { from: 'sealed', event: 'dismantle', to: 'dismantled', by: 'office', guard: dismantleGuard },
  { from: 'dismantled', event: 'request_acceptance', to: 'acceptance_requested', by: 'office', guard: null },
  // Awaited (ADR 0016): the office's 待办 shows the task until the joint inspection concludes it.
  { from: 'acceptance_requested', event: 'accept', to: 'accepted', by: 'office', guard: null, awaits: { kind: 'accept' } },
  { from: 'acceptance_requested', event: 'reject', to: 'rejected', by: 'office', guard: reasonGuard('验收不通过') },
  { from: 'rejected', event: 'resubmit', to: 'dismantled', by: 'office', guard: resubmitGuard },
  { from: 'planned', event: 'close', to: 'closed', by: 'office', guard: closeGuard },
  { from: 'sealed', event: 'close', to: 'closed', by: 'office', guard: closeGuard },
  // 复产重开 (issue 13, ADR 0025): a substantiated tip found the line producing again; back to 待退出 with the tip as reason.
  // Fired only from the tip's link (`reopenExitTask`, in the tip's transaction), never offered as a button on the task.
  ...REOPENABLE.map((from): Transition => ({ from, event: 'reopen', to: 'planned', by: 'office', guard: reasonGuard('复产重开') })),
];

/** Group offices of the region or above carry the exit through; the inspection fires accept and reject in its own transaction. */
export const exitTaskMachine: Machine<ExitTaskStatus, ExitTaskEvent, TaskPlace, GuardInput> = {
  entityType: 'exit_task',
  noun: '退出任务',
  statusLabels: EXIT_TASK_STATUS_LABELS,
  eventLabels: EXIT_TASK_EVENT_LABELS,
  transitions: EXIT_TASK_TRANSITIONS,
  relations: {
    office: (actor: Actor, place: TaskPlace) => (exitTaskPolicy.canFire(actor, place) ? null : '只有本级或上级领导小组办公室可以推进退出任务'),
  },
};

export function transitionFor(from: ExitTaskStatus, event: ExitTaskEvent): Transition | null {
  return (machineTransitionFor(exitTaskMachine, from, event) as Transition | null) ?? null;
}

export const eventsFrom = (from: ExitTaskStatus): ExitTaskEvent[] => EXIT_TASK_TRANSITIONS.filter((t) => t.from === from).map((t) => t.event);

/** A sealed line must be dismantled by its deadline; past it (Beijing date) the task is overdue. */
export const isOverdue = (status: string, dismantleDeadline: string | null, today: string) =>
  status === 'sealed' && dismantleDeadline !== null && dismantleDeadline < today;
