import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser } from '../src/db/schema/index.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

// Issue 10 §2: a round's 检查组组长 is an account, named when it is formed or later by the organising office.
describe('inspection round leader account', () => {
  let t: TestApp;
  let gy: string;
  const idOf = async (username: string) => (await t.ctx.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, username)))[0]!.id;

  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
  });
  afterAll(() => t.close());

  it('a round without one does not start; the office names it later, keeps it when the body omits it, never names itself', async () => {
    const agencies: { id: number }[] = await call(t, gy, { method: 'GET', url: '/api/v1/regions/410181/agencies' });
    const team = [
      { agencyId: agencies[0]!.id, personName: '张组长', role: 'leader' },
      { agencyId: agencies[1]!.id, personName: '李成员', role: 'member' },
    ];
    const body = { title: '组长账号测试批次', year: 2026, startDate: '2026-03-02', team };
    let round = await call(t, gy, { method: 'POST', url: '/api/v1/inspections', payload: body }, 201);
    expect(round).toMatchObject({ leaderUserId: null, leaderAccountName: null });
    const url = `/api/v1/inspections/${round.id}`;
    const start = await t.request({ method: 'POST', url: `${url}/transitions`, cookie: gy, payload: { event: 'start', version: round.version } });
    expect(start.json().message).toBe('开始检查还缺：检查组组长账号（由其签署验收结论）；待检查企业（至少1家）');

    const own = await t.request({ method: 'PUT', url, cookie: gy, payload: { ...body, version: round.version, leaderUserId: await idOf('gy-office') } });
    expect(own.statusCode).toBe(400);
    expect(own.json().fields).toEqual([{ path: 'leaderUserId', message: '组建检查批次的人员不能担任本批次检查组组长（验收结论须由检查组组长签署）' }]);
    const leader = await t.request({ method: 'PUT', url, cookie: gy, payload: { ...body, version: round.version, leaderUserId: await idOf('gy-leader') } });
    expect(leader.json().message).toBe('检查组组长账号须为本级或上级领导小组办公室的有效账号');

    round = await call(t, gy, { method: 'PUT', url, payload: { ...body, version: round.version, leaderUserId: await idOf('ha-office') } });
    expect(round).toMatchObject({ leaderUserId: await idOf('ha-office'), leaderAccountName: '省领导小组办公室' });
    round = await call(t, gy, { method: 'PUT', url, payload: { ...body, title: '改名', version: round.version } });
    expect(round).toMatchObject({ title: '改名', leaderUserId: await idOf('ha-office') });
    const list: { id: number; leaderAccountName: string | null }[] = (await call(t, gy, { method: 'GET', url: '/api/v1/inspections?year=2026' })).items;
    expect(list.find((r) => r.id === round.id)?.leaderAccountName).toBe('省领导小组办公室');

    const admin = await t.login('admin');
    const log = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=inspection_round&entityId=${round.id}&limit=50` });
    const update = log.items.find((i: { action: string; before: { leaderUserId?: number | null } | null }) => i.action === 'inspection.update' && i.before?.leaderUserId === null);
    expect(update.after.leaderUserId).toBe(await idOf('ha-office'));
  });
});
