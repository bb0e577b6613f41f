import {
  ANNOUNCEMENT_FORM_LABELS,
  ANNOUNCEMENT_KIND_LABELS,
  type Announcement,
  type AnnouncementCreateBody,
  type AnnouncementForm,
  type AnnouncementKind,
  type AnnouncementQuery,
  type AnnouncementStatus,
  type AnnouncementSummary,
  type AnnouncementTransitionBody,
  type AnnouncementUpdateBody,
  type LifecycleEntry,
  type ListPage,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/list-query.ts';
import { guardedEdit, lifecycleRepository, readHistory, runTransition } from '../../platform/lifecycle/index.ts';
import { type RegionRow, regionRepository } from '../region/index.ts';
import { regionSubtree } from '../target/index.ts';
import { announcementMachine } from './announcement.machine.ts';
import { ANNOUNCEMENT_LEVELS, announcementPolicy as policy } from './announcement.policy.ts';
import { noticeOf, presentAnnouncement, presentSummary, totalsOf } from './announcement.presenter.ts';
import { type AnnouncementInsert, type AnnouncementRow, type AnnouncementView, announcementRepository as repo } from './announcement.repository.ts';
import { buildItems } from './announcement-build.ts';
import { departmentListDrafters, notifyDepartmentListPublished } from '../department-list/index.ts';


/** The announcement and its issuing region if the actor may read it; otherwise 404, like a missing id. */
export async function readableAnnouncement(db: Db, actor: Actor, id: number): Promise<{ view: AnnouncementView; region: RegionRow }> {
  const view = await repo.viewById(db, id);
  const region = view ? await regionRepository.byCode(db, view.regionCode) : null;
  if (!view || !region || !policy.canRead(actor, region)) throw notFound('公告');
  return { view, region };
}

export function defaultTitle(regionName: string, year: number, kind: AnnouncementKind, form: AnnouncementForm): string {
  const office: Partial<Record<AnnouncementKind, string>> = { plan_list: '计划淘汰落后产能企业名单', sealed_list: '已封存落后产能生产线及企业承诺', completed_list: '已完成淘汰落后产能企业名单' };
  const what = office[kind] ?? ANNOUNCEMENT_KIND_LABELS[kind];
  return `${regionName}${year}年${what}${ANNOUNCEMENT_FORM_LABELS[form]}`;
}

/** Standard wording; the office edits it while the draft is open. */
export function defaultBody(regionName: string, year: number, kind: AnnouncementKind, form: AnnouncementForm, days: number): string {
  const basis = '根据《国务院关于进一步加强淘汰落后产能工作的通知》和我省淘汰落后产能工作部署';
  const what = ANNOUNCEMENT_KIND_LABELS[kind];
  const head = `${basis}，现将${regionName}${year}年${what}（含企业名称、生产线（设备）及产能）予以${ANNOUNCEMENT_FORM_LABELS[form]}。`;
  if (form === 'announcement') return `${head}\n欢迎社会各界监督。`;
  return `${head}\n公示期为${days}个工作日，自发布之日的次日起计算。公示期间，任何单位和个人对名单有异议的，可通过本页面实名或留下联系电话提出，我办将逐件核实并答复。`;
}

export async function getAnnouncement(db: Db, clock: Clock, actor: Actor, id: number): Promise<Announcement> {
  const { view, region } = await readableAnnouncement(db, actor, id);
  const [items, counts, cal] = await Promise.all([repo.items(db, id), repo.objectionCounts(db, [id]), getCalendar(db)]);
  const notice = noticeOf(view, cal, todayInChina(clock.now()));
  const draftingAgencyIds = await departmentListDrafters(db, region.code, view.kind);
  return presentAnnouncement(view, items, notice, counts.get(id), policy.abilities(actor, { region, createdBy: view.createdBy, submittedBy: view.submittedBy, draftingAgencyIds }, view.status as AnnouncementStatus));
}

export async function listAnnouncements(db: Db, clock: Clock, actor: Actor, q: AnnouncementQuery): Promise<ListPage<AnnouncementSummary>> {
  const w = pageWindow(q, 20);
  if (w.cursor) throw invalid('公告列表按页码翻页', [{ path: 'cursor', message: '公告列表按页码翻页' }]);
  if (actor.role === 'enterprise') return { items: [], nextCursor: null, total: 0, page: w.page, pageSize: w.size };
  if (q.region) {
    const r = await regionRepository.byCode(db, q.region);
    if (!r || !policy.canRead(actor, r)) throw notFound('行政区划');
  }
  const scope = actor.scope.column === 'all' ? undefined : regionSubtree(actor.scope.column, actor.scope.code);
  const filter = { scope, region: q.region, kind: q.kind, status: q.status, year: q.year };
  const [rows, total] = await Promise.all([repo.list(db, filter, { offset: w.offset, limit: w.size, ascending: q.sort === 'id' }), repo.count(db, filter)]);
  const ids = rows.map((r) => r.id);
  const [itemCounts, objections, cal] = await Promise.all([repo.itemCounts(db, ids), repo.objectionCounts(db, ids), getCalendar(db)]);
  const today = todayInChina(clock.now());
  const items = rows.map((a) => presentSummary(a, noticeOf(a, cal, today), itemCounts.get(a.id) ?? 0, objections.get(a.id)));
  return { items, nextCursor: null, total, page: w.page, pageSize: w.size };
}

/** Builds a draft: the list is copied from the records now (a snapshot), with the per-unit totals. */
export async function createAnnouncement(db: Db, clock: Clock, actor: Actor, body: AnnouncementCreateBody): Promise<Announcement> {
  const region = await regionRepository.byCode(db, body.regionCode);
  if (!region || !policy.canRead(actor, region)) throw notFound('行政区划');
  if (!policy.isDrafter(actor, region.code, await departmentListDrafters(db, region.code, body.kind))) throw forbidden(`只有${region.name}领导小组办公室（部门名单为其主管部门）可以编制本级公告`);
  if (!ANNOUNCEMENT_LEVELS.includes(region.level)) {
    const message = '公告由省、市、县三级领导小组办公室发布';
    throw invalid(message, [{ path: 'regionCode', message }]);
  }
  const now = clock.now();
  const id = await db.transaction(async (tx) => {
    const items = await buildItems(tx, region, body.kind, body.year, body.kind === 'plan_list' ? body.sourcePlanId : null);
    if (items.length === 0) {
      const none =
        { plan_list: '所选计划中没有生产线', sealed_list: `${region.name}${body.year}年没有已封存且有企业公开承诺书的生产线`, completed_list: `${region.name}${body.year}年还没有验收合格的退出任务` }[body.kind as string] ??
        `${region.name}目前没有列入该名单的案件`;
      throw invalid(`${none}，无法生成${ANNOUNCEMENT_KIND_LABELS[body.kind]}`);
    }
    const days = body.noticeWorkingDays;
    const row = await repo.insert(tx, {
      regionCode: region.code,
      year: body.year,
      kind: body.kind,
      form: body.form,
      noticeWorkingDays: body.form === 'public_notice' ? days : null,
      title: body.title || defaultTitle(region.name, body.year, body.kind, body.form),
      body: body.body || defaultBody(region.name, body.year, body.kind, body.form, days),
      sourcePlanId: body.kind === 'plan_list' ? body.sourcePlanId : null,
      builtAt: now,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertItems(
      tx,
      items.map((i) => ({ ...i, announcementId: row.id })),
    );
    const totals = totalsOf(items);
    await recordAudit(tx, actor, now, {
      action: 'announcement.create',
      entityType: 'announcement',
      entityId: row.id,
      regionCode: region.code,
      after: { ...row, itemCount: items.length, totals },
    });
    return row.id;
  });
  return getAnnouncement(db, clock, actor, id);
}

export async function updateAnnouncement(db: Db, clock: Clock, actor: Actor, id: number, body: AnnouncementUpdateBody): Promise<Announcement> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { view, region } = await readableAnnouncement(tx, actor, id);
    if (!policy.isDrafter(actor, region.code, await departmentListDrafters(tx, region.code, view.kind))) throw forbidden(`只有${region.name}领导小组办公室（部门名单为其主管部门）可以修改本级公告`);
    if (view.status !== 'draft') throw conflict('只有草稿状态的公告可以修改；已提交的公告请由审核单位退回后再改');
    const set = { title: body.title, body: body.body, form: body.form, noticeWorkingDays: body.form === 'public_notice' ? body.noticeWorkingDays : null };
    const pick = (a: Pick<AnnouncementView, 'title' | 'body' | 'form' | 'noticeWorkingDays'>) => ({ title: a.title, body: a.body, form: a.form, noticeWorkingDays: a.noticeWorkingDays });
    await guardedEdit<AnnouncementView>(tx, { table: repo.table, id, version: body.version, set, actor, now, entityType: 'announcement', regionCode: region.code, before: pick(view), after: pick });
  });
  return getAnnouncement(db, clock, actor, id);
}

