import { expect } from 'vitest';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { evidenceForm, pdfOf, photo } from './exit-task-fixtures.ts';
import type { TestApp } from './support/test-app.ts';
import { call, YEAR } from './target-fixtures.ts';

/** Drives a planned exit task through dismantling (with its evidence) to acceptance requested. */
export async function requestAcceptance(t: TestApp, cookie: string, taskId: number) {
  for (const [kind, file, name] of [
    ['photo_before', photo('before'), 'before.jpg'],
    ['photo_during', photo('during'), 'during.jpg'],
    ['photo_after', photo('after'), 'after.jpg'],
    ['witness_record', pdfOf('witness'), '拆除见证记录.pdf'],
  ] as const) {
    const res = await t.request({ method: 'POST', url: `/api/v1/exit-tasks/${taskId}/evidence`, cookie, ...evidenceForm(kind, file, name) });
    expect(res.statusCode, res.body).toBe(201);
  }
  const dismantle = { legalRepresentative: '王法人', officials: ['米河镇 赵干部'], destination: 'scrapped' };
  await call(t, cookie, { method: 'POST', url: `/api/v1/exit-tasks/${taskId}/transitions`, payload: { event: 'dismantle', payload: dismantle } });
  await call(t, cookie, { method: 'POST', url: `/api/v1/exit-tasks/${taskId}/transitions`, payload: { event: 'request_acceptance', payload: {} } });
}

/**
 * Three 巩义 enterprises with their lines on an approved plan and every exit task awaiting acceptance:
 * 甲 with two lines (a kiln in 万吨 and a glass line in 万重量箱), 乙 and 丙 with one each.
 */
export async function gongyiAwaitingAcceptance(t: TestApp) {
  const gy = await t.login('gy-office');
  const zz = await t.login('zz-office');
  const a = await createEnterprise(t, gy, { name: '巩义市验收测试甲水泥有限公司', regionCode: '410181100' });
  const b = await createEnterprise(t, gy, { name: '巩义市验收测试乙建材有限公司', regionCode: '410181100' });
  const c = await createEnterprise(t, gy, { name: '巩义市验收测试丙水泥有限公司', regionCode: '410181100' });
  const aKiln = await createLine(t, gy, a.id, { name: '验收测试1号机立窑', specification: 'Φ3×11m', capacity: 8.8 });
  const aMill = await createLine(t, gy, a.id, { name: '验收测试平拉玻璃线', specification: '平拉工艺', capacity: 40, capacityUnit: 'wan_weight_box', industryCode: 'flat_glass' });
  const bLine = await createLine(t, gy, b.id, { name: '验收测试2号立窑', specification: 'Φ2.5×10m', capacity: 6 });
  const cLine = await createLine(t, gy, c.id, { name: '验收测试3号立窑', specification: 'Φ2.5×10m', capacity: 5 });
  const plan = await call(t, gy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410181', year: YEAR } }, 201);
  await call(t, gy, {
    method: 'POST',
    url: `/api/v1/elimination-plans/${plan.id}/lines`,
    payload: { version: plan.version, items: [aKiln, aMill, bLine, cLine].map((l) => ({ lineId: l.id })) },
  });
  await call(t, gy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'submit' } });
  // 巩义 is a 省直管县: its plan is approved by the province (四眼原则).
  await call(t, await t.login('ha-office'), { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'approve' } });
  const created = await call(t, gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${plan.id}` });
  const taskOf = (lineId: number) => created.tasks.find((x: { lineId: number }) => x.lineId === lineId).id as number;
  const tasks = { aKiln: taskOf(aKiln.id), aMill: taskOf(aMill.id), b: taskOf(bLine.id), c: taskOf(cLine.id) };
  for (const id of Object.values(tasks)) await requestAcceptance(t, gy, id);
  return { gy, zz, a, b, c, lines: { aKiln, aMill, bLine, cLine }, tasks };
}
