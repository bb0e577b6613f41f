import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { newReceiptCode } from '../src/modules/tip/receipt-code.ts';
import { tipSettingRepository } from '../src/modules/tip/tip-setting.repository.ts';
import { getCalendar } from '../src/platform/calendar/calendar.ts';
import { SealKey, unsealText } from '../src/platform/crypto/seal.ts';
import { resolveTipRoute } from '../src/modules/tip/tip-routing.ts';
import { JPEG, PNG } from './exit-task-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { ANON_TIP, lookup, MIHE, postMessage, postTip, tipForm } from './tip-fixtures.ts';

const TABLES = ['tip', 'tip_file', 'tip_message', 'stored_file', 'audit_log'] as const;
const counts = async (t: TestApp) => {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = (await queryRows<{ n: number }>(t.ctx.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;
  return out;
};
const spoolLeft = async (t: TestApp) => (await readdir(path.join(t.ctx.config.dataDir, 'files', 'tmp')).catch(() => [])).length;
let addr = 0;
/** A fresh client address per case, so the per-client limits of one case do not leak into another. */
const nextAddr = () => `198.51.100.${++addr}`;

describe('public tips: intake (issue 13)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('routes by place, by matter and about officials, and tells the tipster who handles it', async () => {
    const file = async (over: Record<string, string>) => {
      const res = await postTip(t, { ...ANON_TIP, ...over }, [], {}, nextAddr());
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const byPlace = await file({});
    expect(byPlace.handlingRegionName).toBe('巩义市');
    expect(byPlace.receiptCode).toMatch(/^([23456789A-HJKMNP-Z]{4}-){4}[23456789A-HJKMNP-Z]{4}$/);
    expect((await file({ aboutOfficials: 'true' })).handlingRegionName).toBe('河南省');
    expect((await file({ aboutOfficials: 'false' })).handlingRegionName).toBe('巩义市');
    expect((await file({ matter: 'department_criterion', criterion: 'energy' })).handlingRegionName).toBe('巩义市发展和改革委员会');
    expect((await file({ regionCode: '410181' })).handlingRegionName).toBe('巩义市');
    const rows = await queryRows<{ handling_region_code: string; handling_agency_id: number | null; about_officials: boolean; status: string }>(
      t.ctx.db,
      sql`SELECT handling_region_code, handling_agency_id, about_officials, status FROM tip ORDER BY id`,
    );
    expect(rows.map((r) => r.handling_region_code)).toEqual(['410181', '410000', '410181', '410181', '410181']);
    const [fgw] = await queryRows<{ id: number }>(t.ctx.db, sql`SELECT id FROM agency WHERE region_code = '410181' AND kind = 'development'`);
    expect(rows[3]!.handling_agency_id).toBe(fgw!.id);
    expect(rows.every((r) => r.status === 'received')).toBe(true);
  });

  it('routes on the demo regions: a district without departments, its officials to the prefecture', async () => {
    const [town] = await queryRows<{ code: string }>(t.ctx.db, sql`SELECT code FROM region WHERE county_code = '410102' AND level = 'township' ORDER BY code LIMIT 1`);
    const energy = { matter: 'department_criterion' as const, criterion: 'energy' as const, aboutOfficials: false };
    expect(await resolveTipRoute(t.ctx.db, town!.code, energy)).toMatchObject({ handlingRegionCode: '410102', handlingAgencyId: null, place: { code: town!.code } });
    expect(await resolveTipRoute(t.ctx.db, town!.code, { ...energy, aboutOfficials: true })).toMatchObject({ handlingRegionCode: '410100', handlingName: '郑州市' });
    expect(await resolveTipRoute(t.ctx.db, MIHE, { ...energy, criterion: 'safety' })).toMatchObject({ handlingRegionCode: '410181', handlingName: '巩义市应急管理局' });
  });

  it('counts the deadline in working days on the calendar: 15 by default, the region’s own setting when it has one', async () => {
    const cal = await getCalendar(t.ctx.db);
    const res = await postTip(t, ANON_TIP, [], {}, nextAddr());
    // TEST_EPOCH is Monday 2026-03-02 in Beijing; fifteen working days later, weekends skipped.
    expect(res.json().deadline).toBe(cal.addWorkingDays('2026-03-02', 15));
    expect(res.json().deadline).toBe('2026-03-23');
    const found = (await lookup(t, res.json().receiptCode, {}, nextAddr())).json();
    expect(found).toMatchObject({ status: 'received', filedOn: '2026-03-02', deadline: '2026-03-23', deadlineProvisional: false, finding: null, reply: null, regionName: expect.stringContaining('巩义市') });
    expect(found.messages).toEqual([expect.objectContaining({ author: 'system', body: '已受理，请在2026年3月23日前凭查询码查看办理结果' })]);
    await tipSettingRepository.save(t.ctx.db, '410181', 10, null, t.clock.now());
    expect((await postTip(t, ANON_TIP, [], {}, nextAddr())).json().deadline).toBe('2026-03-16');
    // About officials: the province's setting (none) applies, not 巩义's.
    expect((await postTip(t, { ...ANON_TIP, aboutOfficials: 'on' }, [], {}, nextAddr())).json().deadline).toBe('2026-03-23');
    await t.ctx.db.execute(sql`DELETE FROM tip_setting`);
  });

  it('seals a real-name identity: unreadable with the database alone', async () => {
    const identity = { realName: '柴可夫', phone: '139 1234 5678', idNumber: '11010519491231002x' };
    const res = await postTip(t, { ...ANON_TIP, ...identity }, [], {}, nextAddr());
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await queryRows<Record<string, unknown>>(t.ctx.db, sql`SELECT * FROM tip WHERE identity_kind = 'real_name'`);
    const dump = JSON.stringify(row);
    for (const clear of ['柴可夫', '13912345678', '139 1234 5678', '11010519491231002']) expect(dump).not.toContain(clear);
    const sealed = row!.identity_sealed as string;
    expect(sealed).toMatch(/^s2:[0-9a-f]{8}:/);
    expect(() => unsealText(new SealKey(randomBytes(32)), sealed)).toThrow();
    expect(JSON.parse(unsealText(t.ctx.sealKey, sealed))).toEqual({ name: '柴可夫', phone: '13912345678', idNumber: '11010519491231002X' });
    const audit = await queryRows<Record<string, unknown>>(t.ctx.db, sql`SELECT * FROM audit_log WHERE action = 'tip.filed'`);
    expect(JSON.stringify(audit)).not.toContain('柴可夫');
    expect(audit.every((a) => a.ip === null && a.actor_id === null)).toBe(true);
    // The code is not in the database: only its slow hash.
    const code = res.json().receiptCode as string;
    const all = await queryRows<Record<string, unknown>>(t.ctx.db, sql`SELECT row_to_json(x)::text AS j FROM tip x`);
    for (const form of [code, code.replaceAll('-', '')]) expect(JSON.stringify(all)).not.toContain(form);
  });

  it('refuses bad input in Chinese naming the field, and stores nothing of a refused filing', async () => {
    const before = await counts(t);
    const refuse = async (fields: Record<string, string>, files: { name: string; bytes: Buffer }[], status: number, text: string) => {
      const res = await postTip(t, fields, files, {}, nextAddr());
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().message).toContain(text);
    };
    await refuse({ ...ANON_TIP, content: '' }, [], 400, '举报内容');
    await refuse({ ...ANON_TIP, content: '短' }, [], 400, '举报内容至少 10 个字');
    await refuse({ ...ANON_TIP, content: '长'.repeat(5001) }, [], 400, '举报内容不能超过 5000 字');
    await refuse({ ...ANON_TIP, regionCode: '419999999' }, [], 400, '所在地区');
    await refuse({ ...ANON_TIP, regionCode: '4101' }, [], 400, '所在地区');
    await refuse({ ...ANON_TIP, regionCode: '410100' }, [], 400, '所在地区：请选择到县');
    await refuse({ ...ANON_TIP, enterpriseId: '999999999' }, [], 400, '被举报企业');
    await refuse({ ...ANON_TIP, matter: 'nonsense' }, [], 400, '举报事项');
    await refuse({ ...ANON_TIP, matter: 'department_criterion' }, [], 400, '不达标类别');
    await refuse({ ...ANON_TIP, phone: '13912345678' }, [], 400, '姓名');
    await refuse({ ...ANON_TIP, realName: '某人', phone: '1391234' }, [], 400, '手机号码');
    await refuse({ ...ANON_TIP, realName: '某人', phone: '13912345678', idNumber: '110105194912310021' }, [], 400, '身份证号码');
    // A good photo and a "photo" that is text: nothing of either is kept.
    await refuse(ANON_TIP, [{ name: 'a.jpg', bytes: JPEG }, { name: 'b.jpg', bytes: Buffer.from('这不是图片，只是一段文字。') }], 400, '举报附件');
    const script = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF\n');
    await refuse(ANON_TIP, [{ name: 'scan.pdf', bytes: script }], 400, 'JavaScript');
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.jpg`, bytes: JPEG }));
    await refuse(ANON_TIP, six, 400, '举报附件最多 5 个');
    await refuse(ANON_TIP, [{ name: 'big.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1)]) }], 413, '每个举报附件不能超过 10MB');
    expect(await counts(t)).toEqual(before);
    expect(await spoolLeft(t)).toBe(0);
  });

  it('answers wrong and unknown codes alike, refuses malformed ones naming the field, and closes the thread once concluded', async () => {
    const code = (await postTip(t, ANON_TIP, [], {}, nextAddr())).json().receiptCode as string;
    const unknown = await lookup(t, 'ABCD-EFGH-JKMN-PQRS-TUVW', {}, nextAddr());
    const wrong = await lookup(t, `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`, {}, nextAddr());
    expect(unknown.statusCode).toBe(404);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toEqual(unknown.json());
    expect(unknown.json().message).toBe('查询码不存在或有误');
    for (const bad of ['ABC', 'ABCD-EFGH-JKMN-PQRS-TUV0', '']) {
      const res = await lookup(t, bad, {}, nextAddr());
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('查询码');
    }
    // Typed back in lower case without dashes: the same tip.
    expect((await lookup(t, code.replaceAll('-', '').toLowerCase(), {}, nextAddr())).statusCode).toBe(200);
    const msg = await postMessage(t, code, '补充：每晚十点后开始生产', {}, nextAddr());
    expect(msg.statusCode, msg.body).toBe(201);
    expect(msg.json()).toMatchObject({ author: 'tipster', body: '补充：每晚十点后开始生产' });
    expect((await postMessage(t, code, '   ', {}, nextAddr())).json().message).toContain('留言内容');
    // A message may bring photos: stored stripped, numbered after the tip's own files.
    const form = tipForm({ code, body: '补充一张夜间生产的照片' }, [{ name: 'night.png', bytes: PNG }]);
    const withPhoto = await t.request({ method: 'POST', url: '/api/v1/public/tips/messages', payload: form.payload, headers: form.headers, remoteAddress: nextAddr() });
    expect(withPhoto.statusCode, withPhoto.body).toBe(201);
    const names = await queryRows<{ original_name: string; source: string }>(
      t.ctx.db,
      sql`SELECT f.original_name, tf.source FROM tip_file tf JOIN stored_file f ON f.id = tf.stored_file_id JOIN tip ON tip.id = tf.tip_id WHERE tip.id = (SELECT max(id) FROM tip)`,
    );
    expect(names).toEqual([{ original_name: '举报附件1.png', source: 'tipster' }]);
    const [row] = await queryRows<{ id: number }>(t.ctx.db, sql`SELECT max(id) AS id FROM tip`);
    await t.ctx.db.execute(sql`UPDATE tip SET status = 'concluded', finding = 'substantiated', reply = '经核查属实，已责令停产。', measures = '责令停产，拆除设备', concluded_on = '2026-03-10', published_at = now() WHERE id = ${row!.id}`);
    const closed = await postMessage(t, code, '再补充一点情况说明', {}, nextAddr());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toBe('该举报已办结，不能再补充');
    expect((await lookup(t, code, {}, nextAddr())).json()).toMatchObject({ status: 'concluded', finding: 'substantiated', reply: '经核查属实，已责令停产。' });
    // Published: matter, place, finding, measures — nothing of the tipster.
    const results = (await t.request({ method: 'GET', url: '/api/v1/public/tip-results?regionCode=410181' })).json();
    expect(results.total).toBe(1);
    expect(results.items[0]).toEqual({ id: row!.id, matter: 'resumed_production', regionName: expect.stringContaining('巩义市'), enterpriseName: '巩义市某建材厂', finding: 'substantiated', measures: '责令停产，拆除设备', concludedOn: '2026-03-10' });
    expect((await t.request({ method: 'GET', url: '/api/v1/public/tip-results?regionCode=410182' })).json().total).toBe(0);
  });

  it('finds registered enterprises by name for the form (at least two characters, at most ten)', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/public/enterprise-names?q=${encodeURIComponent('巩义')}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.length).toBeLessThanOrEqual(10);
    expect(res.json().items[0]).toEqual({ id: expect.any(Number), name: expect.stringContaining('巩义'), regionName: expect.any(String) });
    const one = await t.request({ method: 'GET', url: `/api/v1/public/enterprise-names?q=${encodeURIComponent('巩')}` });
    expect(one.statusCode).toBe(400);
    expect(one.json().message).toContain('至少输入 2 个字');
    const e = res.json().items[0];
    const filed = await postTip(t, { ...ANON_TIP, enterpriseName: '', enterpriseId: String(e.id) }, [], {}, nextAddr());
    expect(filed.statusCode, filed.body).toBe(201);
  });

  it('throttles code guessing per client and per code (429 with Retry-After)', async () => {
    const code = (await postTip(t, ANON_TIP, [], {}, nextAddr())).json().receiptCode as string;
    // Per client: thirty look-ups in ten minutes, then 429 even for the right code.
    const guesser = nextAddr();
    for (let i = 0; i < 30; i++) expect((await lookup(t, newReceiptCode(), {}, guesser)).statusCode).toBe(404);
    const blocked = await lookup(t, code, {}, guesser);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().message).toBe('查询过于频繁，请稍后再试');
    // Per code: ten tries in an hour from any addresses, then the code itself is refused.
    for (let i = 0; i < 10; i++) expect((await lookup(t, code, {}, nextAddr())).statusCode).toBe(200);
    const perCode = await lookup(t, code, {}, nextAddr());
    expect(perCode.statusCode).toBe(429);
    expect(perCode.json().message).toBe('该查询码的查询过于频繁，请一小时后再试');
    expect(Number(perCode.headers['retry-after'])).toBeGreaterThan(0);
    expect((await postMessage(t, code, '我再补充一点情况', {}, nextAddr())).statusCode).toBe(429);
    t.clock.advanceMinutes(61);
    expect((await lookup(t, code, {}, nextAddr())).statusCode).toBe(200);
    // The buckets are keyed by hashes: neither an address nor the code is in them.
    const keys = JSON.stringify(await queryRows(t.ctx.db, sql`SELECT key FROM rate_limit_bucket`));
    expect(keys).not.toContain(guesser);
    expect(keys).not.toContain('198.51.100.');
    expect(keys).not.toContain(code.replaceAll('-', ''));
  });

  it('throttles filing per client', async () => {
    const client = nextAddr();
    for (let i = 0; i < 10; i++) expect((await postTip(t, { ...ANON_TIP, content: '' }, [], {}, client)).statusCode).toBe(400);
    const res = await postTip(t, ANON_TIP, [], {}, client);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(MIHE).toBe(ANON_TIP.regionCode);
  });
});
