import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_STATE } from '../src/platform/lifecycle/index.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const body = {
  letterhead: '荥阳市淘汰落后产能工作领导小组办公室',
  numberPrefix: '荥淘汰办',
  signingOrgan: '荥阳市工业和信息化局（代章）',
  contactPerson: '赵示例',
  phone: '0371-64690000',
  address: '荥阳市示例路3号',
  email: 'xy@example.cn',
  copyTo: ['郑州市淘汰落后产能工作领导小组办公室'],
};

describe('office document settings: 版头, 机关代字, 落款, contacts and 抄送 per region office', () => {
  let t: TestApp;
  let xy: string;
  let gy: string;
  let zz: string;
  const get = (cookie: string, code: string) => t.request({ method: 'GET', url: `/api/v1/office-settings/${code}`, cookie });
  const put = (cookie: string, code: string, payload: Record<string, unknown>) => t.request({ method: 'PUT', url: `/api/v1/office-settings/${code}`, cookie, payload });

  beforeAll(async () => {
    t = await createTestApp();
    xy = await t.login('xy-office');
    gy = await t.login('gy-office');
    zz = await t.login('zz-office');
  });
  afterAll(() => t.close());

  it('shows the defaults until an office saves its own (荥阳 has none in the demo data), and 巩义 its demo settings', async () => {
    const d = await get(xy, '410182');
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ regionName: '荥阳市', letterhead: '荥阳市淘汰落后产能工作领导小组办公室', numberPrefix: '荥淘汰办', copyTo: [], version: 0, saved: false });
    expect((await get(gy, '410181')).json()).toMatchObject({ numberPrefix: '巩淘汰办', phone: '0371-64390000', saved: true, version: 1 });
  });

  it('answers 404 to another region office, exactly like a region that does not exist', async () => {
    const other = await get(gy, '410182');
    const missing = await get(gy, '419999');
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
    const write = await put(gy, '410182', { ...body, version: 0 });
    expect(write.statusCode).toBe(404);
    expect(write.body).toBe((await put(gy, '419999', { ...body, version: 0 })).body);
    // 郑州 oversees 荥阳: it reads what 荥阳 prints, but only 荥阳's own office edits it.
    expect((await get(zz, '410182')).statusCode).toBe(200);
    const byParent = await put(zz, '410182', { ...body, version: 0 });
    expect(byParent.statusCode).toBe(403);
    expect(byParent.json().message).toBe('公文设置由本级领导小组办公室维护');
  });

  it('saves over the version edited, audited; a save on a stale version answers 409 STALE_STATE', async () => {
    const first = await put(xy, '410182', { ...body, version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ ...body, version: 1, saved: true });
    // A second first-save (someone else's tab still showing version 0) loses.
    const stale = await put(xy, '410182', { ...body, phone: '0371-00000000', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe(STALE_STATE);
    const second = await put(xy, '410182', { ...body, phone: '0371-64691111', version: 1 });
    expect(second.json()).toMatchObject({ phone: '0371-64691111', version: 2 });
    expect((await put(xy, '410182', { ...body, version: 1 })).statusCode).toBe(409);
    expect((await get(xy, '410182')).json()).toMatchObject({ phone: '0371-64691111', version: 2 });

    const admin = await t.login('admin');
    const audit = (await t.request({ method: 'GET', url: '/api/v1/audit?action=office_settings.update&limit=10', cookie: admin })).json();
    const entries = audit.items.filter((e: { action: string; regionCode: string }) => e.action === 'office_settings.update' && e.regionCode === '410182');
    expect(entries).toHaveLength(2);
    expect(entries.map((e: { after: { phone: string } }) => e.after.phone).sort()).toEqual(['0371-64690000', '0371-64691111']);
  });

  it('refuses a malformed e-mail or phone, naming the field', async () => {
    const res = await put(xy, '410182', { ...body, email: 'not-an-address', version: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toContainEqual({ path: 'body.email', message: '电子邮箱：邮箱格式不正确' });
  });
});
