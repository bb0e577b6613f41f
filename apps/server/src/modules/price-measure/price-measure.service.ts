import {
  AGENCY_KIND_LABELS,
  type AgencyKind,
  POWER_PRICE_KINDS,
  PRICE_DELIVERY_DUE_WORKING_DAYS,
  PRICE_MEASURE_KIND_LABELS,
  type LifecycleEntry,
  type PriceDelivery,
  type PriceDeliveryCreateBody,
  type PriceDeliveryPage,
  type PriceDeliveryQuery,
  type PriceDeliveryStatus,
  type PriceDeliveryTransitionBody,
  type PriceMeasureKind,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { lifecycleRepository, readHistory, runTransition } from '../../platform/lifecycle/index.ts';
import { readableEnterprise } from '../enterprise/index.ts';
import { caseLinkRepository } from '../non-compliance-case/index.ts';
import { type DeliveryFacts, deliveryMachine } from './price-measure.machine.ts';
import { deliveryScope, mayRead, sendRefusal } from './price-measure.policy.ts';
import { presentDelivery } from './price-measure.presenter.ts';
import { type DeliveryView, priceMeasureRepository as repo } from './price-measure.repository.ts';

/**
 * The agency each measure goes to (002 §三(三)(四)): 供电 applies the electricity prices, 人民银行 the credit
 * restriction. Water has no agency kind of its own: the progressive water price goes to the price department
 * (发展和改革委员会, named responsible in 002 §三(三)), which has the water supplier apply it (ADR 0024).
 */
export const RECIPIENT_KIND: Record<PriceMeasureKind, AgencyKind> = {
  differential_power: 'power',
  punitive_power: 'power',
  tiered_power: 'power',
  progressive_water: 'development',
  credit_restriction: 'pboc',
};

const isPowerKind = (k: PriceMeasureKind) => (POWER_PRICE_KINDS as readonly string[]).includes(k);
/** A case that no longer lists the enterprise: rectified (off the list) or withdrawn (opened in error). */
const ENDED_CASE = new Set(['rectified', 'withdrawn']);

/** The deliveries with their case's decision number (处理决定文号), read through the case module. */
async function withDecisionNos(db: Db, views: DeliveryView[]): Promise<(DeliveryView & { caseDecisionNo: string })[]> {
  const nos = await caseLinkRepository.decisionNosOf(db, views.map((v) => v.d.caseId));
  return views.map((v) => ({ ...v, caseDecisionNo: nos.get(v.d.caseId) ?? '' }));
}

async function readable(db: Db, actor: Actor, id: number): Promise<DeliveryView & { caseDecisionNo: string }> {
  const v = await repo.viewById(db, id);
  if (!v || !mayRead(actor, v.d)) throw notFound('价格信贷措施');
  return (await withDecisionNos(db, [v]))[0]!;
}

export async function listDeliveries(db: Db, clock: Clock, actor: Actor, q: PriceDeliveryQuery): Promise<PriceDeliveryPage> {
  const today = todayInChina(clock.now());
  const w = pageWindow(q, 20);
  const filter = { scope: deliveryScope(actor), status: q.status, kind: q.kind, enterpriseId: q.enterpriseId, overdueOn: q.overdue === 'true' ? today : undefined };
  const rows = await repo.list(db, filter, { afterId: idCursor(w.cursor), ascending: q.sort === 'id', offset: w.offset, limit: w.size + 1 });
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.d.id));
  return { items: (await withDecisionNos(db, page)).map((v) => presentDelivery(actor, v, today)), nextCursor, total: await repo.count(db, filter), page: w.page, pageSize: w.size };
}

export async function getDelivery(db: Db, clock: Clock, actor: Actor, id: number): Promise<PriceDelivery> {
  return presentDelivery(actor, await readable(db, actor, id), todayInChina(clock.now()));
}

export async function deliveryHistory(db: Db, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await readable(db, actor, id);
  return readHistory(db, { ...deliveryMachine, eventLabels: { ...deliveryMachine.eventLabels, send: '送达' }, statusLabels: deliveryMachine.statusLabels }, id);
}

