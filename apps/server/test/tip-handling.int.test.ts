import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, exitTask, notification, tip } from '../src/db/schema/index.ts';
import { progressMaintenance } from '../src/modules/progress/index.ts';
import { DUTY_RULES } from '../src/platform/lifecycle/index.ts';
import { approvedGongyiPlan, PNG } from './exit-task-fixtures.ts';
import { attachAllEvidence, payloadFor } from './progress-fixtures.ts';
import { insertTip } from './support/tip-fixture.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

/** multipart/form-data with text fields and evidence files under `files`, as the check form sends it. */
function checkForm(fields: Record<string, string>, files: { name: string; bytes: Buffer; type: string }[]) {
  const boundary = `----taotai${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const IDENTITY = { name: '王举报', phone: '13800138000', idNumber: '410181199001011234' };

/**
 * Issue 13, the office's side: a tip (inserted as intake would file it) is accepted, checked, linked to the exit task
 * it found producing again (reopened in the same transaction, rollups maintained), drafted and concluded by another
 * account of the office; forward and extension once each; scope (town, other county, other department: 404); the
 * identity revealed by the custodian only; overdue tips escalated to the level above on the fake clock, once.
 */
describe('tip handling', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof approvedGongyiPlan>>;
  let kiln: number;
  let tipId: number;
  const c: Record<string, string> = {};
  const get = (who: string, id = tipId) => t.request({ method: 'GET', url: `/api/v1/tips/${id}`, cookie: c[who] });
  const move = (who: string, body: Record<string, unknown>, status = 200, id = tipId) => call(t, c[who]!, { method: 'POST', url: `/api/v1/tips/${id}/transition`, payload: body }, status);
  const version = async (id = tipId) => (await call(t, c.gy!, { method: 'GET', url: `/api/v1/tips/${id}` })).version as number;
  const expectEqualToRebuild = async () => {
    const maintained = await progressMaintenance.snapshot(t.ctx.db);
    await call(t, c.admin!, { method: 'POST', url: '/api/v1/progress/rebuild' });
    expect(await progressMaintenance.snapshot(t.ctx.db)).toEqual(maintained);
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = await approvedGongyiPlan(t);
    const made = await call(t, f.gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${f.planId}` });
    kiln = made.tasks.find((x: { lineId: number }) => x.lineId === f.kiln.id).id;
    await attachAllEvidence(t, [kiln]);
    await call(t, f.gy, { method: 'POST', url: `/api/v1/exit-tasks/${kiln}/transitions`, payload: { event: 'seal', payload: payloadFor('seal', '2026-04-30') } });
    for (const [k, u] of Object.entries({ gy: 'gy-office', leader: 'gy-leader', town: 'gy-town', xy: 'xy-office', zz: 'zz-office', ha: 'ha-office', fgw: 'gy-fgw', custodian: 'gy-custodian', admin: 'admin', ent: 'gy-ent' })) {
      c[k] = await t.login(u);
    }
    tipId = await insertTip(t, { enterpriseId: f.ent.id, enterpriseName: f.ent.name, identity: IDENTITY });
  });
  afterAll(() => t.close());

  it('the handling office lists and reads it, the identity sealed; the level above reads it without buttons', async () => {
    const list = await call(t, c.gy!, { method: 'GET', url: '/api/v1/tips?withTotal=true' });
    expect(list.items.map((x: { id: number }) => x.id)).toContain(tipId);
    const res = await get('gy');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ no: `JB2026${String(tipId).padStart(6, '0')}`, status: 'received', identityLabel: '实名举报（身份已封存）', identityRevealed: false, availableEvents: ['accept', 'forward', 'extend'] });
    expect(res.body).not.toContain(IDENTITY.name);
    expect(res.body).not.toContain(IDENTITY.phone);
    const zz = await get('zz');
    expect(zz.statusCode).toBe(200);
    expect(zz.json().availableEvents).toEqual([]);
  });

  it('is never seen by the town, the enterprise, another county, another department or the administrator (404)', async () => {
    for (const who of ['town', 'ent', 'xy', 'fgw', 'admin']) {
      expect((await get(who)).statusCode, who).toBe(404);
      const list = await call(t, c[who]!, { method: 'GET', url: '/api/v1/tips?withTotal=true' });
      expect(list.total, who).toBe(0);
    }
    expect((await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/transition`, cookie: c.town, payload: { event: 'accept', version: 1 } })).statusCode).toBe(404);
  });

  it('accepts on the version seen (a stale version is 409), extends once by working days', async () => {
    const v = await version();
    await move('gy', { event: 'accept', version: v - 1 }, 409);
    const accepted = await move('gy', { event: 'accept', version: v });
    expect(accepted.status).toBe('verifying');
    await move('gy', { event: 'extend', version: accepted.version, extendDays: 5 }, 400); // no reason
    const extended = await move('gy', { event: 'extend', version: accepted.version, extendDays: 5, reason: '需协调电力部门调取用电记录' });
    // 2026-03-23 (Mon) + 5 working days = 2026-03-30 (Mon).
    expect(extended).toMatchObject({ deadline: '2026-03-30', originalDeadline: '2026-03-23', extensionReason: '需协调电力部门调取用电记录' });
    const again = await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/transition`, cookie: c.gy, payload: { event: 'extend', version: extended.version, extendDays: 3, reason: '再延' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toBe('该举报已延期过一次，不能再次延期');
    expect(extended.availableEvents).toEqual(['forward', 'submit_conclusion']);
    expect(extended.messages.at(-1)).toMatchObject({ author: 'system', body: '办理期限已依规延长至 2026-03-30。' });
  });

  it('records a check with evidence, served back only to readers', async () => {
    const form = checkForm({ checkedOn: '2026-03-03', method: '现场核查', inspectors: '张三、李四', findings: '熟料线在生产，封条已拆' }, [{ name: 'site.png', bytes: PNG, type: 'image/png' }]);
    const res = await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/checks`, cookie: c.gy, ...form });
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json().checks[0];
    expect(check).toMatchObject({ method: '现场核查', findings: '熟料线在生产，封条已拆', recordedByName: '巩义市领导小组办公室' });
    expect(check.files).toHaveLength(1);
    const fileUrl = `/api/v1/tips/${tipId}/files/${check.files[0].id}`;
    expect((await t.request({ method: 'GET', url: fileUrl, cookie: c.gy })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: fileUrl, cookie: c.town })).statusCode).toBe(404);
    const bad = await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/checks`, cookie: c.gy, ...checkForm({ checkedOn: '2026-03-03', method: '', inspectors: '张三', findings: '无' }, []) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('请填写核查方式');
  });

  it('links the reopened exit task: back to 待退出 in the same transaction, the rollups equal to a rebuild', async () => {
    const linked = await call(t, c.gy!, { method: 'POST', url: `/api/v1/tips/${tipId}/links`, payload: { kind: 'exit_task_reopened', targetId: kiln, note: '夜间生产' } });
    expect(linked.links[0]).toMatchObject({ kind: 'exit_task_reopened', targetId: kiln, regionCode: '410181100', year: 2026 });
    expect(linked.links[0].label).toContain(f.kiln.name);
    const [task] = await t.ctx.db.select({ status: exitTask.status }).from(exitTask).where(eq(exitTask.id, kiln));
    expect(task!.status).toBe('planned');
    const taskDto = await call(t, c.gy!, { method: 'GET', url: `/api/v1/exit-tasks/${kiln}` });
    expect(taskDto.availableEvents).not.toContain('reopen');
    await expectEqualToRebuild();
    // The exit task's own route never fires it: only a tip's link does.
    const direct = await t.request({ method: 'POST', url: `/api/v1/exit-tasks/${kiln}/transitions`, cookie: c.gy, payload: { event: 'reopen', payload: { reason: 'x' } } });
    expect(direct.statusCode).toBe(400);
    // A target out of scope reads as a wrong number.
    const other = await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/links`, cookie: c.gy, payload: { kind: 'registry_line', targetId: f.xyKiln.id } });
    expect(other.statusCode).toBe(400);
    const concealment = await call(t, c.gy!, { method: 'POST', url: `/api/v1/tips/${tipId}/links`, payload: { kind: 'concealment' } });
    expect(concealment.links[1]).toMatchObject({ kind: 'concealment', regionCode: '410181', targetId: null });
  });

  it('submits the conclusion naming what is missing; its drafter may not conclude; the leader concludes and publishes', async () => {
    const missing = await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/transition`, cookie: c.gy, payload: { event: 'submit_conclusion', version: await version(), finding: 'substantiated' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('提交办结还缺：答复举报人的内容；处理措施');
    const drafted = await move('gy', { event: 'submit_conclusion', version: await version(), finding: 'substantiated', reply: '经核查属实，已责令停产并重新纳入淘汰任务。', measures: '责令停产，退出任务重新开启' });
    expect(drafted.status).toBe('concluding');
    expect(drafted.availableEvents).toEqual([]);
    const self = await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/transition`, cookie: c.gy, payload: { event: 'conclude', version: drafted.version } });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe(DUTY_RULES.tipSelf);
    // On the leader's 待办 (another account of the office), never on the drafter's.
    const todoKeys = async (who: string) => ((await call(t, c[who]!, { method: 'GET', url: '/api/v1/todo' })).items as { key: string }[]).map((i) => i.key);
    expect(await todoKeys('leader')).toContain(`tip:${tipId}`);
    expect(await todoKeys('gy')).not.toContain(`tip:${tipId}`);
    const done = await move('leader', { event: 'conclude', version: drafted.version });
    expect(done).toMatchObject({ status: 'concluded', concludedOn: '2026-03-02', finding: 'substantiated' });
    expect(done.messages.at(-1)).toMatchObject({ author: 'office', body: '经核查属实，已责令停产并重新纳入淘汰任务。' });
    const [row] = await t.ctx.db.select({ publishedAt: tip.publishedAt }).from(tip).where(eq(tip.id, tipId));
    expect(row!.publishedAt).not.toBeNull();
    const closed = await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/messages`, cookie: c.gy, payload: { body: '补充' } });
    expect(closed.statusCode).toBe(409);
    const history = await call(t, c.gy!, { method: 'GET', url: `/api/v1/tips/${tipId}/history` });
    expect(history.map((h: { event: string }) => h.event)).toEqual(['accept', 'extend', 'submit_conclusion', 'conclude']);
  });

  it('forwards once, with a reason, to another county (which then handles it; the forwarder no longer sees it)', async () => {
    const id = await insertTip(t);
    const v = await version(id);
    const fwd = await move('gy', { event: 'forward', version: v, reason: '被举报企业位于荥阳市', forwardTo: { regionCode: '410182' } }, 200, id);
    expect(fwd.forwardReason).toBe('被举报企业位于荥阳市');
    expect((await get('gy', id)).statusCode).toBe(404);
    const xy = (await get('xy', id)).json();
    expect(xy).toMatchObject({ handlingRegionName: '荥阳市', availableEvents: ['accept', 'extend'] });
    const again = await t.request({ method: 'POST', url: `/api/v1/tips/${id}/transition`, cookie: c.xy, payload: { event: 'forward', version: xy.version, reason: '再转', forwardTo: { regionCode: '410181' } } });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toBe('该举报已转办过一次，不能再次转办');
  });

  it('reveals the identity to the custodian only: audited with the reason, never the identity; the thread and the office told', async () => {
    for (const who of ['gy', 'leader', 'zz', 'admin', 'town']) {
      const res = await t.request({ method: 'POST', url: `/api/v1/tips/${tipId}/identity/reveal`, cookie: c[who], payload: { reason: '核实' } });
      expect(res.statusCode, who).toBe(404);
    }
    const shown = await call(t, c.custodian!, { method: 'POST', url: `/api/v1/tips/${tipId}/identity/reveal`, payload: { reason: '举报人请求保护，需联系' } });
    expect(shown).toEqual(IDENTITY);
    const audits = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'tip.identity_revealed'), eq(auditLog.entityId, String(tipId))));
    expect(audits).toHaveLength(1);
    const text = JSON.stringify(audits[0]);
    expect(text).toContain('举报人请求保护，需联系');
    for (const secret of Object.values(IDENTITY)) expect(text).not.toContain(secret!);
    const after = (await get('gy')).json();
    expect(after.identityRevealed).toBe(true);
    expect(after.messages.at(-1)).toMatchObject({ author: 'system', body: '举报人身份已由身份保管人依规查看' });
    const notes = await t.ctx.db.select().from(notification).where(eq(notification.kind, 'tip_identity_revealed'));
    expect(notes.length).toBeGreaterThan(0);
  });

  it('escalates an overdue tip to the level above on the fake clock, once', async () => {
    const id = await insertTip(t, { deadline: '2026-03-10' });
    const run = () => call(t, c.admin!, { method: 'POST', url: '/api/v1/jobs/tip-escalation/run' });
    expect((await run()).created).toBe(0);
    t.clock.set(new Date('2026-03-11T02:00:00Z'));
    for (const who of ['admin', 'gy']) c[who] = await t.login(who === 'gy' ? 'gy-office' : who);
    const first = await run();
    expect(first.created).toBe(1);
    expect((await run()).created).toBe(0);
    const [row] = await t.ctx.db.select({ to: tip.escalatedToRegionCode, at: tip.escalatedAt }).from(tip).where(eq(tip.id, id));
    // 巩义 is a 省直管县: the level above in the reporting chain is 河南省.
    expect(row).toMatchObject({ to: '410000' });
    c.ha = await t.login('ha-office');
    const summary = await call(t, c.ha!, { method: 'GET', url: '/api/v1/tips/summary' });
    expect(summary.escalatedToMe).toBe(1);
    const seen = (await get('ha', id)).json();
    expect(seen).toMatchObject({ escalated: true, overdue: true, escalatedToRegionName: '河南省' });
    expect(seen.availableEvents).toContain('accept');
    const todo = await call(t, c.ha!, { method: 'GET', url: '/api/v1/todo' });
    expect(todo.items.map((i: { key: string }) => i.key)).toContain(`tip:${id}`);
    const notes = await t.ctx.db.select().from(notification).where(eq(notification.kind, 'tip_escalated'));
    expect(notes.length).toBeGreaterThan(0);
    const overdue = await call(t, c.gy!, { method: 'GET', url: '/api/v1/tips?overdue=true&withTotal=true' });
    expect(overdue.items.map((x: { id: number }) => x.id)).toContain(id);
  });
});