/**
 * Fires an event of the flow through the one lifecycle step (machine, who may fire it with separation of
 * duties, guarded update, history, audit). Publishing fixes the Beijing publication date and, for a 公示,
 * the last day of the notice period (N working days after it), and archives the older lists of the same
 * region and kind.
 */
export async function transitionAnnouncement(db: Db, clock: Clock, actor: Actor, id: number, body: AnnouncementTransitionBody): Promise<Announcement> {
  const now = clock.now();
  const { event } = body;
  await db.transaction(async (tx) => {
    const { view, region } = await readableAnnouncement(tx, actor, id);
    const set: Partial<AnnouncementInsert> = {};
    if (event === 'submit') Object.assign(set, { submittedAt: now, submittedBy: actor.userId, returnReason: null });
    if (event === 'return') Object.assign(set, { returnReason: body.reason, approvedAt: null, approvedBy: null });
    if (event === 'approve') Object.assign(set, { approvedAt: now, approvedBy: actor.userId });
    if (event === 'archive') set.archivedAt = now;
    if (event === 'publish') {
      const publishDate = todayInChina(now);
      const days = view.form === 'public_notice' ? (view.noticeWorkingDays ?? 0) : 0;
      const noticeEndDate = days > 0 ? (await getCalendar(tx)).addWorkingDaysStrict(publishDate, days) : null;
      Object.assign(set, { publishedAt: now, publishedBy: actor.userId, publishDate, noticeEndDate });
    }
    await runTransition(tx, {
      machine: announcementMachine,
      table: repo.table,
      record: { region, createdBy: view.createdBy, submittedBy: view.submittedBy, draftingAgencyIds: await departmentListDrafters(tx, region.code, view.kind) },
      id,
      from: view.status as AnnouncementStatus,
      event,
      actor,
      now,
      regionCode: region.code,
      reason: body.reason,
      set,
      payload: event === 'publish' ? { publishDate: set.publishDate, noticeEndDate: set.noticeEndDate ?? undefined } : undefined,
      effects: async (row) => {
        if (event !== 'publish') return;
        // A department's violators' list goes to the office and every member agency (002 §四(二)).
        await notifyDepartmentListPublished(tx, now, { id, regionCode: region.code, kind: view.kind, title: view.title });
        // A newer list of the same region and kind replaces the published one: archived in the same transaction, with its own history.
        const superseded = await repo.archiveSuperseded(tx, row as AnnouncementRow, now);
        for (const old of superseded) {
          await lifecycleRepository.insertHistory(tx, {
            entityType: 'announcement',
            entityId: old.id,
            event: 'archive',
            fromStatus: 'published',
            toStatus: 'archived',
            actorId: actor.userId,
            actorName: actor.displayName,
            at: now,
            reason: null,
            payload: { supersededBy: id },
          });
          await recordAudit(tx, actor, now, {
            action: 'announcement.archive',
            entityType: 'announcement',
            entityId: old.id,
            regionCode: region.code,
            before: { status: 'published' },
            after: { status: 'archived', supersededBy: id },
          });
        }
        return superseded.length ? { superseded: superseded.map((o) => o.id) } : undefined;
      },
    });
  });
  return getAnnouncement(db, clock, actor, id);
}

/** The list's timeline (履历): submission, returns with their reasons, approval with its opinion, publication, archiving. */
export async function announcementHistory(db: Db, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await readableAnnouncement(db, actor, id);
  return readHistory(db, announcementMachine, id);
}
