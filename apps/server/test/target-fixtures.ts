import { expect } from 'vitest';
import { createEnterprise, createLine, lineBody } from './enterprise-fixtures.ts';
import type { TestApp } from './support/test-app.ts';

export const YEAR = 2026;

type Req = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: unknown };

/** Calls the API and asserts the status, returning the parsed body. */
export async function call(t: TestApp, cookie: string, r: Req, status = 200) {
  const res = await t.request({ ...r, cookie, payload: r.payload as never });
  expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(status);
  return res.headers['content-type']?.toString().includes('json') ? res.json() : res.body;
}

export async function createRootTarget(t: TestApp, cookie: string, over: Record<string, unknown> = {}) {
  return call(
    t,
    cookie,
    {
      method: 'POST',
      url: '/api/v1/targets',
      payload: { regionCode: '410000', year: YEAR, industryCode: 'cement', unitCode: 'wan_t', quantity: 3000, enterpriseCount: 20, source: '工信部下达', ...over },
    },
    201,
  );
}

export async function allocate(t: TestApp, cookie: string, id: number, items: Record<string, unknown>[], status = 200) {
  const cur = await call(t, cookie, { method: 'GET', url: `/api/v1/targets/${id}` });
  return call(t, cookie, { method: 'PUT', url: `/api/v1/targets/${id}/allocations`, payload: { version: cur.version, items } }, status);
}

export async function nameLines(t: TestApp, cookie: string, id: number, items: Record<string, unknown>[], status = 200) {
  const cur = await call(t, cookie, { method: 'GET', url: `/api/v1/targets/${id}` });
  return call(t, cookie, { method: 'PUT', url: `/api/v1/targets/${id}/lines`, payload: { version: cur.version, items } }, status);
}

/** Sets a registry line's status through the line API (as exit tasks will later). */
export async function setLineStatus(t: TestApp, cookie: string, line: { id: number; version: number } & Record<string, unknown>, status: string) {
  const body = { ...lineBody(), ...line, status };
  for (const k of ['id', 'enterpriseId', 'capacityUnitName', 'industryName']) delete (body as Record<string, unknown>)[k];
  return call(t, cookie, { method: 'PUT', url: `/api/v1/lines/${line.id}`, payload: body });
}

/**
 * The chain used by target and letter tests: province 水泥 3,000 万吨 → 郑州 1,500 → 巩义 900 / 荥阳 600;
 * 巩义 names three cement lines of a new enterprise (2,000 and 2,099.6 eliminated, 100 not).
 */
export async function cementChain(t: TestApp) {
  const ha = await t.login('ha-office');
  const zz = await t.login('zz-office');
  const gy = await t.login('gy-office');
  const province = await createRootTarget(t, ha);
  const afterHa = await allocate(t, ha, province.id, [{ regionCode: '410100', quantity: 1500, enterpriseCount: 8 }]);
  const zzTarget = afterHa.allocations[0];
  const afterZz = await allocate(t, zz, zzTarget.targetId, [
    { regionCode: '410181', quantity: 900, enterpriseCount: 5 },
    { regionCode: '410182', quantity: 600, enterpriseCount: 3 },
  ]);
  const gyTargetId = afterZz.allocations.find((a: { regionCode: string }) => a.regionCode === '410181').targetId;
  const ent = await createEnterprise(t, gy, { name: '巩义市示范水泥有限公司', regionCode: '410181100' });
  const l1 = await createLine(t, gy, ent.id, { name: '1号机立窑', capacity: 2000 });
  const l2 = await createLine(t, gy, ent.id, { name: '2号机立窑', capacity: 2099.6 });
  const l3 = await createLine(t, gy, ent.id, { name: '3号水泥磨', capacity: 100, plannedExitDate: '2026-10-31' });
  await nameLines(t, gy, gyTargetId, [{ lineId: l1.id }, { lineId: l2.id }, { lineId: l3.id }]);
  return { ha, zz, gy, province, zzTargetId: zzTarget.targetId as number, gyTargetId: gyTargetId as number, ent, lines: [l1, l2, l3] };
}
