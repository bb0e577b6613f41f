import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_STATE } from '../src/platform/lifecycle/index.ts';
import { queryRows } from '../src/db/client.ts';
import { createEnterprise, createLine, lineBody, listPage } from './enterprise-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('production lines', () => {
  let t: TestApp;
  let gy: string;
  let e: { id: number; name: string };
  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    e = await createEnterprise(t, gy, { name: '巩义市生产线测试水泥有限公司' });
  });
  afterAll(() => t.close());

  const stats = async (id: number) =>
    (await queryRows<{ line_count: number; criteria_mask: number }>(t.ctx.db, sql`SELECT line_count, criteria_mask FROM enterprise WHERE id = ${id}`))[0]!;
  const post = (payload: object, id = e.id) => t.request({ method: 'POST', url: `/api/v1/enterprises/${id}/lines`, cookie: gy, payload });

  it('refuses a capacity unit other than the industry’s, naming both units', async () => {
    const res = await post(lineBody({ capacityUnit: 'wan_m' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('行业“水泥”的产能单位应为“万吨”，不能为“万米”');
    expect(res.json().fields).toEqual([{ path: 'capacityUnit', message: res.json().message }]);
    const glass = await post(lineBody({ industryCode: 'flat_glass', capacityUnit: 'wan_t' }));
    expect(glass.json().message).toBe('行业“平板玻璃”的产能单位应为“万重量箱”，不能为“万吨”');
  });

  it('refuses a capacity of 0 or below, naming 产能', async () => {
    for (const capacity of [0, -3]) {
      const res = await post(lineBody({ capacity }));
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('产能应大于0');
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain('body.capacity');
    }
    expect((await stats(e.id)).line_count).toBe(0);
  });

  it('needs a basis: a catalogue item of the same criterion and industry, or a text', async () => {
    const none = await post(lineBody({ basisItemId: null, basisText: '' }));
    expect(none.statusCode).toBe(400);
    expect(none.json().fields[0]).toEqual({ path: 'basisItemId', message: '请选择判定依据或填写判定依据说明' });
    const [energyItem] = await queryRows<{ id: number }>(t.ctx.db, sql`SELECT id FROM basis_item WHERE criterion = 'energy' AND industry_code = 'cement'`);
    const mismatch = await post(lineBody({ basisItemId: energyItem!.id, criterion: 'technology' }));
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().message).toContain('与不达标类别“技术”不符');
    const [paperItem] = await queryRows<{ id: number }>(t.ctx.db, sql`SELECT id FROM basis_item WHERE criterion = 'technology' AND industry_code = 'paper' LIMIT 1`);
    const otherIndustry = await post(lineBody({ basisItemId: paperItem!.id }));
    expect(otherIndustry.statusCode).toBe(400);
    expect(otherIndustry.json().message).toContain('适用于“造纸”行业');
    const badDate = await post(lineBody({ plannedExitDate: '2026-02-30' }));
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields[0].path).toBe('plannedExitDate');
  });

  it('keeps line_count and criteria_mask in step on create, update and delete', async () => {
    const [kiln] = await queryRows<{ id: number }>(
      t.ctx.db,
      sql`SELECT id FROM basis_item WHERE criterion = 'technology' AND industry_code = 'cement' ORDER BY id LIMIT 1`,
    );
    const tech = await createLine(t, gy, e.id, { basisItemId: kiln!.id, basisText: '' });
    expect(tech).toMatchObject({ capacity: 12.5, capacityUnit: 'wan_t', capacityUnitName: '万吨', industryName: '水泥', version: 1 });
    expect(await stats(e.id)).toEqual({ line_count: 1, criteria_mask: 16 });
    const energy = await createLine(t, gy, e.id, { criterion: 'energy', name: '2号水泥磨' });
    expect(await stats(e.id)).toEqual({ line_count: 2, criteria_mask: 16 | 1 });

    const byCriterion = async (criterion: string) =>
      (await listPage(t, gy, { criterion, q: '生产线测试' })).items.map((i) => i.id);
    expect(await byCriterion('energy')).toEqual([e.id]);
    expect(await byCriterion('safety')).toEqual([]);

    // energy → safety: the energy bit goes, the safety bit comes.
    const upd = await t.request({
      method: 'PUT',
      url: `/api/v1/lines/${energy.id}`,
      cookie: gy,
      payload: { ...lineBody({ criterion: 'safety', name: '2号水泥磨' }), version: energy.version },
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().version).toBe(2);
    expect(await stats(e.id)).toEqual({ line_count: 2, criteria_mask: 16 | 8 });
    expect(await byCriterion('energy')).toEqual([]);
    expect(await byCriterion('safety')).toEqual([e.id]);

    const del = await t.request({ method: 'DELETE', url: `/api/v1/lines/${tech.id}?version=${tech.version}`, cookie: gy });
    expect(del.statusCode).toBe(200);
    expect(await stats(e.id)).toEqual({ line_count: 1, criteria_mask: 8 });
    const detail = await t.request({ method: 'GET', url: `/api/v1/enterprises/${e.id}`, cookie: gy });
    expect(detail.json().lines.map((l: { id: number }) => l.id)).toEqual([energy.id]);
    expect((await listPage(t, gy, { q: '生产线测试' })).items[0]).toMatchObject({ id: e.id, lineCount: 1 });
  });

  it('refuses a stale version with 409 on update and delete', async () => {
    const l = await createLine(t, gy, e.id);
    const ok = await t.request({ method: 'PUT', url: `/api/v1/lines/${l.id}`, cookie: gy, payload: { ...lineBody({ capacity: 20 }), version: 1 } });
    expect(ok.statusCode).toBe(200);
    const stale = await t.request({ method: 'PUT', url: `/api/v1/lines/${l.id}`, cookie: gy, payload: { ...lineBody({ capacity: 30 }), version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe(STALE_STATE);
    const staleDelete = await t.request({ method: 'DELETE', url: `/api/v1/lines/${l.id}?version=1`, cookie: gy });
    expect(staleDelete.statusCode).toBe(409);
    const [row] = await queryRows<{ capacity: string }>(t.ctx.db, sql`SELECT capacity::text AS capacity FROM line WHERE id = ${l.id}`);
    expect(Number(row!.capacity)).toBe(20);
  });

  it('lets one of two simultaneous line edits with the same version through', async () => {
    const l = await createLine(t, gy, e.id);
    const results = await Promise.all(
      [31, 32, 33].map((capacity) =>
        t.request({ method: 'PUT', url: `/api/v1/lines/${l.id}`, cookie: gy, payload: { ...lineBody({ capacity }), version: l.version } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('counts every line when several are added at once', async () => {
    const fresh = await createEnterprise(t, gy);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => post(lineBody({ name: `${i + 1}号窑`, criterion: i % 2 ? 'quality' : 'environment' }), fresh.id)));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    expect(await stats(fresh.id)).toEqual({ line_count: 6, criteria_mask: 2 | 4 });
  });

  it('hides lines of enterprises out of scope (404) and refuses read-only users (403)', async () => {
    const l = await createLine(t, gy, e.id);
    const xy = await t.login('xy-office');
    const put = await t.request({ method: 'PUT', url: `/api/v1/lines/${l.id}`, cookie: xy, payload: { ...lineBody(), version: l.version } });
    expect(put.statusCode).toBe(404);
    expect(put.json().message).toBe('生产线不存在或无权访问');
    expect((await t.request({ method: 'POST', url: `/api/v1/enterprises/${e.id}/lines`, cookie: xy, payload: lineBody() })).statusCode).toBe(404);
    const leader = await t.login('gy-leader');
    expect((await t.request({ method: 'PUT', url: `/api/v1/lines/${l.id}`, cookie: leader, payload: { ...lineBody(), version: l.version } })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/lines/${l.id}?version=${l.version}`, cookie: leader })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: '/api/v1/lines/99999999?version=1', cookie: gy })).statusCode).toBe(404);
  });
});
