import { TIP_EVENT_LABELS, TIP_FINDING_LABELS, TIP_STATUS_LABELS, type TipEvent, type TipFinding, type TipStatus } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import { type GuardRefusal, type Machine, type TipHandling, tipConclusion, type Transition } from '../../platform/lifecycle/index.ts';

/** What the relations look at: who handles the tip and who drafted its conclusion. */
export interface TipRecord extends TipHandling {
  draftedBy: number | null;
}

/** What the guards read: whether the one forward / one extension is used, the event's fields. */
export interface TipFacts {
  forwarded?: boolean;
  extended?: boolean;
  extendDays?: number | null;
  forwardTo?: { regionCode: string; agencyId?: number } | null;
  finding?: TipFinding | null;
  reply?: string | null;
  measures?: string | null;
}

const field = (path: string, message: string) => ({ path, message });

/** One forward (转办) with a reason, to another office or department (issue 13 "forward it once with a reason"). */
export const forwardGuard = (f: TipFacts): GuardRefusal | null => {
  if (f.forwarded) return '该举报已转办过一次，不能再次转办';
  if (!f.forwardTo?.regionCode) return { message: '请选择转办单位', fields: [field('forwardTo', '请选择转办单位')] };
  return null;
};

/** One extension (延期) with a reason, of 1–15 working days (issue 13 "one extension with a reason"). */
export const extendGuard = (f: TipFacts): GuardRefusal | null => {
  if (f.extended) return '该举报已延期过一次，不能再次延期';
  const d = f.extendDays;
  if (!d || !Number.isInteger(d) || d < 1 || d > 15) return { message: '延期天数应为1至15个工作日', fields: [field('extendDays', '请填写1至15个工作日')] };
  return null;
};

/** Closing requires the finding, the reply to the tipster and the measures taken (issue 13 "Closing requires a reply"). */
export const conclusionGuard = (f: TipFacts): GuardRefusal | null => {
  const missing: { path: string; label: string }[] = [];
  if (!f.finding || !(f.finding in TIP_FINDING_LABELS)) missing.push({ path: 'finding', label: '核查结论' });
  if (!f.reply?.trim()) missing.push({ path: 'reply', label: '答复举报人的内容' });
  if (!f.measures?.trim()) missing.push({ path: 'measures', label: '处理措施' });
  return missing.length ? { message: `提交办结还缺：${missing.map((m) => m.label).join('；')}`, fields: missing.map((m) => field(m.path, `请填写${m.label}`)) } : null;
};

const OPEN: readonly TipStatus[] = ['received', 'verifying'];

/**
 * A tip as a table (issue 13, ADR 0025; 003 §四(三) 有报必查): the handling office accepts it, checks it, drafts
 * finding + reply + measures; another account of the office concludes (and so publishes). Forward and extend
 * keep the state and are allowed once each, with a reason.
 */
export const tipMachine: Machine<TipStatus, TipEvent, TipRecord, TipFacts> = {
  entityType: 'tip',
  noun: '举报',
  statusLabels: TIP_STATUS_LABELS,
  eventLabels: TIP_EVENT_LABELS,
  transitions: [
    // Awaited (ADR 0016): on the handler's 待办 until accepted, then until the conclusion is drafted, due on the tip's deadline.
    { from: 'received', event: 'accept', to: 'verifying', by: 'handler', awaits: { kind: 'receive' } },
    ...OPEN.flatMap((from): Transition<TipStatus, TipEvent, TipFacts>[] => [
      { from, event: 'forward', to: from, by: 'handler', needsReason: true, guard: forwardGuard },
      { from, event: 'extend', to: from, by: 'handler', needsReason: true, guard: extendGuard },
    ]),
    { from: 'verifying', event: 'submit_conclusion', to: 'concluding', by: 'handler', guard: conclusionGuard, awaits: { kind: 'verify' } },
    { from: 'concluding', event: 'return', to: 'verifying', by: 'concluder', needsReason: true },
    { from: 'concluding', event: 'conclude', to: 'concluded', by: 'concluder', awaits: { kind: 'approve' } },
  ],
  relations: {
    handler: (actor: Actor, r: TipRecord) => (isHandler(actor, r) ? null : '只有承办单位可以办理该举报'),
    concluder: (actor: Actor, r: TipRecord) => tipConclusion(actor, r, [r.draftedBy]),
  },
};

/** The handling office (or department) of the tip, or the office of the level it was escalated to. */
export function isHandler(actor: Actor, r: TipHandling): boolean {
  if (r.escalatedToRegionCode !== null && actor.role === 'group_office' && actor.regionCode === r.escalatedToRegionCode) return true;
  if (r.agencyId !== null) return actor.role === 'member_agency' && actor.agencyId === r.agencyId;
  return actor.role === 'group_office' && actor.regionCode === r.regionCode;
}
