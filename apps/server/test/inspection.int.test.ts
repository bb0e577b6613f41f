import { INSPECTION_ROUND_STATUS_LABELS } from '@taotai/shared';
import { and, eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, lifecycleHistory, line } from '../src/db/schema/index.ts';
import { DUTY_RULES } from '../src/platform/lifecycle/index.ts';
import { PDF, PNG } from './exit-task-fixtures.ts';
import { gongyiAwaitingAcceptance } from './inspection-fixtures.ts';
import { byHeader, readExport } from './support/list-export.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { multipart } from './survey-import-fixtures.ts';
import { call } from './target-fixtures.ts';

type Rec = { id: number; enterpriseId: number; version: number; status: string; opinion: { documentNumber: string | null; status: string } } & Record<string, unknown>;
type Round = { id: number; version: number; status: string; records: Rec[] } & Record<string, unknown>;

const ALL_CHECKED = { equipmentDismantled: true, powerCut: true, destinationDocumented: true, workersPlaced: true };

async function documentXml(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return zip.file('word/document.xml')!.async('string');
}
const textOf = (xml: string) => xml.replace(/<[^>]+>/g, '');

describe('joint acceptance inspection: rounds, per-enterprise conclusions that move the exit tasks, written opinions', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof gongyiAwaitingAcceptance>>;
  let round: Round;
  /** 检查组组长's account (zz-office, the level above): concludes records and the round, signs the opinions (issue 10 §2). */
  let lead: string;
  const idOf = async (username: string) => (await t.ctx.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, username)))[0]!.id;
  const url = (s = '') => `/api/v1/inspections/${round.id}${s}`;
  const recordOf = (r: Round, enterpriseId: number) => r.records.find((x) => x.enterpriseId === enterpriseId)!;
  const conclude = (cookie: string, rec: Rec, body: Record<string, unknown>) =>
    t.request({ method: 'POST', url: url(`/records/${rec.id}/conclusion`), cookie, payload: { version: rec.version, inspectedOn: '2026-03-02', notes: '', ...body } });
  const fresh = async () => (round = await call(t, f.gy, { method: 'GET', url: url() }));

  beforeAll(async () => {
    t = await createTestApp();
    f = await gongyiAwaitingAcceptance(t);
    lead = await t.login('zz-office');
  });
  afterAll(() => t.close());

  it('is set up by 巩义’s office with a team drawn from 巩义’s member agencies only', async () => {
    const agencies: { id: number; kind: string; name: string }[] = await call(t, f.gy, { method: 'GET', url: '/api/v1/regions/410181/agencies' });
    const xy = await t.login('xy-office');
    const xyAgencies: { id: number }[] = await call(t, xy, { method: 'GET', url: '/api/v1/regions/410182/agencies' });
    const kind = (k: string) => agencies.find((a) => a.kind === k)!.id;
    const body = {
      title: '2026年第一批淘汰落后产能联合检查验收',
      year: 2026,
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      team: [
        { agencyId: kind('industry'), personName: '张组长', role: 'leader' },
        { agencyId: kind('ecology'), personName: '李成员', role: 'member' },
        { agencyId: kind('emergency'), personName: '王成员', role: 'member' },
      ],
    };
    let res = await t.request({ method: 'POST', url: '/api/v1/inspections', cookie: f.gy, payload: { ...body, team: [...body.team, { agencyId: xyAgencies[0]!.id, personName: '外地人', role: 'member' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('检查组第4名成员（外地人）的单位不是本级成员单位');
    res = await t.request({ method: 'POST', url: '/api/v1/inspections', cookie: xy, payload: { ...body, regionCode: '410181' } });
    expect(res.statusCode).toBe(404);
    const member = await t.login('gy-fgw');
    expect((await t.request({ method: 'POST', url: '/api/v1/inspections', cookie: member, payload: body })).statusCode).toBe(403);
    // The leader account: an office or leader account of 巩义 or above, never the clerk forming the round.
    const accounts: { id: number; regionCode: string }[] = await call(t, f.gy, { method: 'GET', url: '/api/v1/inspections/leader-accounts' });
    expect(accounts.map((a) => a.id)).toEqual(expect.arrayContaining([await idOf('zz-office'), await idOf('ha-office')]));
    for (const u of ['gy-office', 'xy-office', 'gy-leader']) expect(accounts.map((a) => a.id)).not.toContain(await idOf(u));
    expect((await t.request({ method: 'GET', url: '/api/v1/inspections/leader-accounts', cookie: member })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/inspections/leader-accounts?regionCode=410181', cookie: xy })).statusCode).toBe(404);
    res = await t.request({ method: 'POST', url: '/api/v1/inspections', cookie: f.gy, payload: { ...body, leaderUserId: await idOf('gy-office') } });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'leaderUserId', message: '组建检查批次的人员不能担任本批次检查组组长（验收结论须由检查组组长签署）' }]);
    res = await t.request({ method: 'POST', url: '/api/v1/inspections', cookie: f.gy, payload: { ...body, leaderUserId: await idOf('xy-office') } });
    expect(res.json().message).toBe('检查组组长账号须为本级或上级领导小组办公室的有效账号');
    round = await call(t, f.gy, { method: 'POST', url: '/api/v1/inspections', payload: { ...body, leaderUserId: await idOf('zz-office') } }, 201);
    expect(round).toMatchObject({ regionCode: '410181', regionName: '巩义市', status: 'draft', records: [], abilities: { update: true, addEnterprises: true, events: ['start'] } });
    expect(round).toMatchObject({ leaderUserId: await idOf('zz-office'), leaderAccountName: '郑州市领导小组办公室' });
    expect(round.team).toEqual([
      { agencyId: kind('industry'), agencyName: '巩义市工业和信息化局', personName: '张组长', role: 'leader' },
      expect.objectContaining({ personName: '李成员', role: 'member' }),
      expect.objectContaining({ personName: '王成员', role: 'member' }),
    ]);
  });

  it('offers the enterprises whose tasks await acceptance, and takes each only once', async () => {
    const candidates: { enterpriseId: number; lines: { lineName: string; capacity: number; unitName: string }[] }[] = await call(t, f.gy, { method: 'GET', url: url('/candidates') });
    const ids = candidates.map((c) => c.enterpriseId);
    expect(ids).toEqual(expect.arrayContaining([f.a.id, f.b.id, f.c.id]));
    expect(candidates.find((c) => c.enterpriseId === f.a.id)!.lines).toEqual([
      expect.objectContaining({ lineName: '验收测试1号机立窑', capacity: 8.8, unitName: '万吨' }),
      expect.objectContaining({ lineName: '验收测试平拉玻璃线', capacity: 40, unitName: '万重量箱' }),
    ]);
    let res = await t.request({ method: 'POST', url: url('/transitions'), cookie: f.gy, payload: { event: 'start', version: round.version } });
    expect(res.json().message).toBe('开始检查还缺：待检查企业（至少1家）');
    round = await call(t, f.gy, { method: 'POST', url: url('/records'), payload: { enterpriseIds: [f.a.id, f.b.id, f.c.id] } });
    expect(round.records.map((r) => r.enterpriseId)).toEqual([f.a.id, f.b.id, f.c.id]);
    expect(recordOf(round, f.a.id).lines).toHaveLength(2);
    const after: { enterpriseId: number }[] = await call(t, f.gy, { method: 'GET', url: url('/candidates') });
    expect(after.map((c) => c.enterpriseId)).not.toContain(f.a.id);
    res = await t.request({ method: 'POST', url: url('/records'), cookie: f.gy, payload: { enterpriseIds: [f.a.id] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(`巩义市验收测试甲水泥有限公司已在检查验收批次（编号${round.id}）中待检查`);
  });

  it('takes conclusions only once the round has started (draft → in progress)', async () => {
    let res = await conclude(lead, recordOf(round, f.a.id), { ...ALL_CHECKED, conclusion: 'pass' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('本批次尚未开始检查，请先点击“开始检查”');
    round = await call(t, f.gy, { method: 'POST', url: url('/transitions'), payload: { event: 'start', version: round.version } });
    // The clerk who formed the round is offered no 结束本批次: that is for another signer (四眼原则).
    expect(round).toMatchObject({ status: 'in_progress', abilities: { events: [] } });
    res = await t.request({ method: 'POST', url: url('/transitions'), cookie: lead, payload: { event: 'conclude', version: round.version } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('还有3家企业未作出验收结论，不能结束本批次');
  });

  it('refuses to pass with an unchecked item, naming it in Chinese, and changes nothing', async () => {
    const res = await conclude(lead, recordOf(round, f.a.id), { ...ALL_CHECKED, workersPlaced: false, conclusion: 'pass' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('验收通过须全部检查项符合要求，以下检查项未确认：职工已妥善安置');
    expect(res.json().fields).toEqual([{ path: 'workersPlaced', message: res.json().message }]);
    const task = await call(t, f.gy, { method: 'GET', url: `/api/v1/exit-tasks/${f.tasks.aKiln}` });
    expect(task.status).toBe('acceptance_requested');
    expect(recordOf(await fresh(), f.a.id).status).toBe('pending');
  });

  it('passing accepts every task of the enterprise and marks its lines eliminated, in one audited transaction', async () => {
    const rec = recordOf(round, f.a.id);
    // Only the leader account concludes a record: the clerk who formed the round and the level above are refused.
    expect(recordOf(round, f.a.id).abilities).toMatchObject({ conclude: false });
    const own = await conclude(f.gy, rec, { ...ALL_CHECKED, conclusion: 'pass' });
    expect([own.statusCode, own.json().message]).toEqual([403, DUTY_RULES.inspectionSelf]);
    const upper = await conclude(await t.login('ha-office'), rec, { ...ALL_CHECKED, conclusion: 'pass' });
    expect([upper.statusCode, upper.json().message]).toEqual([403, '验收结论须由本批次检查组组长签署']);
    expect(recordOf(await call(t, lead, { method: 'GET', url: url() }), f.a.id).abilities).toMatchObject({ conclude: true });
    const res = await conclude(lead, rec, { ...ALL_CHECKED, notes: '现场核实窑体已拆除', conclusion: 'pass' });
    expect(res.statusCode, res.body).toBe(200);
    round = res.json();
    expect(recordOf(round, f.a.id)).toMatchObject({
      status: 'concluded',
      conclusion: 'pass',
      checklist: ALL_CHECKED,
      notes: '现场核实窑体已拆除',
      inspectedOn: '2026-03-02',
      concludedBy: '郑州市领导小组办公室',
      abilities: { conclude: false, remove: false, generateOpinion: true, uploadScan: false },
    });
    for (const id of [f.tasks.aKiln, f.tasks.aMill]) expect((await call(t, f.gy, { method: 'GET', url: `/api/v1/exit-tasks/${id}` })).status).toBe('accepted');
    const lines = await t.ctx.db.select({ status: line.status }).from(line).where(inArray(line.id, [f.lines.aKiln.id, f.lines.aMill.id]));
    expect(lines.map((l) => l.status)).toEqual(['eliminated', 'eliminated']);
    // A stale second conclusion is a conflict, not a second acceptance.
    expect((await conclude(lead, rec, { ...ALL_CHECKED, conclusion: 'pass' })).statusCode).toBe(409);
    const admin = await t.login('admin');
    const log = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=inspection_record&entityId=${rec.id}&limit=50` });
    expect(log.items.map((i: { action: string }) => i.action)).toContain('inspection.conclude');
    // The record moved through the one lifecycle step: its history names the leader account.
    const hist = await t.ctx.db
      .select({ event: lifecycleHistory.event, from: lifecycleHistory.fromStatus, to: lifecycleHistory.toStatus, by: lifecycleHistory.actorName })
      .from(lifecycleHistory)
      .where(and(eq(lifecycleHistory.entityType, 'inspection_record'), eq(lifecycleHistory.entityId, rec.id)));
    expect(hist).toEqual([{ event: 'conclude', from: 'pending', to: 'concluded', by: '郑州市领导小组办公室' }]);
    const taskLog = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=exit_task&entityId=${f.tasks.aKiln}&limit=50` });
    expect(taskLog.items.map((i: { action: string }) => i.action)).toContain('exit_task.accept');
  });

  it('failing needs reasons and sends the task back with them', async () => {
    const rec = recordOf(round, f.b.id);
    let res = await conclude(lead, rec, { ...ALL_CHECKED, equipmentDismantled: false, conclusion: 'fail' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('验收不通过时请填写不通过的原因（将退回退出任务要求整改）');
    res = await conclude(lead, rec, { ...ALL_CHECKED, equipmentDismantled: false, conclusion: 'fail', reasons: '窑体未拆除到位，仍可恢复生产' });
    expect(res.statusCode, res.body).toBe(200);
    round = res.json();
    expect(recordOf(round, f.b.id)).toMatchObject({ conclusion: 'fail', reasons: '窑体未拆除到位，仍可恢复生产' });
    const task = await call(t, f.gy, { method: 'GET', url: `/api/v1/exit-tasks/${f.tasks.b}` });
    expect(task).toMatchObject({ status: 'rejected', rejectReason: '窑体未拆除到位，仍可恢复生产', availableEvents: ['resubmit'] });
    const [l] = await t.ctx.db.select({ status: line.status }).from(line).where(eq(line.id, f.lines.bLine.id));
    expect(l!.status).not.toBe('eliminated');
  });

  it('lets only one of two concurrent conclusions of the same record through (409)', async () => {
    const rec = recordOf(round, f.c.id);
    const [x, y] = await Promise.all([
      conclude(lead, rec, { ...ALL_CHECKED, conclusion: 'pass' }),
      conclude(lead, rec, { ...ALL_CHECKED, conclusion: 'fail', reasons: '并发测试' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const task = await call(t, f.gy, { method: 'GET', url: `/api/v1/exit-tasks/${f.tasks.c}` });
    expect(task.history.filter((h: { event: string }) => h.event === 'accept' || h.event === 'reject')).toHaveLength(1);
    await fresh();
  });

  it('writes the opinion as an official .docx with a document number that stays on regeneration', async () => {
    const a = recordOf(round, f.a.id);
    const res = await t.request({ method: 'POST', url: url(`/records/${a.id}/opinion.docx`), cookie: f.gy });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await documentXml(res.rawPayload);
    const text = textOf(xml);
    for (const s of [
      '巩义市淘汰落后产能工作领导小组办公室',
      '巩淘汰办〔2026〕1号',
      '关于巩义市验收测试甲水泥有限公司淘汰落后产能检查验收的意见',
      '巩义市验收测试甲水泥有限公司：',
      '合计产能8.8万吨、40万重量箱',
      '（一）验收测试1号机立窑（Φ3×11m），产能8.8万吨；',
      '（一）主体设备已拆除无法恢复生产：符合。',
      '（五）其他情况：现场核实窑体已拆除',
      '检查组同意通过验收',
      '张组长',
      '巩义市工业和信息化局',
      '2026年3月2日',
    ]) {
      expect(text).toContain(s);
    }
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="方正小标宋简体"/);
    expect(xml).toMatch(/<w:color w:val="FF0000"\/>/);
    const again = await t.request({ method: 'POST', url: url(`/records/${a.id}/opinion.docx`), cookie: f.gy });
    expect(textOf(await documentXml(again.rawPayload))).toContain('巩淘汰办〔2026〕1号');
    const b = recordOf(round, f.b.id);
    const failed = textOf(await documentXml((await t.request({ method: 'POST', url: url(`/records/${b.id}/opinion.docx`), cookie: f.gy })).rawPayload));
    expect(failed).toContain('巩淘汰办〔2026〕2号');
    expect(failed).toContain('检查组不予通过验收。主要问题：窑体未拆除到位，仍可恢复生产。');
    expect(failed).toContain('（一）主体设备已拆除无法恢复生产：不符合。');
    await fresh();
    expect(recordOf(round, f.a.id).opinion).toMatchObject({ documentNumber: '巩淘汰办〔2026〕1号', status: 'drafted' });
    // 巩义's office settings (demo data): contacts in the 附注, its default 抄送 before the team's agencies.
    expect(text).toContain('（此件盖章后生效。联系人：王示例；电话：0371-64390000');
    expect(text).toContain('抄送：郑州市淘汰落后产能工作领导小组办公室，');
  });

  it('prints the office settings as changed in the next opinion, without a release (issue 11)', async () => {
    const settingsUrl = '/api/v1/office-settings/410181';
    const s = await call(t, f.gy, { method: 'GET', url: settingsUrl });
    const changed = { ...s, letterhead: '巩义市淘汰落后产能工作领导小组办公室（测试版头）', signingOrgan: '巩义市工业和信息化局（代章）', phone: '0371-64398888', copyTo: ['河南省工业和信息化厅'] };
    const { regionCode: _c, regionName: _n, saved: _s, updatedAt: _u, ...body } = changed;
    await call(t, f.gy, { method: 'PUT', url: settingsUrl, payload: body });
    const a = recordOf(round, f.a.id);
    const text = textOf(await documentXml((await t.request({ method: 'POST', url: url(`/records/${a.id}/opinion.docx`), cookie: f.gy })).rawPayload));
    expect(text).toContain('巩义市淘汰落后产能工作领导小组办公室（测试版头）');
    expect(text).toContain('巩义市工业和信息化局（代章）2026年3月2日');
    expect(text).toContain('电话：0371-64398888');
    expect(text).toContain('抄送：河南省工业和信息化厅，');
    expect(text).not.toContain('0371-64390000');
    // The number given earlier stays: settings change what is printed next, not numbers already issued.
    expect(text).toContain('巩淘汰办〔2026〕1号');
    await call(t, f.gy, { method: 'PUT', url: settingsUrl, payload: { ...body, ...Object.fromEntries(Object.entries(s).filter(([k]) => k in body)), version: body.version + 1 } });
  });

  it('generates the opinions of all concluded records of the round as one .zip', async () => {
    const res = await t.request({ method: 'POST', url: url('/opinions.zip'), cookie: f.gy });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files).sort();
    expect(names).toHaveLength(3);
    expect(names.every((n) => n.endsWith('.docx'))).toBe(true);
    expect(names.find((n) => n.includes('甲水泥'))).toContain('巩淘汰办〔2026〕1号');
    const c = names.find((n) => n.includes('丙水泥'))!;
    expect(c).toContain('巩淘汰办〔2026〕3号');
    const inner = await zip.file(c)!.async('nodebuffer');
    expect(textOf(await documentXml(inner))).toContain('关于巩义市验收测试丙水泥有限公司淘汰落后产能检查验收的意见');
  });

  it('files the signed scan by content, once, and serves it back unchanged', async () => {
    const a = recordOf(await fresh(), f.a.id);
    const up = (file: Buffer, name: string, cookie = lead) => t.request({ method: 'POST', url: url(`/records/${a.id}/signed-scan`), cookie, ...multipart(file, name) });
    // The signed opinion is filed by the leader account only (issue 10 §2).
    let res = await up(PDF, 'office.pdf', f.gy);
    expect([res.statusCode, res.json().message]).toEqual([403, DUTY_RULES.inspectionSelf]);
    res = await up(Buffer.from('PK\u0003\u0004 a docx, not a scan'), '验收意见.pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('签发盖章的验收意见扫描件应为PDF文件、JPEG图片、PNG图片');
    res = await up(PNG, '验收意见.pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('文件“验收意见.pdf”的扩展名表明是PDF文件，但内容是PNG图片，请确认上传的是正确的文件');
    res = await up(PDF, '巩淘汰办〔2026〕1号.pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(recordOf(res.json(), f.a.id).opinion).toMatchObject({ status: 'signed', signedScan: { mime: 'application/pdf', size: PDF.length } });
    expect((await up(PDF, 'again.pdf')).statusCode).toBe(409);
    const back = await t.request({ method: 'GET', url: url(`/records/${a.id}/signed-scan`), cookie: f.gy });
    expect(back.statusCode).toBe(200);
    expect(Buffer.compare(back.rawPayload, PDF)).toBe(0);
  });

  it('answers 404 outside the region, exactly like a missing round; member agencies read but do not write', async () => {
    const xy = await t.login('xy-office');
    const town = await t.login('gy-town');
    const a = recordOf(round, f.a.id);
    for (const cookie of [xy, town]) {
      const res = await t.request({ method: 'GET', url: url(), cookie });
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('检查验收批次不存在或无权访问');
      expect((await t.request({ method: 'GET', url: url('/candidates'), cookie })).statusCode).toBe(404);
      expect((await t.request({ method: 'POST', url: url(`/records/${a.id}/opinion.docx`), cookie })).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: url(`/records/${a.id}/signed-scan`), cookie })).statusCode).toBe(404);
      const list: { items: { id: number }[] } = await call(t, cookie, { method: 'GET', url: '/api/v1/inspections?pageSize=200' });
      expect(list.items.map((r) => r.id)).not.toContain(round.id);
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/inspections/999999', cookie: xy })).json().message).toBe('检查验收批次不存在或无权访问');
    const member = await t.login('gy-fgw');
    const seen: Round = await call(t, member, { method: 'GET', url: url() });
    expect(seen.abilities).toEqual({ update: false, addEnterprises: false, events: [] });
    expect((await t.request({ method: 'POST', url: url('/opinions.zip'), cookie: member })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: url('/transitions'), cookie: member, payload: { event: 'conclude', version: round.version } })).statusCode).toBe(403);
    const zzList: { items: { id: number }[] } = await call(t, f.zz, { method: 'GET', url: '/api/v1/inspections?year=2026' });
    expect(zzList.items.map((r) => r.id)).toContain(round.id);
  });

  it('pages by number and by cursor, sorts by the round number, and exports the filtered set (issue 11)', async () => {
    const agencies: { id: number; kind: string }[] = await call(t, f.gy, { method: 'GET', url: '/api/v1/regions/410181/agencies' });
    const team = [{ agencyId: agencies.find((a) => a.kind === 'industry')!.id, personName: '赵组长', role: 'leader' }];
    const second = await call(t, f.gy, { method: 'POST', url: '/api/v1/inspections', payload: { title: '2026年第二批联合检查验收', year: 2026, startDate: '2026-04-01', team } }, 201);
    type Page = { items: { id: number }[]; total: number | null; nextCursor: string | null; page: number | null };
    const list = (cookie: string, q: string): Promise<Page> => call(t, cookie, { method: 'GET', url: `/api/v1/inspections?year=2026&region=410181&${q}` });
    const all = await list(f.gy, 'sort=id&pageSize=200&withTotal=true');
    const ids = all.items.map((r) => r.id);
    expect(all.total).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([round.id, second.id]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const first = await list(f.gy, 'sort=id&pageSize=1');
    const page2 = await list(f.gy, 'sort=id&pageSize=1&page=2');
    expect(page2).toMatchObject({ page: 2, items: [{ id: ids[1] }] });
    expect((await list(f.gy, `sort=id&pageSize=1&cursor=${first.nextCursor}`)).items).toEqual(page2.items);
    expect((await list(f.gy, 'pageSize=200')).items.map((r) => r.id)).toEqual([...ids].reverse()); // newest first by default
    const bad = await t.request({ method: 'GET', url: '/api/v1/inspections?sort=year', cookie: f.gy });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('本列表只能按编号排序');

    const x = await readExport(t, f.gy, '/api/v1/inspections/export.xlsx?year=2026&region=410181');
    expect(x.status).toBe(200);
    expect(x.autoFilter).toBeTruthy();
    const rows = byHeader(x);
    expect(rows.map((r) => r.编号)).toEqual([...ids].reverse());
    expect(rows.find((r) => r.编号 === round.id)).toMatchObject({
      区划代码: '410181',
      区划: '巩义市',
      年度: 2026,
      检查开始日期: new Date(Date.UTC(2026, 2, 1)),
      检查结束日期: new Date(Date.UTC(2026, 2, 31)),
      组长: '张组长',
      组长单位: '巩义市工业和信息化局',
      检查组人数: 3,
      企业数: 3,
    });
    expect(rows.find((r) => r.编号 === second.id)).toMatchObject({ 检查结束日期: null, 状态: INSPECTION_ROUND_STATUS_LABELS.draft, 企业数: 0 });
    const drafts = byHeader(await readExport(t, f.gy, '/api/v1/inspections/export.xlsx?year=2026&region=410181&status=draft'));
    expect(drafts.map((r) => r.编号)).toContain(second.id);
    expect(drafts.map((r) => r.编号)).not.toContain(round.id);
    const xy = await t.login('xy-office');
    expect((await readExport(t, xy, '/api/v1/inspections/export.xlsx?region=410181')).status).toBe(404);
    expect(byHeader(await readExport(t, xy, '/api/v1/inspections/export.xlsx?year=2026')).map((r) => r.编号)).not.toContain(round.id);
    const ent = await t.login('gy-ent');
    expect((await readExport(t, ent, '/api/v1/inspections/export.xlsx')).rows).toEqual([]);
  });

  it('concludes the round when every enterprise has a conclusion; then takes no more', async () => {
    // 四眼原则: the clerk who formed the round does not conclude it.
    expect((await call(t, f.gy, { method: 'GET', url: url() })).abilities.events).toEqual([]);
    const own = await t.request({ method: 'POST', url: url('/transitions'), cookie: f.gy, payload: { event: 'conclude', version: round.version } });
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toBe(DUTY_RULES.inspectionSelf);
    const ha = await t.login('ha-office');
    expect((await call(t, ha, { method: 'GET', url: url() })).abilities.events).toEqual([]);
    const upper = await t.request({ method: 'POST', url: url('/transitions'), cookie: ha, payload: { event: 'conclude', version: round.version } });
    expect([upper.statusCode, upper.json().message]).toEqual([403, '验收结论须由本批次检查组组长签署']);
    expect((await call(t, lead, { method: 'GET', url: url() })).abilities.events).toEqual(['conclude']);
    // The leader twice at once: exactly one wins, the other is told the round moved under it.
    const both = await Promise.all([lead, lead].map((cookie) => t.request({ method: 'POST', url: url('/transitions'), cookie, payload: { event: 'conclude', version: round.version } })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    round = both.find((r) => r.statusCode === 200)!.json();
    expect(round).toMatchObject({ status: 'concluded', enterpriseCount: 3, concludedCount: 3, abilities: { update: false, addEnterprises: false, events: [] } });
    const res = await t.request({ method: 'POST', url: url('/records'), cookie: f.gy, payload: { enterpriseIds: [f.b.id] } });
    expect(res.statusCode).toBe(409);
    const stale = await t.request({ method: 'POST', url: url('/transitions'), cookie: f.gy, payload: { event: 'start', version: round.version } });
    expect(stale.json().message).toBe('检查验收批次当前为“已结束”，不能开始检查');
    const admin = await t.login('admin');
    const log = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=inspection_round&entityId=${round.id}&limit=50` });
    expect(log.items.map((i: { action: string }) => i.action).sort()).toEqual(['inspection.add_enterprises', 'inspection.conclude', 'inspection.create', 'inspection.start']);
    const h = await call(t, f.zz, { method: 'GET', url: url('/history') });
    expect(h.map((e: { event: string; fromStatus: string; toStatus: string }) => [e.event, e.fromStatus, e.toStatus])).toEqual([
      ['start', 'draft', 'in_progress'],
      ['conclude', 'in_progress', 'concluded'],
    ]);
    const xy = await t.login('xy-office');
    expect((await t.request({ method: 'GET', url: url('/history'), cookie: xy })).statusCode).toBe(404);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes: [path: string, method: string, status: string][] = [
      ['/api/v1/inspections', 'get', '200'],
      ['/api/v1/inspections', 'post', '201'],
      ['/api/v1/inspections/{id}', 'get', '200'],
      ['/api/v1/inspections/{id}/candidates', 'get', '200'],
      ['/api/v1/inspections/{id}/records/{recordId}/conclusion', 'post', '200'],
      ['/api/v1/inspections/{id}/opinions.zip', 'post', '200'],
    ];
    for (const [p, method, status] of routes) {
      expect(doc.paths[p]?.[method], `${method} ${p}`).toMatchObject({ tags: ['inspections'], responses: { [status]: expect.anything() } });
    }
  });
});
