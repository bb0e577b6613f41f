import type { PublicAnnouncement, PublicAnnouncementPage, PublicAnnouncementQuery, PublicSearchResult } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { documentSettingsFor } from '../office-settings/index.ts';
import { closingOf } from './announcement-closing.ts';
import { noticeOf, presentItem, presentPublic, presentPublicSummary } from './announcement.presenter.ts';
import { type AnnouncementView, announcementRepository as repo } from './announcement.repository.ts';

const PAGE_SIZE = 20;
const SEARCH_LIMIT = 100;

/** Only published (or archived) announcements exist for the public: drafts answer 404 like a missing id. */
export async function publicAnnouncement(db: Db, id: number): Promise<AnnouncementView> {
  const a = await repo.publicById(db, id);
  if (!a) throw notFound('公告');
  return a;
}

export async function getPublicAnnouncement(db: Db, clock: Clock, id: number): Promise<PublicAnnouncement> {
  const a = await publicAnnouncement(db, id);
  const [items, cal, settings] = await Promise.all([repo.items(db, id), getCalendar(db), documentSettingsFor(db, a.regionCode)]);
  const notice = noticeOf(a, cal, todayInChina(clock.now()));
  return presentPublic(a, notice, items, closingOf(a, notice, settings));
}

export async function listPublic(db: Db, clock: Clock, q: PublicAnnouncementQuery): Promise<PublicAnnouncementPage> {
  const today = todayInChina(clock.now());
  const { rows, total } = await repo.publicList(db, { tab: q.tab, today, region: q.region, kind: q.kind, q: q.q, offset: (q.page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const [counts, cal] = await Promise.all([repo.itemCounts(db, rows.map((r) => r.id)), getCalendar(db)]);
  return { items: rows.map((a) => presentPublicSummary(a, noticeOf(a, cal, today), counts.get(a.id) ?? 0)), total, pageSize: PAGE_SIZE };
}

export async function searchPublic(db: Db, q: { q: string; region?: string; kind?: string }): Promise<PublicSearchResult> {
  const rows = await repo.publicSearch(db, { ...q, limit: SEARCH_LIMIT + 1 });
  return {
    truncated: rows.length > SEARCH_LIMIT,
    hits: rows.slice(0, SEARCH_LIMIT).map((r) => ({
      announcementId: r.a.id,
      title: r.a.title,
      kind: r.a.kind as PublicSearchResult['hits'][number]['kind'],
      regionName: r.regionName,
      publishDate: r.a.publishDate ?? '',
      item: presentItem(r.item),
    })),
  };
}

export const publicRegions = (db: Db) => repo.publicRegions(db);
