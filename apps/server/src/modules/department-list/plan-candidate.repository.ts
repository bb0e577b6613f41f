import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { eliminationPlan } from '../../db/schema/index.ts';

/** The plan the candidates go into (the cases themselves are read through the case module). */
export const planCandidateRepository = {
  async planStatus(db: Db, regionCode: string, year: number): Promise<{ id: number; status: string } | null> {
    const [p] = await db
      .select({ id: eliminationPlan.id, status: eliminationPlan.status })
      .from(eliminationPlan)
      .where(and(eq(eliminationPlan.regionCode, regionCode), eq(eliminationPlan.year, year)));
    return p ?? null;
  },
};