/** Sends a listed enterprise to the agency that applies the measure; refused for an enterprise with no yellow or red case. */
export async function sendDelivery(db: Db, clock: Clock, actor: Actor, body: PriceDeliveryCreateBody): Promise<PriceDelivery> {
  const now = clock.now();
  const today = todayInChina(now);
  const cal = await getCalendar(db);
  const id = await db.transaction(async (tx) => {
    const e = await readableEnterprise(tx, actor, body.enterpriseId);
    const listing = await caseLinkRepository.listingCaseOf(tx, e.id);
    if (!listing) {
      const message = `${e.name}没有黄牌或红牌案件，不能送达价格、信贷措施`;
      throw invalid(message, [{ path: 'enterpriseId', message }]);
    }
    const refusal = sendRefusal(actor, listing.agencyId);
    if (refusal) throw forbidden(refusal);
    const surcharge = body.surchargePerKwh ?? null;
    if (isPowerKind(body.kind) && surcharge === null) {
      throw invalid('电价措施须填写每千瓦时加价标准', [{ path: 'surchargePerKwh', message: '请填写每千瓦时加价标准（元）' }]);
    }
    if (!isPowerKind(body.kind) && surcharge !== null) {
      throw invalid(`${PRICE_MEASURE_KIND_LABELS[body.kind]}不按千瓦时加价`, [{ path: 'surchargePerKwh', message: '仅电价措施填写每千瓦时加价标准' }]);
    }
    const kind = RECIPIENT_KIND[body.kind];
    const codes = [e.countyCode, e.prefectureCode, e.provinceCode].filter((c): c is string => !!c);
    const recipient = await repo.nearestAgency(tx, codes, kind);
    if (!recipient) {
      const message = `${e.regionName}及上级没有${AGENCY_KIND_LABELS[kind]}，无法送达${PRICE_MEASURE_KIND_LABELS[body.kind]}`;
      throw invalid(message, [{ path: 'kind', message }]);
    }
    if (await repo.liveOf(tx, e.id, body.kind)) throw conflict(`${e.name}的${PRICE_MEASURE_KIND_LABELS[body.kind]}已送达，尚未解除`);
    const row = await repo.insert(tx, {
      enterpriseId: e.id,
      caseId: listing.id,
      regionCode: e.regionCode,
      provinceCode: e.provinceCode,
      prefectureCode: e.prefectureCode,
      countyCode: e.countyCode,
      townshipCode: e.townshipCode,
      kind: body.kind,
      recipientAgencyId: recipient.id,
      senderAgencyId: actor.agencyId,
      surchargePerKwh: surcharge === null ? null : String(surcharge),
      note: body.note ?? '',
      status: 'sent',
      sentBy: actor.userId,
      sentAt: now,
      dueOn: cal.addWorkingDays(today, PRICE_DELIVERY_DUE_WORKING_DAYS),
      createdAt: now,
      updatedAt: now,
    });
    const payload = { kind: body.kind, caseId: listing.id, recipient: recipient.name, surchargePerKwh: surcharge };
    // The first state is entered by creation: its history row is written here (as filings do), the rest by runTransition.
    await lifecycleRepository.insertHistory(tx, {
      entityType: deliveryMachine.entityType,
      entityId: row.id,
      event: 'send',
      fromStatus: null,
      toStatus: 'sent',
      actorId: actor.userId,
      actorName: actor.displayName,
      at: now,
      reason: null,
      payload,
    });
    await recordAudit(tx, actor, now, { action: 'price_measure_delivery.send', entityType: deliveryMachine.entityType, entityId: row.id, regionCode: e.regionCode, after: { status: 'sent', ...payload } });
    return row.id;
  });
  return getDelivery(db, clock, actor, id);
}

/** 签收, 执行 (measure and effective date) or 解除 (date and reason), by the recipient agency only. */
export async function transitionDelivery(db: Db, clock: Clock, actor: Actor, id: number, body: PriceDeliveryTransitionBody): Promise<PriceDelivery> {
  const now = clock.now();
  const today = todayInChina(now);
  const cal = await getCalendar(db);
  await db.transaction(async (tx) => {
    const { d } = await readable(tx, actor, id);
    const facts: DeliveryFacts = { today, appliedMeasure: body.appliedMeasure, effectiveOn: body.event === 'apply' ? body.effectiveOn : d.effectiveOn, removedOn: body.removedOn, reason: body.reason };
    let set: Record<string, unknown> = {};
    let payload: Record<string, unknown> = {};
    if (body.event === 'acknowledge') {
      set = { acknowledgedAt: now, dueOn: cal.addWorkingDays(today, PRICE_DELIVERY_DUE_WORKING_DAYS) };
    } else if (body.event === 'apply') {
      set = { appliedMeasure: body.appliedMeasure, effectiveOn: body.effectiveOn, dueOn: null };
      payload = { appliedMeasure: body.appliedMeasure, effectiveOn: body.effectiveOn };
    } else {
      const c = await caseLinkRepository.caseStatusOf(tx, d.caseId);
      facts.listingEnded = !c || ENDED_CASE.has(c.status) || (c.lineId !== null && (await repo.lineEliminated(tx, c.lineId)));
      set = { removedOn: body.removedOn, removalReason: body.reason, dueOn: null };
      payload = { removedOn: body.removedOn };
    }
    await runTransition(tx, {
      machine: deliveryMachine,
      table: repo.table,
      record: d,
      id,
      from: d.status as PriceDeliveryStatus,
      event: body.event,
      actor,
      now,
      regionCode: d.regionCode,
      reason: body.event === 'remove' ? body.reason : null,
      facts,
      set,
      version: body.version,
      payload,
    });
  });
  return getDelivery(db, clock, actor, id);
}
