import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client.ts';
import { sealLegacyObjections } from '../src/modules/announcement/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_STATE } from '../src/platform/lifecycle/index.ts';
import { auditLog, enterprise, line } from '../src/db/schema/index.ts';
import { DUTY_RULES } from '../src/platform/lifecycle/index.ts';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import { evidenceForm, JPEG, PDF, pdfOf, photo } from './exit-task-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call, YEAR } from './target-fixtures.ts';

/** Beijing 09:00 of a date, as an instant. */
const beijingMorning = (d: string) => new Date(`${d}T01:00:00Z`);

describe('announcements: built from records, approved, published, with a notice period and objections', () => {
  let t: TestApp;
  let gy: string;
  let zz: string;
  let xy: string;
  let ha: string;
  let leader: string;
  let cement: { id: number; name: string };
  let kiln: { id: number };
  let mill: { id: number };
  let planId: number;
  let planAnn: number;
  let completedAnn: number;
  let receipt: string;

  const login = async () => {
    gy = await t.login('gy-office');
    zz = await t.login('zz-office');
    xy = await t.login('xy-office');
    ha = await t.login('ha-office');
    leader = await t.login('gy-leader');
  };
  const create = (cookie: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/v1/announcements', cookie, payload });
  const fire = (cookie: string, id: number, event: string, reason = '') =>
    t.request({ method: 'POST', url: `/api/v1/announcements/${id}/transitions`, cookie, payload: { event, reason } });
  const detail = (id: number, cookie = gy) => call(t, cookie, { method: 'GET', url: `/api/v1/announcements/${id}` });
  const pub = (url: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url: `/api/v1/public${url}`, headers });
  const object = (id: number, payload: Record<string, unknown>, ip = '198.51.100.1', headers: Record<string, string> = {}) =>
    t.request({ method: 'POST', url: `/api/v1/public/announcements/${id}/objections`, payload, remoteAddress: ip, headers });
  const taskEvent = (id: number, event: string, payload: Record<string, unknown> = {}) =>
    call(t, gy, { method: 'POST', url: `/api/v1/exit-tasks/${id}/transitions`, payload: { event, payload } });
  const upload = async (id: number, kind: string, file: Buffer, name: string) => {
    const res = await t.request({ method: 'POST', url: `/api/v1/exit-tasks/${id}/evidence`, cookie: gy, ...evidenceForm(kind, file, name) });
    expect(res.statusCode, res.body).toBe(201);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await login();
    // 巩义's plan: two cement lines (万吨) of one enterprise and one glass line (万重量箱) of another.
    cement = await createEnterprise(t, gy, { name: '巩义市公示测试水泥有限公司', regionCode: '410181100' });
    kiln = await createLine(t, gy, cement.id, { name: '公示测试2号立窑', specification: 'Φ2.5×10m', capacity: 8 });
    mill = await createLine(t, gy, cement.id, { name: '公示测试水泥磨', specification: 'Φ1.83m', capacity: 4.5 });
    const glass = await createEnterprise(t, gy, { name: '巩义市公示测试玻璃有限公司', regionCode: '410181100', industryCode: 'flat_glass' });
    const furnace = await createLine(t, gy, glass.id, {
      name: '公示测试平拉玻璃生产线',
      specification: '平拉工艺',
      capacity: 120,
      capacityUnit: 'wan_weight_box',
      industryCode: 'flat_glass',
      basisText: '《产业结构调整指导目录》淘汰类 平拉工艺平板玻璃生产线',
    });
    const plan = await call(t, gy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410181', year: YEAR } }, 201);
    await call(t, gy, {
      method: 'POST',
      url: `/api/v1/elimination-plans/${plan.id}/lines`,
      payload: { version: plan.version, items: [{ lineId: kiln.id }, { lineId: mill.id }, { lineId: furnace.id }] },
    });
    await call(t, gy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'submit' } });
    // 巩义 is a 省直管县: its plan is approved by the province (四眼原则).
    await call(t, ha, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'approve' } });
    planId = plan.id;
  });
  afterAll(() => t.close());

  it('builds a plan list from the approved plan, with totals per unit and never across units', async () => {
    const res = await create(gy, { regionCode: '410181', year: YEAR, kind: 'plan_list', sourcePlanId: planId });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    planAnn = a.id;
    expect(a).toMatchObject({ status: 'draft', form: 'public_notice', noticeWorkingDays: 5, regionName: '巩义市', itemCount: 3, publishDate: null, notice: null });
    expect(a.title).toBe('巩义市2026年计划淘汰落后产能企业名单公示');
    expect(a.body).toContain('公示期为5个工作日');
    expect(a.items.map((i: { lineName: string }) => i.lineName)).toEqual(['公示测试2号立窑', '公示测试水泥磨', '公示测试平拉玻璃生产线']);
    expect(a.items[0]).toMatchObject({ enterpriseName: '巩义市公示测试水泥有限公司', regionName: '米河镇', specification: 'Φ2.5×10m', capacity: 8, unitName: '万吨', date: '2026-09-30' });
    expect(a.totals).toEqual([
      { unitCode: 'wan_t', unitName: '万吨', capacity: 12.5, lineCount: 2, enterpriseCount: 1 },
      { unitCode: 'wan_weight_box', unitName: '万重量箱', capacity: 120, lineCount: 1, enterpriseCount: 1 },
    ]);
    expect(a.abilities).toMatchObject({ update: true, submit: true, approve: false, publish: false });
    expect(a.availableEvents).toEqual(['submit']);
  });

  it('refuses to build without a plan, from another region, or with nothing to list', async () => {
    let res = await create(gy, { regionCode: '410181', year: YEAR, kind: 'plan_list' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('计划淘汰名单须选择本级已批准的年度淘汰计划');
    res = await create(xy, { regionCode: '410181', year: YEAR, kind: 'completed_list' });
    expect(res.statusCode).toBe(404);
    res = await create(zz, { regionCode: '410181', year: YEAR, kind: 'completed_list' });
    expect(res.statusCode).toBe(403);
    res = await create(zz, { regionCode: '410100', year: YEAR, kind: 'plan_list', sourcePlanId: planId });
    expect(res.statusCode).toBe(404);
    res = await create(gy, { regionCode: '410181', year: YEAR, kind: 'sealed_list' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('巩义市2026年没有已封存且有企业公开承诺书的生产线，无法生成已封存生产线及承诺');
  });

  it('builds the sealed list with each commitment, and the completed list from accepted tasks', async () => {
    const tasks = await call(t, gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${planId}` });
    const taskOf = (lineId: number) => tasks.tasks.find((x: { lineId: number }) => x.lineId === lineId).id as number;
    const kilnTask = taskOf(kiln.id);
    const millTask = taskOf(mill.id);
    await upload(kilnTask, 'seal_photo', JPEG, '封存.jpg');
    await upload(kilnTask, 'commitment_scan', PDF, '承诺书.pdf');
    await taskEvent(kilnTask, 'seal', { waterCut: true, powerCut: true, powerUnitsRemoved: true, equipmentSealed: true, dismantleDeadline: '2026-08-31' });
    for (const kind of ['photo_before', 'photo_during', 'photo_after']) await upload(millTask, kind, photo(kind), `${kind}.jpg`);
    await upload(millTask, 'witness_record', pdfOf('witness'), '见证记录.pdf');
    await taskEvent(millTask, 'dismantle', { legalRepresentative: '王法人', officials: ['赵干部'], destination: 'scrapped' });
    await taskEvent(millTask, 'request_acceptance');
    await taskEvent(millTask, 'accept');

    const sealed = (await create(gy, { regionCode: '410181', year: YEAR, kind: 'sealed_list', form: 'announcement' })).json();
    expect(sealed).toMatchObject({ kind: 'sealed_list', form: 'announcement', noticeWorkingDays: null, itemCount: 1 });
    expect(sealed.title).toBe('巩义市2026年已封存落后产能生产线及企业承诺公告');
    expect(sealed.items[0]).toMatchObject({ lineName: '公示测试2号立窑', date: '2026-03-02', dismantleDeadline: '2026-08-31' });
    expect(sealed.items[0].commitment).toBe('已切断生产用水、切断生产用电、拆除动力装置、封存主体设备；企业已签字盖章公开承诺不再恢复生产，并于2026-08-31前拆除主体设备。');

    const completed = (await create(gy, { regionCode: '410181', year: YEAR, kind: 'completed_list', noticeWorkingDays: 7 })).json();
    completedAnn = completed.id;
    expect(completed).toMatchObject({ noticeWorkingDays: 7, itemCount: 1, totals: [{ unitCode: 'wan_t', capacity: 4.5, lineCount: 1, enterpriseCount: 1 }] });
    expect(completed.items[0]).toMatchObject({ lineName: '公示测试水泥磨', date: '2026-03-02', capacity: 4.5 });
    // 郑州's office sees 巩义's towns named under 巩义.
    const zzList = (await create(zz, { regionCode: '410100', year: YEAR, kind: 'completed_list' })).json();
    expect(zzList.items[0].regionName).toBe('巩义市米河镇');
  });

  it('keeps the built list as it was when the records change afterwards', async () => {
    await t.ctx.db.update(enterprise).set({ name: '巩义市已改名水泥有限公司' }).where(eq(enterprise.id, cement.id));
    await t.ctx.db.update(line).set({ capacity: '99' }).where(eq(line.id, mill.id));
    const before = await detail(completedAnn);
    expect(before.items[0]).toMatchObject({ enterpriseName: '巩义市公示测试水泥有限公司', capacity: 4.5 });
    expect(before.totals[0].capacity).toBe(4.5);
    // A list built now reads the records as they are now.
    const fresh = (await create(gy, { regionCode: '410181', year: YEAR, kind: 'completed_list' })).json();
    expect(fresh.items[0]).toMatchObject({ enterpriseName: '巩义市已改名水泥有限公司', capacity: 99 });
  });

  it('goes through submit, return with a reason, edit, approve — refusing the wrong order and the wrong office', async () => {
    expect((await fire(gy, planAnn, 'publish')).json().message).toBe('公告当前为“草稿”，不能发布');
    expect((await fire(gy, planAnn, 'submit')).json()).toMatchObject({ status: 'submitted', abilities: { update: false } });
    expect((await fire(xy, planAnn, 'approve')).statusCode).toBe(404);
    const fgw = await t.login('gy-fgw');
    expect((await fire(fgw, planAnn, 'approve')).statusCode).toBe(403);
    let res = await fire(ha, planAnn, 'return');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('退回修改时请填写原因');
    res = await fire(ha, planAnn, 'return', '请在正文中写明公示期起止');
    expect(res.json()).toMatchObject({ status: 'draft', returnReason: '请在正文中写明公示期起止' });
    const cur = await detail(planAnn);
    const body = { title: cur.title, body: `${cur.body}\n（已补充）`, form: 'public_notice', noticeWorkingDays: 5 };
    res = await t.request({ method: 'PUT', url: `/api/v1/announcements/${planAnn}`, cookie: gy, payload: { ...body, version: cur.version - 1 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(STALE_STATE);
    res = await t.request({ method: 'PUT', url: `/api/v1/announcements/${planAnn}`, cookie: gy, payload: { ...body, version: cur.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().body).toContain('（已补充）');
    expect((await fire(gy, planAnn, 'submit')).statusCode).toBe(200);
    // 四眼原则: the office that built and submitted the list neither approves nor publishes it; 郑州 is not 巩义's level above.
    res = await fire(gy, planAnn, 'approve');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe(DUTY_RULES.announcementSelf);
    res = await fire(zz, planAnn, 'approve');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe(DUTY_RULES.announcementUpper);
    expect((await detail(planAnn, leader)).availableEvents).toEqual(['approve', 'return']);
    expect((await fire(leader, planAnn, 'approve', '同意公示。')).json()).toMatchObject({ status: 'approved', returnReason: null });
    res = await t.request({ method: 'PUT', url: `/api/v1/announcements/${planAnn}`, cookie: gy, payload: { ...body, version: (await detail(planAnn)).version } });
    expect(res.statusCode).toBe(409);
  });

  it('shows nothing unpublished on the public site, and no other region office sees the office view', async () => {
    for (const url of [`/announcements/${planAnn}`, `/announcements/${completedAnn}`, '/announcements/999999']) {
      const res = await pub(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().message).toBe('公告不存在或无权访问');
    }
    expect((await pub('/announcements')).json()).toMatchObject({ items: [], total: 0 });
    expect((await object(planAnn, { content: '名单中的企业已经停产多年', phone: '13800000000' })).statusCode).toBe(404);
    const res = await t.request({ method: 'GET', url: `/api/v1/announcements/${planAnn}`, cookie: xy });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('公告不存在或无权访问');
    expect((await call(t, xy, { method: 'GET', url: '/api/v1/announcements' })).items.map((a: { id: number }) => a.id)).not.toContain(planAnn);
    expect((await t.request({ method: 'GET', url: `/api/v1/announcements/${planAnn}/objections`, cookie: xy })).statusCode).toBe(404);
  });

  it('publishes on 2026-09-30 with 5 working days: the notice runs past National Day to 2026-10-13', async () => {
    t.clock.set(beijingMorning('2026-09-30'));
    await login();
    expect((await fire(gy, planAnn, 'publish')).json().message).toBe(DUTY_RULES.announcementSelf);
    const res = await fire(ha, planAnn, 'publish');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'published',
      publishDate: '2026-09-30',
      notice: { workingDays: 5, endDate: '2026-10-13', open: true, label: '剩余 5 个工作日', workingDaysLeft: 5 },
    });
    const list = (await pub('/announcements')).json();
    expect(list.items.map((a: { id: number }) => a.id)).toEqual([planAnn]);
    const p = (await pub(`/announcements/${planAnn}`)).json();
    expect(p).toMatchObject({ regionName: '巩义市', publishDate: '2026-09-30', archived: false, itemCount: 3, notice: { endDate: '2026-10-13' } });
    expect(p.totals).toHaveLength(2);
    expect(p.items[0]).not.toHaveProperty('sourceId');
    // 落款, 公示期 and how to object, from 巩义's office settings (demo data sets them; issue 11).
    expect(p.closing).toEqual({
      issuer: '巩义市淘汰落后产能工作领导小组办公室',
      date: '2026-09-30',
      noticeFrom: '2026-09-30',
      noticeTo: '2026-10-13',
      contact: { contactPerson: '王示例', phone: '0371-64390000', address: '巩义市示例路1号市工业和信息化局', email: 'gy-ttb@example.cn' },
      howToObject: expect.stringContaining('公示期为2026年9月30日至2026年10月13日'),
    });
    expect(p.closing.howToObject).toContain('向巩义市淘汰落后产能工作领导小组办公室反映（电话：0371-64390000；地址：巩义市示例路1号市工业和信息化局；电子邮箱：gy-ttb@example.cn');
    const hits = (await pub(`/search?q=${encodeURIComponent('玻璃')}`)).json();
    expect(hits.hits.map((h: { item: { lineName: string } }) => h.item.lineName)).toEqual(['公示测试平拉玻璃生产线']);
    expect((await pub(`/announcements?q=${encodeURIComponent('水泥磨')}`)).json().total).toBe(1);
    expect((await pub(`/announcements?q=${encodeURIComponent('不存在的企业')}`)).json().total).toBe(0);
    expect((await pub('/regions')).json()).toEqual([{ code: '410181', name: '巩义市' }]);
    t.clock.set(beijingMorning('2026-10-09'));
    expect((await pub(`/announcements/${planAnn}`)).json().notice).toMatchObject({ open: true, label: '剩余 3 个工作日' });
  });

  it('takes objections during the notice period, with a receipt to look up the answer', async () => {
    t.clock.set(beijingMorning('2026-10-13'));
    await login();
    let res = await object(planAnn, { content: '该企业水泥磨已于去年拆除', phone: '1380000000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('手机号码应为11位数字');
    res = await object(planAnn, { content: '短', phone: '13800000000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('异议内容至少5个字');
    res = await object(planAnn, { content: 'x'.repeat(1001), phone: '13800000000' });
    expect(res.statusCode).toBe(400);
    const p = (await pub(`/announcements/${planAnn}`)).json();
    res = await object(planAnn, { content: '该企业水泥磨去年已经拆除，不应列入', name: '王先生', phone: '138 0013 8000', itemId: 999999 });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('所选名单条目不属于本公示，请重新选择');
    res = await object(planAnn, { content: '该企业水泥磨去年已经拆除，不应列入', name: '王先生', phone: '138 0013 8000', itemId: p.items[1].id });
    expect(res.statusCode, res.body).toBe(201);
    receipt = res.json().receiptCode;
    expect(receipt).toMatch(/^YY[2-9A-HJ-NP-Z]{8}$/);

    const look = (code: string, phone: string) => pub(`/objections?code=${code}&phone=${phone}`);
    expect((await look(receipt, '13800138001')).statusCode).toBe(404);
    expect((await look(receipt.toLowerCase(), '13800138000')).json()).toMatchObject({ answered: false, answer: null, answeredBy: null, announcementId: planAnn });

    // 巩义's office is told at once, with the receipt and a link; 郑州's office (not the issuer) is not.
    const gyInbox = await call(t, gy, { method: 'GET', url: '/api/v1/notifications' });
    expect(gyInbox.items).toContainEqual(
      expect.objectContaining({ kind: 'objection_filed', link: `/announcements/${planAnn}`, body: expect.stringContaining(receipt) }),
    );
    const zzInbox = await call(t, zz, { method: 'GET', url: '/api/v1/notifications' });
    expect(zzInbox.items.filter((n: { kind: string }) => n.kind === 'objection_filed')).toEqual([]);

    const objections = await call(t, gy, { method: 'GET', url: `/api/v1/announcements/${planAnn}/objections` });
    expect(objections).toEqual([expect.objectContaining({ receiptCode: receipt, phone: '138****8000', name: '王先生', itemLabel: '2. 巩义市公示测试水泥有限公司 · 公示测试水泥磨', answer: null })]);
    expect((await detail(planAnn)).unansweredCount).toBe(1);
    // The full number only on request, to an identity custodian (issue 13), and audited; everyone else 404.
    const revealUrl = `/api/v1/announcements/${planAnn}/objections/${objections[0].id}/reveal-phone`;
    const why = { reason: '异议人来电要求回访，需核实号码' };
    for (const who of [zz, xy, gy]) expect((await t.request({ method: 'POST', url: revealUrl, cookie: who, payload: why })).statusCode).toBe(404);
    const custodian = await t.login('gy-custodian');
    // The custodian can open the 公示 and its objections (masked) to find the one to look at.
    expect((await call(t, custodian, { method: 'GET', url: `/api/v1/announcements/${planAnn}/objections` }))[0]).toMatchObject({ phone: '138****8000' });
    for (const payload of [{}, { reason: '   ' }]) {
      const res = await t.request({ method: 'POST', url: revealUrl, cookie: custodian, payload });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('查看事由');
    }
    expect(await call(t, custodian, { method: 'POST', url: revealUrl, payload: why })).toEqual({ phone: '13800138000' });
    // Audited with the reason, never the number; the issuing office (巩义) is told, 郑州's office is not.
    const reveals = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'announcement.objection_phone_reveal'), eq(auditLog.entityId, String(planAnn))));
    expect(reveals).toHaveLength(1);
    expect(JSON.stringify(reveals[0])).toContain(why.reason);
    expect(JSON.stringify(reveals[0])).not.toContain('13800138000');
    const told = (await call(t, gy, { method: 'GET', url: '/api/v1/notifications' })).items.filter((n: { kind: string }) => n.kind === 'objection_phone_revealed');
    expect(told).toEqual([expect.objectContaining({ link: `/announcements/${planAnn}`, body: expect.stringContaining(receipt) })]);
    expect(JSON.stringify(told)).not.toContain('13800138000');
    expect((await call(t, zz, { method: 'GET', url: '/api/v1/notifications' })).items.filter((n: { kind: string }) => n.kind === 'objection_phone_revealed')).toEqual([]);
    const answerUrl = `/api/v1/announcements/${planAnn}/objections/${objections[0].id}/answer`;
    const answer = { answer: '经现场核查，该水泥磨尚未拆除，维持列入。', version: objections[0].version };
    expect((await t.request({ method: 'POST', url: answerUrl, cookie: zz, payload: answer })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: answerUrl, cookie: xy, payload: answer })).statusCode).toBe(404);
    expect(objections[0]).toMatchObject({ status: 'open', availableEvents: ['objection_answer'] });
    // Two answers at once (two clerks of the office): exactly one is recorded, the other is told it moved.
    const both = await Promise.all([answer, { ...answer, answer: '另一位工作人员的答复内容。' }].map((payload) => t.request({ method: 'POST', url: answerUrl, cookie: gy, payload })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    res = both.find((r) => r.statusCode === 200)!;
    expect([answer.answer, '另一位工作人员的答复内容。']).toContain(res.json().answer);
    expect(res.json()).toMatchObject({ answeredByName: expect.any(String), answeredAt: '2026-10-13T01:00:00.000Z', status: 'answered', availableEvents: [] });
    const first = res.json().answer as string;
    res = await t.request({ method: 'POST', url: answerUrl, cookie: gy, payload: { ...answer, version: answer.version + 1 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('该异议已答复，答复不能修改');
    // The public answer names the answering office (its 落款 from the office settings).
    expect((await look(receipt, '13800138000')).json()).toMatchObject({ answered: true, answer: first, answeredBy: '巩义市淘汰落后产能工作领导小组办公室' });
    // The objection keeps its history like every lifecycle: the one answer, who and when (issue 10 §1).
    const historyUrl = `/api/v1/announcements/${planAnn}/objections/${objections[0].id}/history`;
    const history = await call(t, zz, { method: 'GET', url: historyUrl });
    expect(history).toEqual([
      expect.objectContaining({ event: 'objection_answer', fromStatus: 'open', toStatus: 'answered', at: '2026-10-13T01:00:00.000Z', payload: expect.objectContaining({ answer: first, receiptCode: receipt }) }),
    ]);
    expect((await t.request({ method: 'GET', url: historyUrl, cookie: xy })).statusCode).toBe(404);
    // Another 公示's id with this objection's id reads as missing, like out of scope.
    expect((await t.request({ method: 'GET', url: `/api/v1/announcements/${completedAnn}/objections/${objections[0].id}/history`, cookie: gy })).statusCode).toBe(404);
  });

  it('limits objections per IP', async () => {
    const ok = { content: '请核实名单中企业的产能数据', phone: '13900000000' };
    for (let i = 0; i < 5; i++) expect((await object(planAnn, ok, '203.0.113.7')).statusCode).toBe(201);
    const res = await object(planAnn, ok, '203.0.113.7');
    expect(res.statusCode).toBe(429);
    expect(res.json().message).toBe('提交过于频繁，请稍后再试');
    // Without TRUST_PROXY a forged X-Forwarded-For does not make the same client another one.
    expect((await object(planAnn, ok, '203.0.113.7', { 'x-forwarded-for': '192.0.2.99' })).statusCode).toBe(429);
    expect((await object(planAnn, ok, '203.0.113.8')).statusCode).toBe(201);
  });

  it('seals the phone at rest, keeps no address in clear, and takes objections without a phone', async () => {
    const res = await object(planAnn, { content: '名单中企业的产能数据有误', phone: '' }, '192.0.2.55');
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().receiptCode;
    expect((await pub(`/objections?code=${code}`)).json()).toMatchObject({ receiptCode: code, answered: false });
    expect((await pub(`/objections?code=${code}&phone=13800138000`)).statusCode).toBe(404);
    expect((await pub(`/objections?code=${receipt}`)).statusCode).toBe(404);
    const rows = await queryRows<Record<string, string | null>>(
      t.ctx.db,
      sql`SELECT receipt_code, phone, ip, phone_sealed, phone_hash, ip_hash FROM announcement_objection WHERE announcement_id = ${planAnn}`,
    );
    expect(rows.length).toBeGreaterThan(2);
    // No address is kept, not even as a keyed hash (issue 13, ADR 0025).
    for (const r of rows) expect(r).toMatchObject({ phone: null, ip: null, ip_hash: null });
    const dump = JSON.stringify(rows);
    for (const clear of ['13800138000', '13900000000', '198.51.100.1', '192.0.2.55']) expect(dump).not.toContain(clear);
    expect(rows.find((r) => r.receipt_code === receipt)!.phone_sealed).toMatch(/^s2:[0-9a-f]{8}:/);
    expect(rows.find((r) => r.receipt_code === code)).toMatchObject({ phone_sealed: null, phone_hash: null });
    const list = await call(t, gy, { method: 'GET', url: `/api/v1/announcements/${planAnn}/objections` });
    expect(list.find((o: { receiptCode: string }) => o.receiptCode === code).phone).toBeNull();
  });

  it('seals objections filed before sealing once, at boot', async () => {
    await t.ctx.db.execute(
      sql`INSERT INTO announcement_objection (announcement_id, receipt_code, content, phone, ip, filed_at)
          VALUES (${planAnn}, 'YYLEGACY22', '旧版本提交的异议内容', '13700137000', '203.0.113.99', now())`,
    );
    expect(await sealLegacyObjections(t.ctx.db, t.ctx.sealKey)).toBe(1);
    expect(await sealLegacyObjections(t.ctx.db, t.ctx.sealKey)).toBe(0);
    const [row] = await queryRows<Record<string, string | null>>(t.ctx.db, sql`SELECT phone, ip, phone_sealed FROM announcement_objection WHERE receipt_code = 'YYLEGACY22'`);
    expect(row).toMatchObject({ phone: null, ip: null, phone_sealed: expect.stringMatching(/^s2:[0-9a-f]{8}:/) });
    expect((await pub('/objections?code=YYLEGACY22&phone=13700137000')).statusCode).toBe(200);
  });

  it('refuses objections once the notice period is over, in Chinese', async () => {
    t.clock.set(beijingMorning('2026-10-14'));
    await login();
    const res = await object(planAnn, { content: '该企业水泥磨去年已经拆除', phone: '13800138000' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('该公示的公示期已于2026-10-13结束，不再受理异议');
    expect((await pub(`/announcements/${planAnn}`)).json().notice).toMatchObject({ open: false, label: '公示期已结束' });
  });

  it('archives the older list of the same region and kind when a newer one is published, and by hand', async () => {
    const newer = (await create(gy, { regionCode: '410181', year: YEAR, kind: 'plan_list', sourcePlanId: planId, form: 'announcement' })).json();
    expect((await fire(gy, newer.id, 'submit')).statusCode).toBe(200);
    // Two approvers at once: exactly one wins, the other is told the list moved under it.
    const [a, b] = await Promise.all([fire(ha, newer.id, 'approve'), fire(leader, newer.id, 'approve')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const published = (await fire(ha, newer.id, 'publish')).json();
    expect(published).toMatchObject({ status: 'published', publishDate: '2026-10-14', notice: null });
    const old = await detail(planAnn);
    expect(old).toMatchObject({ status: 'archived', supersededBy: newer.id });
    expect((await pub('/announcements')).json().items.map((a: { id: number }) => a.id)).toEqual([newer.id]);
    const archived = (await pub('/announcements?tab=archived')).json();
    expect(archived.items).toEqual([expect.objectContaining({ id: planAnn, archived: true })]);
    expect((await pub(`/announcements/${planAnn}`)).statusCode).toBe(200);
    expect((await object(newer.id, { content: '公告中的企业名称有误', phone: '13800138000' })).json().message).toBe('本公告不设公示期，不受理异议；如需反映问题，请与发布单位联系');
    // By hand: with a reason (kept in the history), by an office at the issuing region or above; outside, 404.
    const bare = await fire(zz, newer.id, 'archive');
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ message: '归档时请填写原因', fields: [{ path: 'reason', message: '归档时请填写原因' }] });
    expect((await fire(xy, newer.id, 'archive', '越权归档')).statusCode).toBe(404);
    expect((await detail(newer.id, zz)).availableEvents).toEqual(['archive']);
    expect((await fire(zz, newer.id, 'archive', '名单已过时效，撤下本公告')).json()).toMatchObject({ status: 'archived', supersededBy: null });
    expect((await fire(zz, newer.id, 'archive', '再次归档')).statusCode).toBe(409);
    const byHand = await call(t, gy, { method: 'GET', url: `/api/v1/announcements/${newer.id}/history` });
    expect(byHand.at(-1)).toMatchObject({ event: 'archive', toStatus: 'archived', reason: '名单已过时效，撤下本公告' });
  });

  it('keeps each list’s history, with the return’s reason, the approval’s opinion and the automatic archiving', async () => {
    const h = await call(t, zz, { method: 'GET', url: `/api/v1/announcements/${planAnn}/history` });
    expect(h.map((e: { event: string; toStatus: string }) => `${e.event}→${e.toStatus}`)).toEqual([
      'submit→submitted',
      'return→draft',
      'submit→submitted',
      'approve→approved',
      'publish→published',
      'archive→archived',
    ]);
    expect(h[1].reason).toBe('请在正文中写明公示期起止');
    expect(h[3]).toMatchObject({ reason: '同意公示。', eventLabel: expect.any(String) });
    expect(h[4].payload).toMatchObject({ publishDate: '2026-09-30', noticeEndDate: '2026-10-13' });
    expect(h[5].payload).toMatchObject({ supersededBy: expect.any(Number) });
    expect((await t.request({ method: 'GET', url: `/api/v1/announcements/${planAnn}/history`, cookie: xy })).statusCode).toBe(404);
  });

  it('audits every write, keeping only a masked phone number in the trail', async () => {
    const admin = await t.login('admin');
    const log = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=announcement&entityId=${planAnn}&limit=100` });
    const actions = log.items.map((i: { action: string }) => i.action);
    for (const a of ['create', 'submit', 'return', 'update', 'approve', 'publish', 'objection', 'objection_phone_reveal', 'archive']) expect(actions, a).toContain(`announcement.${a}`);
    // The answer is the objection's lifecycle step: audited on the objection, under the action name it always had.
    const answered = await call(t, admin, { method: 'GET', url: '/api/v1/audit?entityType=announcement_objection&action=announcement.objection_answer' });
    expect(answered.items.some((i: { after: { announcementId?: number } }) => i.after.announcementId === planAnn)).toBe(true);
    const filed = log.items.find((i: { action: string; after: { receiptCode?: string } }) => i.action === 'announcement.objection' && i.after.receiptCode === receipt);
    expect(filed.after.phone).toBe('138****8000');
    expect(JSON.stringify(log.items)).not.toContain('13800138000');
  });

  it('documents its routes, public ones without a session', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes: [path: string, method: string, tag: string, status: string][] = [
      ['/api/v1/announcements', 'get', 'announcements', '200'],
      ['/api/v1/announcements', 'post', 'announcements', '201'],
      ['/api/v1/announcements/{id}/transitions', 'post', 'announcements', '200'],
      ['/api/v1/public/announcements', 'get', 'public', '200'],
      ['/api/v1/public/objections', 'get', 'public', '200'],
      ['/api/v1/public/search', 'get', 'public', '200'],
    ];
    for (const [p, method, tag, status] of routes) {
      expect(doc.paths[p]?.[method], `${method} ${p}`).toMatchObject({ tags: [tag], responses: { [status]: expect.anything() } });
    }
    // Public reads answer without a session; the office's list does not.
    expect((await t.request({ method: 'GET', url: '/api/v1/public/announcements' })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/public/search?q=${encodeURIComponent('示例')}` })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/announcements' })).statusCode).toBe(401);
  });
});
