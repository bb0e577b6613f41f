import type {
  Announcement,
  AnnouncementForm,
  AnnouncementItem,
  AnnouncementKind,
  AnnouncementStatus,
  AnnouncementSummary,
  AnnouncementUnitTotal,
  NoticePeriod,
  Objection,
  ObjectionStatus,
  PublicAnnouncement,
  PublicAnnouncementSummary,
} from '@taotai/shared';
import { fromQ, toQ } from '@taotai/shared';
import type { WorkingCalendar } from '../../platform/calendar/calendar.ts';
import type { AnnouncementRow, AnnouncementView, ItemRow, ObjectionRow } from './announcement.repository.ts';

/** The notice period of a published public notice as of `today`; null for a 公告 or before publication. */
export function noticeOf(a: AnnouncementRow, cal: WorkingCalendar, today: string): NoticePeriod | null {
  if (a.form !== 'public_notice' || !a.noticeEndDate || !a.noticeWorkingDays) return null;
  const open = today <= a.noticeEndDate;
  const d = cal.describeDeadline(a.noticeEndDate, today);
  return { workingDays: a.noticeWorkingDays, endDate: a.noticeEndDate, open, label: open ? d.label : '公示期已结束', workingDaysLeft: open ? d.workingDaysLeft : 0 };
}

export const presentItem = (i: ItemRow): AnnouncementItem => ({
  id: i.id,
  seq: i.seq,
  enterpriseName: i.enterpriseName,
  uscc: i.uscc,
  regionCode: i.regionCode,
  regionName: i.regionName,
  lineName: i.lineName,
  specification: i.specification,
  capacity: Number(i.capacity),
  capacityUnit: i.capacityUnit,
  unitName: i.unitName,
  date: i.date,
  dismantleDeadline: i.dismantleDeadline,
  commitment: i.commitment,
});

/** Capacity, lines and enterprises per unit, in the order units first appear; never across units. */
export function totalsOf(items: readonly Pick<ItemRow, 'capacityUnit' | 'unitName' | 'capacity' | 'uscc'>[]): AnnouncementUnitTotal[] {
  const acc = new Map<string, { unitName: string; q: number; lines: number; enterprises: Set<string> }>();
  for (const i of items) {
    const a = acc.get(i.capacityUnit) ?? { unitName: i.unitName, q: 0, lines: 0, enterprises: new Set<string>() };
    a.q += toQ(i.capacity);
    a.lines++;
    a.enterprises.add(i.uscc);
    acc.set(i.capacityUnit, a);
  }
  return [...acc].map(([unitCode, a]) => ({ unitCode, unitName: a.unitName, capacity: fromQ(a.q), lineCount: a.lines, enterpriseCount: a.enterprises.size }));
}

export function presentSummary(
  a: AnnouncementView,
  notice: NoticePeriod | null,
  itemCount: number,
  objections: { total: number; unanswered: number } | undefined,
): AnnouncementSummary {
  return {
    id: a.id,
    regionCode: a.regionCode,
    regionName: a.regionName,
    year: a.year,
    kind: a.kind as AnnouncementKind,
    form: a.form as AnnouncementForm,
    noticeWorkingDays: a.form === 'public_notice' ? a.noticeWorkingDays : null,
    title: a.title,
    status: a.status as AnnouncementStatus,
    itemCount,
    publishDate: a.publishDate,
    notice,
    objectionCount: objections?.total ?? 0,
    unansweredCount: objections?.unanswered ?? 0,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentAnnouncement(
  a: AnnouncementView,
  items: ItemRow[],
  notice: NoticePeriod | null,
  objections: { total: number; unanswered: number } | undefined,
  can: Pick<Announcement, 'abilities' | 'availableEvents'>,
): Announcement {
  return {
    ...presentSummary(a, notice, items.length, objections),
    body: a.body,
    sourcePlanId: a.sourcePlanId,
    returnReason: a.returnReason,
    builtAt: a.builtAt.toISOString(),
    submittedAt: iso(a.submittedAt),
    approvedAt: iso(a.approvedAt),
    publishedAt: iso(a.publishedAt),
    archivedAt: iso(a.archivedAt),
    supersededBy: a.supersededBy,
    items: items.map(presentItem),
    totals: totalsOf(items),
    abilities: can.abilities,
    availableEvents: can.availableEvents,
  };
}

/** Archived here means "under 往期": a public notice still in its notice period counts as current. */
export function presentPublicSummary(a: AnnouncementView, notice: NoticePeriod | null, itemCount: number): PublicAnnouncementSummary {
  return {
    id: a.id,
    regionCode: a.regionCode,
    regionName: a.regionName,
    year: a.year,
    kind: a.kind as AnnouncementKind,
    form: a.form as AnnouncementForm,
    title: a.title,
    publishDate: a.publishDate ?? '',
    archived: a.status === 'archived' && !notice?.open,
    itemCount,
    notice,
  };
}

export const presentPublic = (a: AnnouncementView, notice: NoticePeriod | null, items: ItemRow[], closing: PublicAnnouncement['closing']): PublicAnnouncement => ({
  ...presentPublicSummary(a, notice, items.length),
  body: a.body,
  items: items.map(presentItem),
  totals: totalsOf(items),
  closing,
});

export const itemLabel = (i: ItemRow | undefined) => (i ? `${i.seq}. ${i.enterpriseName} · ${i.lineName}` : null);

/** `maskedPhone` comes from the service, which holds the seal key (the row keeps only the sealed number). */
export const presentObjection = (o: ObjectionRow, item: ItemRow | undefined, maskedPhone: string | null, availableEvents: Objection['availableEvents']): Objection => ({
  id: o.id,
  receiptCode: o.receiptCode,
  itemId: o.itemId,
  itemLabel: itemLabel(item),
  content: o.content,
  name: o.name,
  phone: maskedPhone,
  filedAt: o.filedAt.toISOString(),
  answer: o.answer,
  answeredByName: o.answeredByName,
  answeredAt: iso(o.answeredAt),
  status: o.status as Objection['status'],
  version: o.version,
  availableEvents,
});

/** `answeredBy`: the answering office's name (its 落款), given by the service once the objection is answered. */
export const presentObjectionStatus = (o: ObjectionRow, title: string, answeredBy: string | null): ObjectionStatus => ({
  receiptCode: o.receiptCode,
  announcementId: o.announcementId,
  announcementTitle: title,
  content: o.content,
  filedAt: o.filedAt.toISOString(),
  answered: o.answeredAt !== null,
  answer: o.answer,
  answeredAt: iso(o.answeredAt),
  answeredBy: o.answeredAt ? answeredBy : null,
});
