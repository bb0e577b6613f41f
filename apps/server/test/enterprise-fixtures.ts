import { USCC_ALPHABET, usccCheckChar } from '@taotai/shared';
import { expect } from 'vitest';
import type { TestApp } from './support/test-app.ts';

/**
 * A valid USCC distinct from the demo seed's (which use `MA` at positions 9–10): `TT` + 7 serial characters.
 */
export function testUscc(region6: string, serial: number): string {
  let body = '';
  let n = serial;
  for (let i = 0; i < 7; i++) {
    body = USCC_ALPHABET[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91${region6.slice(0, 6)}TT${body}`;
  return first17 + usccCheckChar(first17);
}

let serial = 1;
export const nextUscc = (region6 = '410181') => testUscc(region6, serial++);

export function enterpriseBody(over: Record<string, unknown> = {}) {
  const regionCode = (over.regionCode as string) ?? '410181100';
  return {
    name: `测试企业${serial}号有限公司`,
    uscc: nextUscc(/^\d{6}/.test(regionCode) ? regionCode : '410181'),
    regionCode,
    industryCode: 'cement',
    address: '测试路1号',
    legalRepresentative: '张三',
    contactPerson: '李四',
    contactPhone: '0371-12345678',
    employees: 120,
    sizeClass: 'small',
    status: 'operating',
    ...over,
  };
}

export function lineBody(over: Record<string, unknown> = {}) {
  return {
    name: '1号机立窑生产线',
    specification: 'Φ3×11m 机立窑',
    quantity: 1,
    capacity: 12.5,
    capacityUnit: 'wan_t',
    industryCode: 'cement',
    criterion: 'technology',
    basisItemId: null,
    basisText: '《产业结构调整指导目录》淘汰类 水泥机立窑',
    commissioningYear: 2003,
    plannedExitDate: '2026-09-30',
    status: 'registered',
    note: '',
    ...over,
  };
}

export async function createEnterprise(t: TestApp, cookie: string, over: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: '/api/v1/enterprises', cookie, payload: enterpriseBody(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function createLine(t: TestApp, cookie: string, enterpriseId: number, over: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: `/api/v1/enterprises/${enterpriseId}/lines`, cookie, payload: lineBody(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** GET /enterprises with query parameters; returns the parsed page (asserting 200). */
export async function listPage(t: TestApp, cookie: string, params: Record<string, string | number | undefined>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.set(k, String(v));
  const res = await t.request({ method: 'GET', url: `/api/v1/enterprises?${qs}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: number; name: string }[]; nextCursor: string | null; total: number | null };
}

/** Walks every page and returns the ids in the order received. */
export async function walkAll(t: TestApp, cookie: string, params: Record<string, string | number | undefined>) {
  const ids: number[] = [];
  let cursor: string | undefined;
  let total: number | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listPage(t, cookie, { ...params, cursor });
    ids.push(...page.items.map((i) => i.id));
    total = page.total;
    if (!page.nextCursor) return { ids, total };
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}
