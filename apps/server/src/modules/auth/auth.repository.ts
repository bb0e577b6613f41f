import { and, asc, count, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, appUser, loginAttempt, session } from '../../db/schema/index.ts';

export type UserRow = typeof appUser.$inferSelect;

export const authRepository = {
  async userByUsername(db: Db, username: string): Promise<UserRow | null> {
    const rows = await db.select().from(appUser).where(eq(appUser.username, username));
    return rows[0] ?? null;
  },
  async userById(db: Db, id: number): Promise<UserRow | null> {
    const rows = await db.select().from(appUser).where(eq(appUser.id, id));
    return rows[0] ?? null;
  },
  async agencyName(db: Db, id: number | null): Promise<string | null> {
    if (id == null) return null;
    const rows = await db.select({ name: agency.name }).from(agency).where(eq(agency.id, id));
    return rows[0]?.name ?? null;
  },
  async recordAttempt(db: Db, a: typeof loginAttempt.$inferInsert): Promise<void> {
    await db.insert(loginAttempt).values(a);
  },
  /** Failures since the later of the window start and the last success. */
  async recentFailures(db: Db, username: string, since: Date): Promise<number> {
    const [lastOk] = await db
      .select({ at: loginAttempt.at })
      .from(loginAttempt)
      .where(and(eq(loginAttempt.username, username), eq(loginAttempt.success, true)))
      .orderBy(desc(loginAttempt.at))
      .limit(1);
    const from = lastOk && lastOk.at > since ? lastOk.at : since;
    const [r] = await db
      .select({ n: count() })
      .from(loginAttempt)
      .where(and(eq(loginAttempt.username, username), eq(loginAttempt.success, false), gt(loginAttempt.at, from)));
    return Number(r?.n ?? 0);
  },
  /** When the n-th failure since `since` happened (the moment an account reached its lockout threshold). */
  async nthFailureAt(db: Db, username: string, since: Date, n: number): Promise<Date | null> {
    const rows = await db
      .select({ at: loginAttempt.at })
      .from(loginAttempt)
      .where(and(eq(loginAttempt.username, username), eq(loginAttempt.success, false), gt(loginAttempt.at, since)))
      .orderBy(asc(loginAttempt.at))
      .offset(n - 1)
      .limit(1);
    return rows[0]?.at ?? null;
  },
  /** Records that a TOTP code of `step` was used; false when that step or a later one was already used (replay). */
  async acceptTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
    const rows = await db
      .update(appUser)
      .set({ totpLastStep: step })
      .where(and(eq(appUser.id, userId), or(isNull(appUser.totpLastStep), lt(appUser.totpLastStep, step))))
      .returning({ id: appUser.id });
    return rows.length === 1;
  },
  async updateUser(db: Db, id: number, patch: Partial<UserRow>): Promise<void> {
    await db.update(appUser).set(patch).where(eq(appUser.id, id));
  },
  async createSession(db: Db, tokenHash: string, userId: number, now: Date): Promise<void> {
    await db.insert(session).values({ tokenHash, userId, createdAt: now, lastSeenAt: now });
  },
  async sessionWithUser(db: Db, tokenHash: string) {
    const rows = await db
      .select({ s: session, u: appUser })
      .from(session)
      .innerJoin(appUser, eq(appUser.id, session.userId))
      .where(eq(session.tokenHash, tokenHash));
    return rows[0] ?? null;
  },
  async touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
    await db.update(session).set({ lastSeenAt: now }).where(eq(session.tokenHash, tokenHash));
  },
  async revokeSession(db: Db, tokenHash: string, now: Date): Promise<void> {
    await db.update(session).set({ revokedAt: now }).where(eq(session.tokenHash, tokenHash));
  },
  async revokeUserSessions(db: Db, userId: number, now: Date): Promise<void> {
    await db.update(session).set({ revokedAt: now }).where(eq(session.userId, userId));
  },
};
