import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprise, line } from '../src/db/schema/index.ts';
import { relocationMatches } from '../src/modules/exit-task/exit-task-relocation.service.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** Issue 11 "Relocation guard" on the demo registry: the generic coal mines no longer list each other. */
describe('relocation match on the demo registry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('collapses the weak matches on the common 小煤矿 / 单井 6万吨/年 pair, and lists a moved mine of the same capacity first', async () => {
    const coal = await t.ctx.db
      .select({ id: line.id, capacity: line.capacity, countyCode: enterprise.countyCode })
      .from(line)
      .innerJoin(enterprise, eq(enterprise.id, line.enterpriseId))
      .where(eq(line.industryCode, 'coal'));
    expect(coal.length).toBeGreaterThan(10);
    let collapsedSomewhere = 0;
    for (const l of coal) {
      const hits = await relocationMatches(t.ctx.db, l.id, l.countyCode);
      // Before: every name+spec match listed (14 per demo coal mine). Now only matches worth checking.
      expect(hits.shown.length, `line ${l.id}`).toBeLessThanOrEqual(3);
      for (const h of hits.shown) expect(h.reasons).toContain('产能相同');
      collapsedSomewhere += hits.collapsed;
    }
    expect(collapsedSomewhere).toBeGreaterThan(0);

    // The same mine registered again in another county, same capacity: a medium match, listed first with its reasons.
    const [mine] = coal;
    const owners = await t.ctx.db.select({ id: enterprise.id, countyCode: enterprise.countyCode }).from(enterprise).where(eq(enterprise.industryCode, 'coal'));
    const other = owners.find((o) => o.countyCode !== mine!.countyCode);
    const [src] = await t.ctx.db.select().from(line).where(eq(line.id, mine!.id));
    const { id: _id, ...copy } = src!;
    const [moved] = await t.ctx.db.insert(line).values({ ...copy, enterpriseId: other!.id, name: '9号小煤矿' }).returning({ id: line.id });
    const hits = await relocationMatches(t.ctx.db, mine!.id, mine!.countyCode);
    expect(hits.shown[0]).toMatchObject({ lineId: moved!.id, strength: 'medium' });
    expect(hits.shown[0]!.reasons.slice(0, 4)).toEqual(['设备名称相同', '规格相同', '行业相同', '产能相同']);
  });
});
