import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import type { Actor } from '../src/platform/access/actor.ts';
import { filingRepository, fireFilingEvent, loadFiling } from '../src/modules/filing/index.ts';
import { STALE_STATE } from '../src/platform/lifecycle/index.ts';
import { onceRequirement, relogin, setBeijingDate } from './filing-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('filing requirements and filings', () => {
  let t: TestApp;
  let c: Record<string, string>;
  const USERS = ['ha-office', 'zz-office', 'gy-office', 'xy-office', 'gy-town', 'gy-park', 'gy-fgw', 'gy-sthj', 'auditor', 'admin'];
  beforeAll(async () => {
    t = await createTestApp();
    c = await relogin(t, USERS);
  });
  afterAll(() => t.close());
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) =>
    t.request({ method, url, cookie: c[who], payload: payload as object | undefined });

  let contacts: { id: number; targets: { id: number; regionCode: string; name: string }[] };
  let gyFilingId: number;

  it('a requirement from the province to all cities addresses prefectures and directly-administered counties (巩义, not 荥阳)', async () => {
    const res = await req('POST', '/api/v1/filing-requirements', 'ha-office', onceRequirement());
    expect(res.statusCode).toBe(201);
    contacts = res.json();
    const codes = contacts.targets.map((x) => x.regionCode);
    expect(codes).toContain('410181');
    expect(codes).toContain('410100');
    expect(codes).not.toContain('410182');
    const expected = await queryRows<{ code: string }>(
      t.ctx.db,
      sql`SELECT code FROM region WHERE (parent_code = '410000' AND level = 'prefecture') OR (level = 'county' AND directly_administered AND province_code = '410000') ORDER BY code`,
    );
    expect(codes.sort()).toEqual(expected.map((r) => r.code));
    expect(expected.length).toBeGreaterThan(17);
    expect(res.json()).toMatchObject({ relation: 'issuer', currentPeriod: { key: 'once', dueDate: '2026-04-20' }, targetCount: codes.length, filedCount: 0 });
    const audit = (await req('GET', '/api/v1/audit?action=filing_requirement.issue', 'auditor')).json();
    expect(audit.items[0]).toMatchObject({ actorName: 'ha-office', entityId: String(contacts.id) });
  });

  it('the addressed unit sees it (and only itself as target); an unrelated office gets 404', async () => {
    const list = (await req('GET', '/api/v1/filing-requirements?view=addressed', 'gy-office')).json();
    expect(list.map((r: { id: number }) => r.id)).toContain(contacts.id);
    const mine = (await req('GET', `/api/v1/filing-requirements/${contacts.id}`, 'gy-office')).json();
    expect(mine).toMatchObject({ relation: 'filer', myTarget: { regionCode: '410181' }, abilities: { file: true, update: false, viewFilings: false } });
    expect(mine.targets).toHaveLength(1);
    expect((await req('GET', `/api/v1/filing-requirements/${contacts.id}`, 'zz-office')).json()).toMatchObject({ relation: 'filer', myTarget: { regionCode: '410100' } });
    for (const who of ['xy-office', 'gy-fgw', 'gy-town']) {
      const res = await req('GET', `/api/v1/filing-requirements/${contacts.id}`, who);
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('报送要求不存在或无权访问');
    }
    expect((await req('GET', `/api/v1/filing-requirements/${contacts.id}`, 'auditor')).json().relation).toBe('overseer');
  });

  it('refuses a filing that misses a required field, naming it; files on time; refuses a second filing', async () => {
    const bad = await req('POST', `/api/v1/filing-requirements/${contacts.id}/filings`, 'gy-office', { values: { contact: '王五' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('请填写“联系电话”');
    const ok = await req('POST', `/api/v1/filing-requirements/${contacts.id}/filings`, 'gy-office', { values: { contact: '王五', phone: '0371-64000000' } });
    expect(ok.statusCode).toBe(201);
    gyFilingId = ok.json().id;
    expect(ok.json()).toMatchObject({ status: 'submitted', onTime: true, lateWorkingDays: 0, submittedDate: '2026-03-02', dueDate: '2026-04-20', availableEvents: [] });
    const again = await req('POST', `/api/v1/filing-requirements/${contacts.id}/filings`, 'gy-office', { values: { contact: '王五', phone: '1' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('单次报送已报送，请勿重复报送');
    // Only the addressed unit files: the province office cannot file to itself.
    expect((await req('POST', `/api/v1/filing-requirements/${contacts.id}/filings`, 'ha-office', { values: {} })).statusCode).toBe(403);
  });

  it('the issuer receives, returns with a reason; the unit resubmits; history keeps what was first filed', async () => {
    const issuerView = (await req('GET', `/api/v1/filings/${gyFilingId}`, 'ha-office')).json();
    expect(issuerView.availableEvents.sort()).toEqual(['receive', 'return']);
    expect((await req('POST', `/api/v1/filings/${gyFilingId}/accept`, 'ha-office')).statusCode).toBe(409); // not yet received
    expect((await req('POST', `/api/v1/filings/${gyFilingId}/receive`, 'gy-office')).statusCode).toBe(403);
    expect((await req('POST', `/api/v1/filings/${gyFilingId}/receive`, 'ha-office')).json().status).toBe('received');
    const noReason = await req('POST', `/api/v1/filings/${gyFilingId}/return`, 'ha-office', { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const returned = await req('POST', `/api/v1/filings/${gyFilingId}/return`, 'ha-office', { reason: '联系电话应为办公电话' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '联系电话应为办公电话' });
    const note = (await req('GET', '/api/v1/notifications?unread=true', 'gy-office')).json();
    expect(note.items[0]).toMatchObject({ kind: 'filing_returned', entityId: String(gyFilingId) });
    expect(note.items[0].body).toContain('联系电话应为办公电话');

    const re = await req('POST', `/api/v1/filings/${gyFilingId}/resubmit`, 'gy-office', { values: { contact: '王五', phone: '0371-64111111' } });
    expect(re.statusCode).toBe(200);
    expect(re.json()).toMatchObject({ status: 'resubmitted', revision: 2, values: { phone: '0371-64111111' }, onTime: true });
    const history = re.json().history as { event: string; revision: number; snapshot: { values: { phone: string } } | null; reason: string | null }[];
    expect(history.map((h) => h.event)).toEqual(['submit', 'receive', 'return', 'resubmit']);
    expect(history[0]!.snapshot!.values.phone).toBe('0371-64000000');
    expect(history[2]!.reason).toBe('联系电话应为办公电话');
    expect(history[3]).toMatchObject({ revision: 2, snapshot: { values: { phone: '0371-64111111' } } });
    expect((await req('POST', `/api/v1/filings/${gyFilingId}/resubmit`, 'gy-office', { values: { contact: 'x', phone: 'y' } })).statusCode).toBe(409);
    expect((await req('POST', `/api/v1/filings/${gyFilingId}/receive`, 'ha-office')).json().status).toBe('received');
    const accepted = await req('POST', `/api/v1/filings/${gyFilingId}/accept`, 'ha-office');
    expect(accepted.json()).toMatchObject({ status: 'accepted', availableEvents: [] });
    expect((await req('POST', `/api/v1/filings/${gyFilingId}/return`, 'ha-office', { reason: '再改改' })).statusCode).toBe(409);
    const audit = (await req('GET', `/api/v1/audit?entityType=filing&entityId=${gyFilingId}`, 'auditor')).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual(
      ['filing.accept', 'filing.receive', 'filing.receive', 'filing.resubmit', 'filing.return', 'filing.submit'].sort(),
    );
  });

  it('a concurrent transition finds the status moved and gets 409 (UPDATE … WHERE status = :from)', async () => {
    const sub = await req('POST', `/api/v1/filing-requirements/${contacts.id}/filings`, 'zz-office', { values: { contact: '赵六', phone: '0371-1' } });
    const id = sub.json().id as number;
    const office = c['ha-office']!;
    const [a, b] = await Promise.all([
      t.request({ method: 'POST', url: `/api/v1/filings/${id}/receive`, cookie: office }),
      t.request({ method: 'POST', url: `/api/v1/filings/${id}/receive`, cookie: office }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json().message).toBe(STALE_STATE);
    // The same with a stale read held by the service: the guarded update itself refuses.
    const actor: Actor = {
      userId: 1,
      username: 'ha-office',
      displayName: '省领导小组办公室',
      role: 'group_office',
      regionCode: '410000',
      regionLevel: 'province',
      agencyId: null,
      enterpriseId: null,
      ip: null,
      abilities: new Set(),
      scope: { column: 'provinceCode', code: '410000' },
    };
    const loaded = await loadFiling(t.ctx.db, t.clock, actor, id);
    const stale = { ...loaded.filing, status: 'submitted' };
    await expect(
      t.ctx.db.transaction((tx) =>
        fireFilingEvent(tx, actor, { filing: stale, event: 'return', party: 'issuer', reason: 'x', now: t.clock.now(), requirement: loaded.ctx.req, target: loaded.target, periodLabel: '' }),
      ),
    ).rejects.toMatchObject({ statusCode: 409, message: STALE_STATE });
    // One history row for the one winner: submit and receive.
    const history = (await req('GET', `/api/v1/filings/${id}/history`, 'ha-office')).json() as { event: string; toLabel: string; fromLabel: string | null }[];
    expect(history.map((h) => [h.event, h.fromLabel, h.toLabel])).toEqual([
      ['submit', null, '已报送'],
      ['receive', '已报送', '已接收'],
    ]);
    expect((await filingRepository.byId(t.ctx.db, id))!.status).toBe('received');
  });

  it('a prefecture cannot address a directly-administered county; it can choose its own counties', async () => {
    const gy = await req('POST', '/api/v1/filing-requirements', 'zz-office', onceRequirement({ audience: { mode: 'selected_regions', regionCodes: ['410182', '410181'] } }));
    expect(gy.statusCode).toBe(400);
    expect(gy.json().message).toBe('巩义市为省直管县，向省级报送，不能由郑州市下达');
    const xy = await req('POST', '/api/v1/filing-requirements', 'zz-office', onceRequirement({ audience: { mode: 'selected_regions', regionCodes: ['410182'] } }));
    expect(xy.statusCode).toBe(201);
    expect(xy.json().targets.map((x: { name: string }) => x.name)).toEqual(['荥阳市']);
    const all = await req('POST', '/api/v1/filing-requirements', 'zz-office', onceRequirement());
    expect(all.json().targets.map((x: { regionCode: string }) => x.regionCode)).not.toContain('410181');
    expect(all.json().targets.map((x: { regionCode: string }) => x.regionCode)).toContain('410182');
  });

  it('weekly dispatch to member agencies: periods 2026-W10…, each agency files for the current week', async () => {
    const res = await req('POST', '/api/v1/filing-requirements', 'gy-office', {
      kind: 'progress_report',
      title: '淘汰落后产能工作每周调度',
      year: 2026,
      audience: { mode: 'member_agencies' },
      recurrence: 'weekly',
      due: { mode: 'after_period_end', workingDays: 0 },
      startsOn: '2026-03-02',
      endsOn: '2026-06-30',
      requiredFields: [{ key: 'progress', label: '本周进展', type: 'text', required: true }],
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r.targets).toHaveLength(12); // 14 agencies less the office (工信) and the government
    expect(r.targets.map((x: { name: string }) => x.name)).toContain('巩义市发展和改革委员会');
    expect(r.targets.map((x: { name: string }) => x.name)).not.toContain('巩义市工业和信息化局');
    expect(r.periods[0]).toMatchObject({ key: '2026-W10', start: '2026-03-02', end: '2026-03-08', dueDate: '2026-03-06' });
    expect(r.periods.at(-1).key).toBe('2026-W27');
    expect(r.currentPeriod.key).toBe('2026-W10');
    const fgw = (await req('GET', '/api/v1/filing-requirements?view=addressed', 'gy-fgw')).json();
    expect(fgw.find((x: { id: number }) => x.id === r.id)).toMatchObject({ relation: 'filer', myFiling: null, deadlineLabel: '剩余 4 个工作日' });
    const filed = await req('POST', `/api/v1/filing-requirements/${r.id}/filings`, 'gy-fgw', { values: { progress: '完成3家企业现场检查' } });
    expect(filed.json()).toMatchObject({ periodKey: '2026-W10', periodLabel: '2026年第10周（3月2日—3月8日）', target: { name: '巩义市发展和改革委员会' } });
    const nextWeek = await req('POST', `/api/v1/filing-requirements/${r.id}/filings`, 'gy-fgw', { periodKey: '2026-W11', values: { progress: '提前报送' } });
    expect(nextWeek.statusCode).toBe(201);
    const bogus = await req('POST', `/api/v1/filing-requirements/${r.id}/filings`, 'gy-fgw', { periodKey: '2026-W40', values: { progress: 'x' } });
    expect(bogus.statusCode).toBe(400);
    // Another agency cannot read 发改's filing; 生态环境 sees its own requirement but not 发改's filings.
    expect((await req('GET', `/api/v1/filings/${filed.json().id}`, 'gy-sthj')).statusCode).toBe(404);
    expect((await req('GET', `/api/v1/filing-requirements/${r.id}/filings`, 'gy-sthj')).json()).toEqual([]);
    const list = (await req('GET', '/api/v1/filing-requirements?view=issued', 'gy-office')).json();
    expect(list.find((x: { id: number }) => x.id === r.id)).toMatchObject({ relation: 'issuer', filedCount: 1, targetCount: 12 });
    expect((await req('GET', `/api/v1/filing-requirements/${r.id}`, 'ha-office')).json().relation).toBe('overseer');
    // 巩义 lies in 郑州's administrative subtree but reports to the province: 郑州 does not oversee it.
    expect((await req('GET', `/api/v1/filing-requirements/${r.id}`, 'zz-office')).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/filing-requirements?view=issued', 'zz-office')).json().map((x: { id: number }) => x.id)).not.toContain(r.id);
    expect((await req('GET', '/api/v1/filing-matrix?region=410181', 'zz-office')).statusCode).toBe(404);
  });

  it('a county addresses its towns and parks; the town files, another office cannot edit the requirement', async () => {
    const res = await req('POST', '/api/v1/filing-requirements', 'gy-office', onceRequirement({ kind: 'free_form', requiredFields: [], attachmentRequired: true }));
    const r = res.json();
    expect(r.targets.map((x: { regionCode: string }) => x.regionCode)).toEqual(expect.arrayContaining(['410181100', 'P000001']));
    const noFile = await req('POST', `/api/v1/filing-requirements/${r.id}/filings`, 'gy-town', {});
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().message).toBe('该报送要求须上传附件（如盖章文件扫描件）');
    const otherFile = await req('POST', `/api/v1/filing-requirements/${r.id}/filings`, 'gy-town', { fileIds: [999999] });
    expect(otherFile.json().message).toBe('附件（编号999999）不存在或不是您上传的');
    const update = { title: '其他事项（修订）', description: '', due: { mode: 'fixed', date: '2026-04-30' }, startsOn: null, endsOn: null, requiredFields: [], attachmentRequired: false, remindDaysBefore: 2, version: r.version };
    expect((await req('PUT', `/api/v1/filing-requirements/${r.id}`, 'ha-office', update)).statusCode).toBe(403);
    const ok = await req('PUT', `/api/v1/filing-requirements/${r.id}`, 'gy-office', update);
    expect(ok.json()).toMatchObject({ title: '其他事项（修订）', currentPeriod: { dueDate: '2026-04-30' }, attachmentRequired: false, version: r.version + 1 });
    expect((await req('PUT', `/api/v1/filing-requirements/${r.id}`, 'gy-office', update)).statusCode).toBe(409);
    const filed = await req('POST', `/api/v1/filing-requirements/${r.id}/filings`, 'gy-town', { note: '无' });
    expect(filed.json()).toMatchObject({ target: { regionCode: '410181100', name: '米河镇' } });
    expect((await req('GET', `/api/v1/filings/${filed.json().id}`, 'gy-park')).statusCode).toBe(404);
  });

  it('only group offices issue; a past due date and a wrong rule are refused in Chinese', async () => {
    expect((await req('POST', '/api/v1/filing-requirements', 'gy-town', onceRequirement())).statusCode).toBe(403);
    const past = await req('POST', '/api/v1/filing-requirements', 'gy-office', onceRequirement({ due: { mode: 'fixed', date: '2026-02-01' } }));
    expect(past.json().message).toBe('截止日期2026-02-01早于今天（2026-03-02）');
    const rule = await req('POST', '/api/v1/filing-requirements', 'gy-office', onceRequirement({ recurrence: 'monthly', due: { mode: 'fixed', date: '2026-05-01' } }));
    expect(rule.json().message).toBe('周期性报送的期限应为每期结束后N个工作日（或每年固定日期）');
    const survey = await req('POST', '/api/v1/filing-requirements', 'gy-office', onceRequirement({ kind: 'survey_result', audience: { mode: 'member_agencies' } }));
    expect(survey.json().message).toContain('摸底排查结果由下级区划报送');
  });
  it('a silent region shows in the non-submitter list with its overdue working days once the clock passes the due date', async () => {
    const res = await req('POST', '/api/v1/filing-requirements', 'ha-office', onceRequirement({ kind: 'proposed_exit_list', title: '拟淘汰名单', due: { mode: 'fixed', date: '2026-09-29' }, requiredFields: [] }));
    const id = res.json().id as number;
    const before = (await req('GET', `/api/v1/filing-requirements/${id}/non-submitters`, 'ha-office')).json();
    expect(before.items.find((x: { regionCode: string }) => x.regionCode === '410100')).toMatchObject({ overdueWorkingDays: 0 });
    setBeijingDate(t, '2026-10-14');
    c = await relogin(t, ['ha-office', 'gy-office', 'zz-office']);
    await req('POST', `/api/v1/filing-requirements/${id}/filings`, 'gy-office', {});
    const after = (await req('GET', `/api/v1/filing-requirements/${id}/non-submitters`, 'ha-office')).json();
    expect(after).toMatchObject({ today: '2026-10-14', period: { dueDate: '2026-09-29' }, expected: res.json().targetCount });
    expect(after.items).toHaveLength(res.json().targetCount - 1);
    expect(after.items.find((x: { regionCode: string }) => x.regionCode === '410181')).toBeUndefined();
    expect(after.items.find((x: { regionCode: string }) => x.regionCode === '410100')).toMatchObject({ name: '郑州市', overdueWorkingDays: 7, label: '逾期 7 个工作日' });
    const late = (await req('GET', `/api/v1/filing-requirements/${id}/filings`, 'ha-office')).json();
    expect(late[0]).toMatchObject({ target: { regionCode: '410181' }, lateWorkingDays: 7, onTime: false });
    expect((await req('GET', `/api/v1/filing-requirements/${id}/non-submitters`, 'gy-office')).statusCode).toBe(403);
    const matrix = (await req('GET', '/api/v1/filing-matrix?year=2026', 'ha-office')).json();
    expect(matrix.requirements.map((r: { id: number }) => r.id)).toEqual([contacts.id, id]);
    const zz = matrix.rows.find((r: { regionCode: string }) => r.regionCode === '410100');
    expect(zz.cells[String(contacts.id)]).toMatchObject({ state: 'received', lateWorkingDays: 0 });
    expect(zz.cells[String(id)]).toMatchObject({ state: 'overdue', overdueWorkingDays: 7, filingId: null });
    expect(matrix.rows.find((r: { regionCode: string }) => r.regionCode === '410181').cells[String(id)]).toMatchObject({ state: 'submitted', lateWorkingDays: 7 });
    expect(matrix.rows.some((r: { regionCode: string }) => r.regionCode === '410182')).toBe(false);
    expect((await req('GET', '/api/v1/filing-matrix?region=410000', 'zz-office')).statusCode).toBe(404);
  });

});
