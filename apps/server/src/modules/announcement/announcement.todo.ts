import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource } from '../../platform/lifecycle/index.ts';
import { regionRepository } from '../region/index.ts';
import { regionSubtree } from '../target/index.ts';
import { type AnnouncementRecord, announcementMachine } from './announcement.machine.ts';
import { type AnnouncementView, announcementRepository } from './announcement.repository.ts';

async function candidatesOf(db: Db, views: AnnouncementView[]): Promise<AwaitingCandidate<AnnouncementRecord>[]> {
  const regions = new Map((await regionRepository.byCodes(db, [...new Set(views.map((v) => v.regionCode))])).map((r) => [r.code, r]));
  return views.flatMap((v) => {
    const region = regions.get(v.regionCode);
    if (!region) return [];
    return [
      {
        id: v.id,
        status: v.status,
        record: { region, createdBy: v.createdBy, submittedBy: v.submittedBy },
        title: v.title,
        regionCode: v.regionCode,
        link: `/announcements/${v.id}`,
      },
    ];
  });
}

/** Submitted lists wait for approval, approved ones for publishing (ADR 0016). */
export const announcementTodoSource: AwaitingSource<AnnouncementRecord> = {
  machine: announcementMachine,
  kindLabel: '公告',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    if (reach?.role === 'enterprise') return [];
    const scope = !reach || reach.scope.column === 'all' ? undefined : regionSubtree(reach.scope.column, reach.scope.code);
    const views: AnnouncementView[] = [];
    for (const status of statuses) views.push(...(await announcementRepository.list(db, { scope, status }, { offset: 0, limit })));
    return candidatesOf(db, views.slice(0, limit));
  },
  async one(db: Db, id: number) {
    const v = await announcementRepository.viewById(db, id);
    return v ? ((await candidatesOf(db, [v]))[0] ?? null) : null;
  },
};
