import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource, Machine } from '../../platform/lifecycle/index.ts';
import { type RegionRow, regionRepository } from '../region/index.ts';
import { isAnnouncementDrafter } from './announcement.machine.ts';
import { objectionRepository } from './objection.repository.ts';

/**
 * An objection's life as a table (answering is `answerObjection`, one write, not yet on runTransition): it
 * waits for the issuing office's answer (000 §五(二): objections are checked and answered). The arrival
 * notice is the existing 「收到异议」 sent when it is filed; the table feeds the 待办 (ADR 0016).
 */
export const objectionTodoMachine: Machine<'open' | 'answered', 'answer', { region: RegionRow }> = {
  entityType: 'announcement_objection',
  noun: '异议',
  statusLabels: { open: '待答复', answered: '已答复' },
  eventLabels: { answer: '答复' },
  transitions: [{ from: 'open', event: 'answer', to: 'answered', by: 'office', awaits: { kind: 'answer' } }],
  relations: {
    office: (actor: Actor, r: { region: RegionRow }) => (isAnnouncementDrafter(actor, r.region.code) ? null : `只有${r.region.name}领导小组办公室可以答复本公示的异议`),
  },
};

type Row = Awaited<ReturnType<typeof objectionRepository.awaitingAnswer>>[number];

async function candidatesOf(db: Db, rows: Row[]): Promise<AwaitingCandidate<{ region: RegionRow }>[]> {
  const regions = new Map((await regionRepository.byCodes(db, [...new Set(rows.map((r) => r.regionCode))])).map((r) => [r.code, r]));
  return rows.flatMap((r) => {
    const region = regions.get(r.regionCode);
    if (!region) return [];
    const status = r.answeredAt ? 'answered' : 'open';
    return [{ id: r.id, status, record: { region }, title: `${r.title}（异议 ${r.receiptCode}）`, regionCode: r.regionCode, link: `/announcements/${r.announcementId}`, since: r.filedAt }];
  });
}

/** Objections to a 公示 waiting for the issuing office's answer. */
export const objectionTodoSource: AwaitingSource<{ region: RegionRow }> = {
  machine: objectionTodoMachine,
  kindLabel: '公示异议',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    if (!statuses.includes('open')) return [];
    // Only the issuing region's own office (or the admin) answers: nothing else to look at.
    if (reach && reach.role !== 'group_office' && reach.role !== 'admin') return [];
    return candidatesOf(db, await objectionRepository.awaitingAnswer(db, { regionCode: reach && reach.role !== 'admin' ? reach.regionCode : null }, limit));
  },
  async one(db: Db, id: number) {
    return (await candidatesOf(db, await objectionRepository.awaitingAnswer(db, { regionCode: null, id }, 1)))[0] ?? null;
  },
};
