import { TIP_LINK_KIND_LABELS, type LifecycleEntry, type ListPage, type Tip, type TipLinkKind, type TipListItem, type TipQuery, type FiltersOf } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { readHistory } from '../../platform/lifecycle/index.ts';
import { tipMachine } from './tip.machine.ts';
import { tipPolicy } from './tip.policy.ts';
import { presentTip, presentTipListItem } from './tip.presenter.ts';
import { tipRecordRepository as records } from './tip-record.repository.ts';
import { type TipFilter, type TipView, tipRepository } from './tip.repository.ts';

/** The tip through the reader's reach: out of reach (a town, an enterprise, another department) answers 404 like a missing tip. */
export async function readableTip(db: Db, actor: Actor, id: number): Promise<TipView> {
  const reach = tipPolicy.reach(actor);
  const v = reach ? await tipRepository.viewById(db, reach, id) : null;
  if (!v) throw notFound('举报');
  return v;
}

/** The list's filters as repository conditions (overdue = not concluded and past the deadline, Beijing date). */
export function tipFilter(q: FiltersOf<TipQuery>, today: string): TipFilter {
  return {
    q: q.q || undefined,
    status: q.status,
    matter: q.matter,
    overdueBefore: q.overdue === 'true' ? today : undefined,
    escalated: q.escalated === undefined ? undefined : q.escalated === 'true',
    regionCode: q.regionCode,
  };
}

export async function listTips(db: Db, clock: Clock, actor: Actor, q: TipQuery): Promise<ListPage<TipListItem>> {
  const w = pageWindow(q, 20);
  const reach = tipPolicy.reach(actor);
  if (!reach) return { items: [], nextCursor: null, total: w.withTotal ? 0 : null, page: w.page, pageSize: w.size };
  const today = todayInChina(clock.now());
  const f = tipFilter(q, today);
  const [rows, total, cal] = await Promise.all([
    tipRepository.page(db, reach, f, { afterId: idCursor(w.cursor), descending: q.sort === '-id', offset: w.offset }, w.size + 1),
    w.withTotal ? tipRepository.count(db, reach, f) : null,
    getCalendar(db),
  ]);
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.t.id));
  return { items: page.map((v) => presentTipListItem(v, today, cal)), nextCursor, total, page: w.page, pageSize: w.size };
}

/** Presents a tip already read through the reach (a service that just wrote it reads it again in its transaction). */
export async function presentReadable(db: Db, actor: Actor, v: TipView, today: string): Promise<Tip> {
  const id = v.t.id;
  const [files, checks, links, messages, cal] = await Promise.all([records.filesOf(db, id), records.checksOf(db, id), records.linksOf(db, id), records.messagesOf(db, id), getCalendar(db)]);
  const userIds = [...checks.map((c) => c.recordedBy), ...messages.map((m) => m.userId)].filter((x): x is number => x !== null);
  const names = await records.userNames(db, [...new Set(userIds)]);
  const labelled = links.map((l) => ({ ...l, label: l.targetName ?? (l.kind === 'concealment' ? `${l.regionName ?? l.regionCode}${l.year}年瞒报` : TIP_LINK_KIND_LABELS[l.kind as TipLinkKind]) }));
  return presentTip(actor, v, today, cal, { files, checks, links: labelled, messages, names });
}

export async function getTip(db: Db, clock: Clock, actor: Actor, id: number): Promise<Tip> {
  const v = await readableTip(db, actor, id);
  return presentReadable(db, actor, v, todayInChina(clock.now()));
}

/** The tip's timeline (accept, forward, extend, submit, return, conclude), scoped like the tip. */
export async function tipHistory(db: Db, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await readableTip(db, actor, id);
  return readHistory(db, tipMachine, id);
}
