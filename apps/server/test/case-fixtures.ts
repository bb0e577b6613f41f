import { expect } from 'vitest';
import type { TestApp } from './support/test-app.ts';

/** A case's body as the 立案 form sends it (energy on a line, served on the test epoch's date unless overridden). */
export function caseBody(enterpriseId: number, over: Record<string, unknown> = {}) {
  return {
    enterpriseId,
    criterion: 'energy',
    standardText: 'GB 16780 水泥单位产品能源消耗限额',
    findings: '单位产品综合能耗超过限额标准约18%',
    decisionNo: '巩发改能监〔2026〕1号',
    servedOn: '2026-02-27',
    ...over,
  };
}

export async function openCase(t: TestApp, cookie: string, enterpriseId: number, over: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: '/api/v1/cases', cookie, payload: caseBody(enterpriseId, over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
