import type { Tip, TipCheck, TipEvent, TipFinding, TipIdentityKind, TipLink, TipLinkKind, TipListItem, TipMatter, TipMessageAuthor, TipStatus } from '@taotai/shared';
import type { Actor } from '../../platform/access/actor.ts';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.ts';
import { availableEvents } from '../../platform/lifecycle/index.ts';
import { tipDeadlineProvisional } from './tip-deadline.ts';
import { type TipRecord, tipMachine } from './tip.machine.ts';
import type { TipCheckFile, TipCheckRow, TipLinkRow, TipMessageRow } from './tip-record.repository.ts';
import type { TipView } from './tip.repository.ts';

/** "JB" + the year received + the id in 6 digits (tip-api.md): JB2026000012. */
export const tipNo = (receivedOn: string, id: number) => `JB${receivedOn.slice(0, 4)}${String(id).padStart(6, '0')}`;

export const tipRecordOf = (v: TipView): TipRecord => ({
  regionCode: v.t.handlingRegionCode,
  agencyId: v.t.handlingAgencyId,
  escalatedToRegionCode: v.t.escalatedToRegionCode,
  draftedBy: v.t.draftedBy,
});

export const isTipOverdue = (v: TipView, today: string) => v.t.status !== 'concluded' && v.t.deadline < today;

export function presentTipListItem(v: TipView, today: string, cal: WorkingCalendar): TipListItem {
  const t = v.t;
  return {
    id: t.id,
    no: tipNo(t.receivedOn, t.id),
    matter: t.matter as TipMatter,
    regionName: v.regionName,
    enterpriseName: t.enterpriseName,
    status: t.status as TipStatus,
    receivedOn: t.receivedOn,
    deadline: t.deadline,
    deadlineProvisional: tipDeadlineProvisional(cal, t.receivedOn, t.deadline),
    overdue: isTipOverdue(v, today),
    escalated: t.escalatedToRegionCode !== null,
    identityKind: t.identityKind as TipIdentityKind,
    handlingRegionName: v.handlingRegion.name,
    handlingAgencyName: v.handlingAgencyName,
  };
}

export interface TipParts {
  files: { id: number; name: string; mime: string; source: string }[];
  checks: TipCheckRow[];
  links: (TipLinkRow & { regionName: string | null; label: string })[];
  messages: TipMessageRow[];
  names: Map<number, string>;
}

const presentCheck = (c: TipCheckRow, names: Map<number, string>): TipCheck => ({
  id: c.id,
  checkedOn: c.checkedOn,
  method: c.method,
  inspectors: c.inspectors,
  findings: c.findings,
  files: (c.files ?? []) as TipCheckFile[],
  recordedByName: c.recordedBy === null ? null : (names.get(c.recordedBy) ?? null),
});

const presentLink = (l: TipParts['links'][number]): TipLink => ({
  id: l.id,
  kind: l.kind as TipLinkKind,
  targetId: l.targetId,
  regionCode: l.regionCode,
  regionName: l.regionName ?? l.regionCode,
  year: l.year,
  note: l.note,
  label: l.label,
});

/** The office's view: never the identity (only whether one is sealed and whether it was revealed). */
export function presentTip(actor: Actor, v: TipView, today: string, cal: WorkingCalendar, p: TipParts): Tip {
  const t = v.t;
  const status = t.status as TipStatus;
  return {
    ...presentTipListItem(v, today, cal),
    regionCode: t.regionCode,
    enterpriseId: t.enterpriseId,
    address: t.address,
    content: t.content,
    criterion: t.criterion,
    aboutOfficials: t.aboutOfficials,
    identityLabel: t.identityKind === 'real_name' ? '实名举报（身份已封存）' : '匿名举报',
    identityRevealed: t.identityRevealedAt !== null,
    originalDeadline: t.originalDeadline,
    extensionReason: t.extensionReason,
    forwardedFromRegionName: v.forwardedFromRegionName,
    forwardReason: t.forwardReason,
    escalatedToRegionName: v.escalatedToRegionName,
    finding: t.finding as TipFinding | null,
    reply: t.reply,
    measures: t.measures,
    concludedOn: t.concludedOn,
    files: p.files,
    checks: p.checks.map((c) => presentCheck(c, p.names)),
    links: p.links.map(presentLink),
    messages: p.messages.map((m) => ({
      id: m.id,
      author: m.author as TipMessageAuthor,
      body: m.body,
      at: m.at.toISOString(),
      authorName: m.userId === null ? null : (p.names.get(m.userId) ?? null),
    })),
    // Forward and extend are offered only while unused (once each, issue 13); the server refuses a second anyway.
    availableEvents: availableEvents(tipMachine, actor, tipRecordOf(v), status).filter(
      (e: TipEvent) => !(e === 'forward' && t.forwardedFromRegionCode) && !(e === 'extend' && t.extensionReason),
    ),
    version: t.version,
  };
}
