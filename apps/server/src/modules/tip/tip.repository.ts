import { and, asc, count, desc, eq, gt, gte, ilike, isNotNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { agency, region, tip } from '../../db/schema/index.ts';

export type TipRow = typeof tip.$inferSelect;

/**
 * Which tips a reader may see (tip.policy.ts builds it from the actor; issue 13 "Scope"): the handling region's
 * office and leader and the offices above it (a region column of the handling region), the handling department
 * (its agency), the office of the level it was escalated to. Town and enterprise accounts get none (null).
 */
export type TipReach =
  | { kind: 'all' }
  | { kind: 'region'; column: 'provinceCode' | 'prefectureCode' | 'countyCode'; code: string }
  | { kind: 'agency'; agencyId: number };

export interface TipFilter {
  q?: string | undefined;
  status?: string | undefined;
  matter?: string | undefined;
  /** Not concluded and past the deadline: the deadline is before this date (today, Beijing). */
  overdueBefore?: string | undefined;
  escalated?: boolean | undefined;
  /** The handling region's subtree. */
  regionCode?: string | undefined;
  /** Handled by this region or escalated to it (the to-do: the offices above only read the others). */
  actionableBy?: string | undefined;
}

const place = alias(region, 'tip_place');
const handling = alias(region, 'tip_handling');
const forwardedFrom = alias(region, 'tip_forwarded_from');
const escalatedTo = alias(region, 'tip_escalated_to');

/** The one scope rule of tips as SQL (every tip read goes through it; out of reach reads as missing). */
export function tipReachWhere(r: TipReach): SQL | undefined {
  if (r.kind === 'all') return undefined;
  if (r.kind === 'agency') return eq(tip.handlingAgencyId, r.agencyId);
  return or(eq(handling.code, r.code), eq(handling[r.column], r.code), eq(tip.escalatedToRegionCode, r.code));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

function conditions(r: TipReach, f: TipFilter): SQL | undefined {
  const like = f.q ? `%${escapeLike(f.q)}%` : null;
  return and(
    tipReachWhere(r),
    like ? or(ilike(tip.enterpriseName, like), ilike(tip.address, like), ilike(tip.content, like)) : undefined,
    f.status ? eq(tip.status, f.status) : undefined,
    f.matter ? eq(tip.matter, f.matter) : undefined,
    f.overdueBefore ? and(ne(tip.status, 'concluded'), lt(tip.deadline, f.overdueBefore)) : undefined,
    f.escalated === undefined ? undefined : f.escalated ? isNotNull(tip.escalatedToRegionCode) : sql`${tip.escalatedToRegionCode} is null`,
    f.actionableBy ? or(eq(tip.handlingRegionCode, f.actionableBy), eq(tip.escalatedToRegionCode, f.actionableBy)) : undefined,
    f.regionCode ? or(eq(handling.code, f.regionCode), eq(handling.countyCode, f.regionCode), eq(handling.prefectureCode, f.regionCode), eq(handling.provinceCode, f.regionCode)) : undefined,
  );
}

const viewColumns = {
  t: tip,
  regionName: sql<string>`coalesce(${place.fullName}, ${tip.regionCode})`,
  placeCountyCode: place.countyCode,
  handlingRegion: {
    code: handling.code,
    name: handling.name,
    level: handling.level,
    parentCode: handling.parentCode,
    provinceCode: handling.provinceCode,
    directlyAdministered: handling.directlyAdministered,
  },
  handlingAgencyName: agency.name,
  forwardedFromRegionName: forwardedFrom.name,
  escalatedToRegionName: escalatedTo.name,
};

function joined(db: Db) {
  return db
    .select(viewColumns)
    .from(tip)
    .innerJoin(handling, eq(handling.code, tip.handlingRegionCode))
    .leftJoin(place, eq(place.code, tip.regionCode))
    .leftJoin(agency, eq(agency.id, tip.handlingAgencyId))
    .leftJoin(forwardedFrom, eq(forwardedFrom.code, tip.forwardedFromRegionCode))
    .leftJoin(escalatedTo, eq(escalatedTo.code, tip.escalatedToRegionCode));
}

/** A tip with the names its list row and detail show. */
export type TipView = Awaited<ReturnType<typeof joined>>[number];

export const tipRepository = {
  /** The lifecycle table runTransition moves (status, version). */
  table: tip,
  async viewById(db: Db, r: TipReach, id: number): Promise<TipView | null> {
    const [row] = await joined(db).where(and(eq(tip.id, id), tipReachWhere(r)));
    return row ?? null;
  },
  /** Unscoped (the to-do's arrival notice and the sweep); never answers a reader. */
  async viewUnscoped(db: Db, id: number): Promise<TipView | null> {
    const [row] = await joined(db).where(eq(tip.id, id));
    return row ?? null;
  },
  /** Locks the tip row for the rest of the transaction. */
  async lock(db: Db, id: number): Promise<void> {
    await db.select({ id: tip.id }).from(tip).where(eq(tip.id, id)).for('update');
  },
  async page(db: Db, r: TipReach, f: TipFilter, at: { afterId: number | null; descending: boolean; offset?: number }, limit: number): Promise<TipView[]> {
    const { afterId, descending, offset = 0 } = at;
    return joined(db)
      .where(and(conditions(r, f), afterId === null ? undefined : (descending ? lt : gt)(tip.id, afterId)))
      .orderBy(descending ? desc(tip.id) : asc(tip.id))
      .limit(limit)
      .offset(offset);
  },
  async count(db: Db, r: TipReach, f: TipFilter): Promise<number> {
    const [row] = await db.select({ n: count() }).from(tip).innerJoin(handling, eq(handling.code, tip.handlingRegionCode)).where(conditions(r, f));
    return Number(row?.n ?? 0);
  },
  /** The dashboard's counts in reach: open, overdue, escalated to this region, concluded since 1 January. */
  async summary(db: Db, r: TipReach, today: string, myRegion: string): Promise<{ open: number; overdue: number; escalatedToMe: number; concludedThisYear: number }> {
    const open = ne(tip.status, 'concluded');
    const [row] = await db
      .select({
        open: sql<number>`count(*) filter (where ${open})`,
        overdue: sql<number>`count(*) filter (where ${and(open, lt(tip.deadline, today))})`,
        escalatedToMe: sql<number>`count(*) filter (where ${and(open, eq(tip.escalatedToRegionCode, myRegion))})`,
        concludedThisYear: sql<number>`count(*) filter (where ${gte(tip.concludedOn, `${today.slice(0, 4)}-01-01`)})`,
      })
      .from(tip)
      .innerJoin(handling, eq(handling.code, tip.handlingRegionCode))
      .where(tipReachWhere(r));
    return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0), escalatedToMe: Number(row?.escalatedToMe ?? 0), concludedThisYear: Number(row?.concludedThisYear ?? 0) };
  },
  /** Tips past their deadline, not concluded, not yet escalated (the sweep's work list). */
  async overdueNotEscalated(db: Db, today: string): Promise<TipView[]> {
    return joined(db)
      .where(and(ne(tip.status, 'concluded'), lt(tip.deadline, today), sql`${tip.escalatedToRegionCode} is null`))
      .orderBy(asc(tip.id));
  },
  /** Marks one tip escalated unless another sweep got there first (the row stays unescalated only once). */
  async markEscalated(db: Db, id: number, to: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(tip)
      .set({ escalatedToRegionCode: to, escalatedAt: at, updatedAt: at, version: sql`${tip.version} + 1` })
      .where(and(eq(tip.id, id), sql`${tip.escalatedToRegionCode} is null`, ne(tip.status, 'concluded')))
      .returning({ id: tip.id });
    return rows.length > 0;
  },
  async markRevealed(db: Db, id: number, at: Date): Promise<void> {
    await db.update(tip).set({ identityRevealedAt: at }).where(eq(tip.id, id));
  },
};
