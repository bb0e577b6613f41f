import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createLine, enterpriseBody, lineBody } from './enterprise-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('every registry write leaves an audit entry with before and after', () => {
  let t: TestApp;
  let gy: string;
  let auditor: string;
  beforeAll(async () => {
    t = await createTestApp();
    gy = await t.login('gy-office');
    auditor = await t.login('auditor');
  });
  afterAll(() => t.close());

  const entries = async (entityType: string, entityId: number | string, cookie = auditor) => {
    const res = await t.request({ method: 'GET', url: `/api/v1/audit?entityType=${entityType}&entityId=${entityId}&limit=50`, cookie });
    expect(res.statusCode).toBe(200);
    return res.json().items as { action: string; actorName: string; regionCode: string | null; before: any; after: any }[];
  };

  it('audits enterprise create and update', async () => {
    const e = await createEnterprise(t, gy, { name: '巩义市审计测试有限公司' });
    await t.request({
      method: 'PUT',
      url: `/api/v1/enterprises/${e.id}`,
      cookie: gy,
      payload: { ...enterpriseBody({ regionCode: e.regionCode, uscc: e.uscc, name: '巩义市审计测试改名有限公司' }), version: e.version },
    });
    const [update, create] = await entries('enterprise', e.id);
    expect(create).toMatchObject({ action: 'enterprise.create', actorName: 'gy-office', regionCode: e.regionCode, before: null });
    expect(create!.after).toMatchObject({ name: '巩义市审计测试有限公司', uscc: e.uscc, countyCode: '410181' });
    expect(update).toMatchObject({ action: 'enterprise.update' });
    expect(update!.before).toMatchObject({ name: '巩义市审计测试有限公司', version: 1 });
    expect(update!.after).toMatchObject({ name: '巩义市审计测试改名有限公司', version: 2 });
  });

  it('audits line create, update and delete', async () => {
    const e = await createEnterprise(t, gy);
    const l = await createLine(t, gy, e.id, { capacity: 10 });
    const upd = await t.request({ method: 'PUT', url: `/api/v1/lines/${l.id}`, cookie: gy, payload: { ...lineBody({ capacity: 15 }), version: l.version } });
    await t.request({ method: 'DELETE', url: `/api/v1/lines/${l.id}?version=${upd.json().version}`, cookie: gy });
    const [del, update, create] = await entries('line', l.id);
    expect(create).toMatchObject({ action: 'line.create', regionCode: e.regionCode, before: null, after: { enterpriseId: e.id } });
    expect(Number(create!.after.capacity)).toBe(10);
    expect(update!.action).toBe('line.update');
    expect(Number(update!.before.capacity)).toBe(10);
    expect(Number(update!.after.capacity)).toBe(15);
    expect(del).toMatchObject({ action: 'line.delete', after: null });
    expect(Number(del!.before.capacity)).toBe(15);
  });

  it('audits catalogue writes (national records: read by the national auditor, not by 河南\'s)', async () => {
    const ha = await t.login('ha-office');
    const national = await t.login('auditor-cn');
    await t.request({ method: 'POST', url: '/api/v1/catalogue/industries', cookie: ha, payload: { code: 'graphite', name: '石墨电极', unitCode: 'wan_t' } });
    await t.request({ method: 'PUT', url: '/api/v1/catalogue/industries/graphite', cookie: ha, payload: { code: 'graphite', name: '石墨', unitCode: 'wan_t' } });
    expect(await entries('industry', 'graphite')).toEqual([]);
    const [upd, created] = await entries('industry', 'graphite', national);
    expect(created).toMatchObject({ action: 'industry.create', before: null, after: { name: '石墨电极' } });
    expect(upd).toMatchObject({ action: 'industry.update', before: { name: '石墨电极' }, after: { name: '石墨' } });

    const item = await t.request({
      method: 'POST',
      url: '/api/v1/catalogue/basis-items',
      cookie: ha,
      payload: { criterion: 'safety', industryCode: null, title: '测试安全条件', source: '测试来源' },
    });
    const id = item.json().id;
    await t.request({
      method: 'PUT',
      url: `/api/v1/catalogue/basis-items/${id}`,
      cookie: ha,
      payload: { criterion: 'safety', industryCode: null, title: '测试安全条件', source: '测试来源', active: false },
    });
    const [off, on] = await entries('basis_item', id, national);
    expect(on).toMatchObject({ action: 'basis_item.create', after: { active: true } });
    expect(off).toMatchObject({ action: 'basis_item.update', before: { active: true }, after: { active: false } });
  });

  it('writes nothing, audit included, when a write is refused', async () => {
    const before = (await t.request({ method: 'GET', url: '/api/v1/audit?limit=1', cookie: auditor })).json().items[0].id;
    const e = await t.request({ method: 'POST', url: '/api/v1/enterprises', cookie: gy, payload: enterpriseBody({ uscc: '91410181MA00000000' }) });
    expect(e.statusCode).toBe(400);
    const after = (await t.request({ method: 'GET', url: '/api/v1/audit?limit=1', cookie: auditor })).json().items[0].id;
    expect(after).toBe(before);
    const verify = await t.request({ method: 'GET', url: '/api/v1/audit/verify', cookie: auditor });
    expect(verify.json().ok).toBe(true);
  });
});
