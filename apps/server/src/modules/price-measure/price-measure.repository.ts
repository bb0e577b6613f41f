import { and, asc, count, desc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { agency, enterprise, line, priceMeasureDelivery, region } from '../../db/schema/index.ts';
import type { ScopeColumn } from '../../platform/access/actor.ts';

export type DeliveryRow = typeof priceMeasureDelivery.$inferSelect;
export type DeliveryInsert = typeof priceMeasureDelivery.$inferInsert;

/** Who sees which deliveries: a region subtree, narrowed to an agency (recipient or sender) or one enterprise. */
export interface DeliveryScope {
  column: ScopeColumn;
  code: string;
  agencyId: number | null;
  enterpriseId: number | null;
}

export interface DeliveryFilter {
  scope: DeliveryScope;
  status?: string;
  kind?: string;
  enterpriseId?: number;
  /** Past due (unacknowledged or unapplied) as of this Beijing date. */
  overdueOn?: string;
}

const recipient = alias(agency, 'pm_recipient');
const sender = alias(agency, 'pm_sender');

const listColumns = {
  d: priceMeasureDelivery,
  enterpriseName: enterprise.name,
  uscc: enterprise.uscc,
  regionName: sql<string>`coalesce(${region.name}, ${priceMeasureDelivery.regionCode})`,
  recipientName: sql<string>`coalesce(${recipient.name}, '')`,
  senderName: sender.name,
};
/** The case's decision number is read through the case module (service: `withDecisionNos`). */
export type DeliveryView = { d: DeliveryRow; enterpriseName: string; uscc: string; regionName: string; recipientName: string; senderName: string | null };

function scopeWhere(s: DeliveryScope): SQL | undefined {
  return and(
    s.column === 'all' ? undefined : eq(priceMeasureDelivery[s.column], s.code),
    s.agencyId !== null ? or(eq(priceMeasureDelivery.recipientAgencyId, s.agencyId), eq(priceMeasureDelivery.senderAgencyId, s.agencyId)) : undefined,
    s.enterpriseId !== null ? eq(priceMeasureDelivery.enterpriseId, s.enterpriseId) : undefined,
  );
}

const filterWhere = (f: DeliveryFilter) =>
  and(
    scopeWhere(f.scope),
    f.status ? eq(priceMeasureDelivery.status, f.status) : undefined,
    f.kind ? eq(priceMeasureDelivery.kind, f.kind) : undefined,
    f.enterpriseId ? eq(priceMeasureDelivery.enterpriseId, f.enterpriseId) : undefined,
    f.overdueOn ? and(inArray(priceMeasureDelivery.status, ['sent', 'acknowledged']), lt(priceMeasureDelivery.dueOn, f.overdueOn)) : undefined,
  );

const viewQuery = (db: Db) =>
  db
    .select(listColumns)
    .from(priceMeasureDelivery)
    .innerJoin(enterprise, eq(enterprise.id, priceMeasureDelivery.enterpriseId))
    .leftJoin(region, eq(region.code, priceMeasureDelivery.regionCode))
    .leftJoin(recipient, eq(recipient.id, priceMeasureDelivery.recipientAgencyId))
    .leftJoin(sender, eq(sender.id, priceMeasureDelivery.senderAgencyId));

export const priceMeasureRepository = {
  table: priceMeasureDelivery,
  async insert(tx: Db, row: DeliveryInsert): Promise<DeliveryRow> {
    const [r] = await tx.insert(priceMeasureDelivery).values(row).returning();
    return r!;
  },
  /** Newest first (or oldest with `ascending`), after the keyset id or `offset` rows in. */
  list(db: Db, f: DeliveryFilter, opts: { afterId: number | null; ascending: boolean; offset: number; limit: number }): Promise<DeliveryView[]> {
    const key = opts.afterId ? (opts.ascending ? gt : lt)(priceMeasureDelivery.id, opts.afterId) : undefined;
    return viewQuery(db)
      .where(and(filterWhere(f), key))
      .orderBy(opts.ascending ? asc(priceMeasureDelivery.id) : desc(priceMeasureDelivery.id))
      .limit(opts.limit)
      .offset(opts.offset);
  },
  async count(db: Db, f: DeliveryFilter): Promise<number> {
    const [r] = await db.select({ n: count() }).from(priceMeasureDelivery).where(filterWhere(f));
    return Number(r?.n ?? 0);
  },
  async viewById(db: Db, id: number): Promise<DeliveryView | null> {
    return (await viewQuery(db).where(eq(priceMeasureDelivery.id, id)))[0] ?? null;
  },
  /** The awaiting deliveries of one recipient agency (or of all, for the reminder job), for the to-do list. */
  awaiting(db: Db, agencyId: number | null, statuses: string[], limit: number): Promise<DeliveryView[]> {
    return viewQuery(db)
      .where(and(inArray(priceMeasureDelivery.status, statuses), agencyId !== null ? eq(priceMeasureDelivery.recipientAgencyId, agencyId) : undefined))
      .orderBy(asc(priceMeasureDelivery.id))
      .limit(limit);
  },
  /** A live delivery of this kind for the enterprise (sent, acknowledged or applied): sending twice is refused. */
  async liveOf(db: Db, enterpriseId: number, kind: string): Promise<DeliveryRow | null> {
    const rows = await db
      .select()
      .from(priceMeasureDelivery)
      .where(and(eq(priceMeasureDelivery.enterpriseId, enterpriseId), eq(priceMeasureDelivery.kind, kind), inArray(priceMeasureDelivery.status, ['sent', 'acknowledged', 'applied'])));
    return rows[0] ?? null;
  },
  /** The agency of `kind` nearest to the enterprise: its county's, else its prefecture's, else its province's. */
  async nearestAgency(db: Db, regionCodes: string[], kind: string): Promise<{ id: number; name: string; regionCode: string } | null> {
    if (regionCodes.length === 0) return null;
    const rows = await db
      .select({ id: agency.id, name: agency.name, regionCode: agency.regionCode })
      .from(agency)
      .where(and(eq(agency.kind, kind), inArray(agency.regionCode, regionCodes)));
    for (const code of regionCodes) {
      const hit = rows.find((r) => r.regionCode === code);
      if (hit) return hit;
    }
    return null;
  },
  async agencyName(db: Db, id: number): Promise<string | null> {
    const [r] = await db.select({ name: agency.name }).from(agency).where(eq(agency.id, id));
    return r?.name ?? null;
  },

  /** Whether the case's line has been eliminated in the registry (the other reason a measure is removed). */
  async lineEliminated(db: Db, lineId: number): Promise<boolean> {
    const rows = await db.select({ id: line.id }).from(line).where(and(eq(line.id, lineId), eq(line.status, 'eliminated')));
    return rows.length > 0;
  },
};
