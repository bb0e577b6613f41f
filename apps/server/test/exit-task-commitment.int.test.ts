import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedGongyiPlan, SAME_EQUIPMENT } from './exit-task-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

async function docxText(body: Buffer): Promise<{ text: string; xml: string }> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return { xml, text: xml.replace(/<[^>]+>/g, '') };
}

describe('the enterprise public commitment (企业公开承诺书) as a .docx generated from the task', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof approvedGongyiPlan>>;
  let kilnTask: { id: number; exitDeadline: string };
  const url = (id: number, q = '') => `/api/v1/exit-tasks/${id}/commitment.docx${q}`;

  beforeAll(async () => {
    t = await createTestApp();
    f = await approvedGongyiPlan(t);
    const made = await call(t, f.gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${f.planId}` });
    kilnTask = made.tasks.find((x: { lineId: number }) => x.lineId === f.kiln.id);
  });
  afterAll(() => t.close());

  it('names the enterprise, its USCC and legal representative, the line, its capacity and the dismantling deadline', async () => {
    const res = await t.request({ method: 'GET', url: url(kilnTask.id, '?dismantleDeadline=2026-10-31'), cookie: f.gy });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`公开承诺书-${f.ent.name}-${SAME_EQUIPMENT.name}.docx`);
    const { text, xml } = await docxText(res.rawPayload);
    expect(text).toContain('淘汰落后产能生产线（设备）封存及不再恢复生产公开承诺书');
    expect(text).toContain(`承诺企业：${f.ent.name}`);
    expect(text).toContain(`统一社会信用代码：${f.ent.uscc}`);
    expect(text).toContain(`法定代表人：${f.ent.legalRepresentative}`);
    expect(text).toContain(SAME_EQUIPMENT.name);
    expect(text).toContain(SAME_EQUIPMENT.specification);
    expect(text).toContain('8万吨');
    expect(text).toContain('于2026年10月31日前完成上述生产线（设备）的拆除');
    expect(text).toContain('不恢复生产');
    expect(text).toContain('接受政府有关部门和社会公众的监督');
    expect(text).toContain('法定代表人（签字）');
    expect(text).toContain('承诺企业（盖章）');
    // 仿宋 三号 body, 方正小标宋 二号 title.
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('方正小标宋简体');
  });

  it('uses the exit deadline when no dismantling deadline is given yet, and refuses a malformed date', async () => {
    const res = await t.request({ method: 'GET', url: url(kilnTask.id), cookie: f.gy });
    expect(res.statusCode).toBe(200);
    const [y, m, d] = kilnTask.exitDeadline.split('-').map(Number);
    expect((await docxText(res.rawPayload)).text).toContain(`于${y}年${m}月${d}日前完成`);
    expect((await t.request({ method: 'GET', url: url(kilnTask.id, '?dismantleDeadline=2026-13'), cookie: f.gy })).statusCode).toBe(400);
  });

  it('answers 404 out of scope, exactly like a missing task, and serves the enterprise its own only', async () => {
    const other = await t.request({ method: 'GET', url: url(kilnTask.id), cookie: f.xy });
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe('退出任务不存在或无权访问');
    expect((await t.request({ method: 'GET', url: url(999999), cookie: f.gy })).json().message).toBe('退出任务不存在或无权访问');
    const ent = await t.login('gy-ent');
    expect((await t.request({ method: 'GET', url: url(kilnTask.id), cookie: ent })).statusCode).toBe(404);
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/exit-tasks/{id}/commitment.docx']?.get;
    expect(op).toMatchObject({ tags: ['exit-tasks'], responses: { 200: expect.anything() } });
    expect(op.parameters.map((x: { name: string }) => x.name).sort()).toEqual(['dismantleDeadline', 'id']);
  });
});
