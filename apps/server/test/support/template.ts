import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { seedBase } from '../../src/db/seeds/base.ts';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { loadConfig } from '../../src/config.ts';
import { setPasswordHashCost } from '../../src/platform/auth/passwords.ts';
import { ManualClock } from '../../src/platform/clock.ts';

/** The moment test databases are seeded at: a working Monday morning in Beijing. */
export const TEST_EPOCH = new Date('2026-03-02T01:00:00.000Z');

/**
 * Settings every test app runs with: argon2 at a low cost (issue 9: production strength made every login in the
 * suite slow). Production's defaults are asserted in platform/auth/passwords.test.ts.
 */
export const TEST_ENV = { ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' };

/** Template contents: Henan's regions only (enough for every scope case), catalogues, demo data. */
export async function fillTemplate(db: Db): Promise<void> {
  // The demo accounts' hashes are made here, once per run: at the tests' low cost too.
  setPasswordHashCost(loadConfig(TEST_ENV).argon2);
  const clock = new ManualClock(TEST_EPOCH);
  await seedBase(db, clock, { demoMode: true, onlyProvince: '410000' });
  // Without the demo's cases: their deadlines would move other tests' lists and reminders (tests open their own).
  await seedDemo(db, clock, { enterprises: 300, cases: false });
  await db.execute(sql`ANALYZE`);
}
