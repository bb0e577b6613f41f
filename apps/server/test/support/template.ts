import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { seedBase } from '../../src/db/seeds/base.ts';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { ManualClock } from '../../src/platform/clock.ts';

/** The moment test databases are seeded at: a working Monday morning in Beijing. */
export const TEST_EPOCH = new Date('2026-03-02T01:00:00.000Z');

/** Template contents: Henan's regions only (enough for every scope case), catalogues, demo data. */
export async function fillTemplate(db: Db): Promise<void> {
  const clock = new ManualClock(TEST_EPOCH);
  await seedBase(db, clock, { demoMode: true, onlyProvince: '410000' });
  await seedDemo(db, clock, { enterprises: 300 });
  await db.execute(sql`ANALYZE`);
}
