import { ANNOUNCEMENT_EVENT_LABELS, ANNOUNCEMENT_STATUS_LABELS, type AnnouncementEvent, type AnnouncementStatus } from '@taotai/shared';
import { type Actor, regionInScope } from '../../platform/access/actor.ts';
import { announcementApproval, type Machine, nextStatus as machineNext } from '../../platform/lifecycle/index.ts';
import { ancestryOf, type RegionRow } from '../region/index.ts';

/** What the relations look at: the issuing region and who built and submitted the list. */
export interface AnnouncementRecord {
  region: RegionRow;
  createdBy: number | null;
  submittedBy: number | null;
  /** A department list (黄牌/红牌): the region's agencies of its ground, whose accounts also draft it (issue 12). */
  draftingAgencyIds?: readonly number[] | null;
}

/**
 * The issuing region's own office builds, edits and submits, and answers objections; a department list is
 * also drafted by the region's departments of its ground (002 §四(二): the departments publish their lists).
 */
export const isAnnouncementDrafter = (actor: Actor, regionCode: string, draftingAgencyIds?: readonly number[] | null): boolean =>
  actor.role === 'admin' ||
  (actor.role === 'group_office' && actor.regionCode === regionCode) ||
  (actor.role === 'member_agency' && actor.regionCode === regionCode && actor.agencyId !== null && (draftingAgencyIds ?? []).includes(actor.agencyId));

/** A group office at the issuing region or above (archiving a published list is housekeeping, not approval). */
const isOffice = (actor: Actor, r: RegionRow): boolean =>
  actor.role === 'admin' || (actor.role === 'group_office' && regionInScope(actor, ancestryOf(r)));

/**
 * The announcement's flow as a table: the issuing region's office builds a draft and submits it; the
 * region's leading-group leader (组长) or the level above approves it or returns it (from submitted or
 * approved) with a reason, and publishes the approved list — never whoever built or submitted it
 * (DOMAIN.md "Who approves what"; 000 §五(二)). A published one is archived, automatically when a newer
 * list of the same region and kind is published, or by hand.
 */
export const announcementMachine: Machine<AnnouncementStatus, AnnouncementEvent, AnnouncementRecord> = {
  entityType: 'announcement',
  noun: '公告',
  statusLabels: ANNOUNCEMENT_STATUS_LABELS,
  eventLabels: ANNOUNCEMENT_EVENT_LABELS,
  transitions: [
    { from: 'draft', event: 'submit', to: 'submitted', by: 'drafter' },
    // Awaited (ADR 0016): approval and publishing are on the approver's 待办; due periods are platform defaults.
    { from: 'submitted', event: 'approve', to: 'approved', by: 'approver', awaits: { kind: 'approve', dueWorkingDays: 5 } },
    { from: 'submitted', event: 'return', to: 'draft', by: 'approver', needsReason: true },
    { from: 'approved', event: 'publish', to: 'published', by: 'approver', awaits: { kind: 'publish', dueWorkingDays: 3 } },
    { from: 'approved', event: 'return', to: 'draft', by: 'approver', needsReason: true },
    // By hand with a reason (issue 10): taking a list off the current page is explained in its history.
    { from: 'published', event: 'archive', to: 'archived', by: 'office', needsReason: true },
  ],
  relations: {
    drafter: (actor, a) =>
      isAnnouncementDrafter(actor, a.region.code, a.draftingAgencyIds)
        ? null
        : `只有${a.region.name}领导小组办公室${a.draftingAgencyIds ? '或该名单的主管部门' : ''}可以提交本级公告`,
    approver: (actor, a) => announcementApproval(actor, a.region, [a.createdBy, a.submittedBy]),
    office: (actor, a) => (isOffice(actor, a.region) ? null : '只有本级或上级领导小组办公室可以归档该公告'),
  },
};

export function nextStatus(from: AnnouncementStatus, event: AnnouncementEvent): AnnouncementStatus | null {
  return machineNext(announcementMachine, from, event);
}

/** Published lists are on the public site; archived ones stay there under 往期. */
export const PUBLIC_STATUSES: readonly AnnouncementStatus[] = ['published', 'archived'];
