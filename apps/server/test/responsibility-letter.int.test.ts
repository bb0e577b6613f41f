import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from './survey-import-fixtures.ts';
import { byHeader, readExport } from './support/list-export.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { allocate, call, cementChain, YEAR } from './target-fixtures.ts';

/** A one-page PDF as a scanner writes it (header, objects, xref, trailer). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n' +
    'xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n' +
    'trailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n',
  'latin1',
);
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

describe('responsibility letters: drafted from the decomposition, downloaded as .docx, signed with a scan', () => {
  let t: TestApp;
  let chain: Awaited<ReturnType<typeof cementChain>>;
  let cityLetter: { id: number; version: number } & Record<string, unknown>;
  const upload = (cookie: string, id: number, file: Buffer, name: string) =>
    t.request({ method: 'POST', url: `/api/v1/responsibility-letters/${id}/signed-scan`, cookie, ...multipart(file, name) });

  beforeAll(async () => {
    t = await createTestApp();
    chain = await cementChain(t);
  });
  afterAll(() => t.close());

  it('is drafted by 郑州’s office with 巩义 from the targets 郑州 decomposed to it', async () => {
    cityLetter = await call(t, chain.zz, { method: 'POST', url: '/api/v1/responsibility-letters', payload: { year: YEAR, partyBRegionCode: '410181', signDeadline: '2026-04-30' } }, 201);
    expect(cityLetter).toMatchObject({
      status: 'drafted',
      title: '2026年淘汰落后产能目标责任书',
      partyA: { kind: 'region', regionCode: '410100', name: '郑州市人民政府' },
      partyB: { kind: 'region', regionCode: '410181', name: '巩义市人民政府' },
      rows: [{ industryName: '水泥', quantity: 900, unitName: '万吨', enterpriseCount: 5, deadline: '2026-12-31' }],
      abilities: { update: true, delete: true, sign: true },
      availableEvents: ['sign'],
    });
    expect(cityLetter.obligations).toContain('12月15日前以政府文件形式报送甲方');
    const dup = await t.request({ method: 'POST', url: '/api/v1/responsibility-letters', cookie: chain.zz, payload: { year: YEAR, partyBRegionCode: '410181' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toBe('郑州市与巩义市人民政府的2026年目标责任书已存在');
    const none = await t.request({ method: 'POST', url: '/api/v1/responsibility-letters', cookie: chain.zz, payload: { year: YEAR, partyBRegionCode: '410102' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toBe('中原区没有由郑州市分解下达的2026年目标任务，不能生成责任书');
    const asCounty = await t.request({ method: 'POST', url: '/api/v1/responsibility-letters', cookie: chain.gy, payload: { year: YEAR, partyARegionCode: '410100', partyBRegionCode: '410181' } });
    expect(asCounty.statusCode).toBe(404); // 郑州 is above 巩义's scope
    const leader = await t.login('gy-leader');
    const byLeader = await t.request({ method: 'POST', url: '/api/v1/responsibility-letters', cookie: leader, payload: { year: YEAR, partyBEnterpriseId: chain.ent.id } });
    expect(byLeader.statusCode).toBe(403);
  });

  it('is generated as a .docx naming the parties, the 水泥 row, the quantity and 万吨', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/responsibility-letters/${cityLetter.id}/document.docx`, cookie: chain.gy });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('2026年淘汰落后产能目标责任书（郑州市人民政府—巩义市人民政府）.docx');
    const text = await docxText(res.rawPayload);
    expect(text).toContain('甲方：郑州市人民政府');
    expect(text).toContain('乙方：巩义市人民政府');
    // The table row: 序号, 行业, 产能, 单位, 企业数, 完成时限.
    expect(text).toContain('1水泥900万吨52026年12月31日');
    expect(text).toContain('本责任书应于2026年4月30日前签订');
    expect(text).toContain('甲方（盖章）：');
    expect(text).toContain('乙方（盖章）：');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('is drafted by 巩义 with a named enterprise from its named lines', async () => {
    const letter = await call(t, chain.gy, { method: 'POST', url: '/api/v1/responsibility-letters', payload: { year: YEAR, partyBEnterpriseId: chain.ent.id } }, 201);
    expect(letter.partyB).toMatchObject({ kind: 'enterprise', enterpriseId: chain.ent.id, name: '巩义市示范水泥有限公司', uscc: chain.ent.uscc });
    expect(letter.rows).toEqual([expect.objectContaining({ industryName: '水泥', quantity: 4199.6, unitName: '万吨', enterpriseCount: 1, deadline: '2026-10-31' })]);
    expect(letter.lines.map((l: { lineName: string }) => l.lineName)).toEqual(['1号机立窑', '2号机立窑', '3号水泥磨']);
    const text = await docxText((await t.request({ method: 'GET', url: `/api/v1/responsibility-letters/${letter.id}/document.docx`, cookie: chain.gy })).rawPayload);
    expect(text).toContain('乙方：巩义市示范水泥有限公司（统一社会信用代码：');
    expect(text).toContain('1水泥4199.6万吨12026年10月31日');
    expect(text).toContain('法定代表人（签字）：');
    // The city office cannot draft for a county's enterprise: 甲方 would have to be 巩义.
    const byCity = await t.request({ method: 'POST', url: '/api/v1/responsibility-letters', cookie: chain.zz, payload: { year: YEAR, partyBEnterpriseId: chain.ent.id } });
    expect(byCity.statusCode).toBe(404);
  });

  it('keeps scope: 荥阳 and another enterprise see neither letter', async () => {
    const xy = await t.login('xy-office');
    expect((await t.request({ method: 'GET', url: `/api/v1/responsibility-letters/${cityLetter.id}`, cookie: xy })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/responsibility-letters/${cityLetter.id}/document.docx`, cookie: xy })).statusCode).toBe(404);
    expect((await call(t, xy, { method: 'GET', url: `/api/v1/responsibility-letters?year=${YEAR}&withTotal=true` })).total).toBe(0);
    const ent = await t.login('gy-ent');
    expect((await call(t, ent, { method: 'GET', url: '/api/v1/responsibility-letters' })).items).toEqual([]);
    const gyList = await call(t, chain.gy, { method: 'GET', url: `/api/v1/responsibility-letters?year=${YEAR}` });
    expect(gyList.items).toHaveLength(2);
  });

  it('pages by number and by cursor, sorts by the letter number only, and exports the filtered set (issue 11)', async () => {
    const url = (q: string) => `/api/v1/responsibility-letters?year=${YEAR}&${q}`;
    const asc = await call(t, chain.gy, { method: 'GET', url: url('sort=id&pageSize=1&withTotal=true') });
    expect(asc).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    const second = await call(t, chain.gy, { method: 'GET', url: url('sort=id&pageSize=1&page=2') });
    const byCursor = await call(t, chain.gy, { method: 'GET', url: url(`sort=id&pageSize=1&cursor=${asc.nextCursor}`) });
    expect(byCursor.items).toEqual(second.items);
    expect(second.nextCursor).toBeNull();
    const ids = [asc.items[0].id, second.items[0].id];
    expect(ids[0]).toBeLessThan(ids[1]);
    const desc = await call(t, chain.gy, { method: 'GET', url: url('pageSize=5') });
    expect(desc.items.map((l: { id: number }) => l.id)).toEqual([ids[1], ids[0]]); // newest first by default
    const bad = await t.request({ method: 'GET', url: url('sort=title'), cookie: chain.gy });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('本列表只能按编号排序');

    const x = await readExport(t, chain.gy, `/api/v1/responsibility-letters/export.xlsx?year=${YEAR}`);
    expect(x.status).toBe(200);
    expect(decodeURIComponent(x.disposition)).toContain('目标责任书-');
    expect(x.autoFilter).toBeTruthy();
    const rows = byHeader(x);
    expect(rows.map((r) => r.编号)).toEqual([ids[1], ids[0]]);
    const city = rows.find((r) => r.编号 === cityLetter.id)!;
    expect(city).toMatchObject({ 年度: YEAR, 甲方区划代码: '410100', 甲方: '郑州市人民政府', 乙方代码: '410181', 乙方: '巩义市人民政府', 状态: '待签订', 签订时间: null });
    expect(city.更新时间).toBeInstanceOf(Date);
    const own = rows.find((r) => r.编号 !== cityLetter.id)!;
    expect(own).toMatchObject({ 甲方: '巩义市人民政府', 乙方代码: chain.ent.uscc, 乙方: '巩义市示范水泥有限公司' });
    // The filters narrow the file exactly as they narrow the list; scope applies (a foreign region is 404).
    expect(byHeader(await readExport(t, chain.gy, `/api/v1/responsibility-letters/export.xlsx?year=${YEAR + 1}`))).toEqual([]);
    const xy = await t.login('xy-office');
    expect((await readExport(t, xy, `/api/v1/responsibility-letters/export.xlsx?year=${YEAR}`)).rows).toEqual([]);
    expect((await readExport(t, xy, '/api/v1/responsibility-letters/export.xlsx?region=410181')).status).toBe(404);
  });

  it('refreshes its table from the current decomposition when edited', async () => {
    await allocate(t, chain.zz, chain.zzTargetId, [
      { regionCode: '410181', quantity: 950, enterpriseCount: 5 },
      { regionCode: '410182', quantity: 550, enterpriseCount: 3 },
    ]);
    const edited = await call(t, chain.zz, {
      method: 'PUT',
      url: `/api/v1/responsibility-letters/${cityLetter.id}`,
      payload: { version: cityLetter.version, obligations: '乙方应按期完成目标任务。\n甲方负责考核。', signDeadline: null },
    });
    expect(edited.rows[0].quantity).toBe(950);
    expect(edited.version).toBe(cityLetter.version + 1);
    const stale = await t.request({ method: 'PUT', url: `/api/v1/responsibility-letters/${cityLetter.id}`, cookie: chain.zz, payload: { version: cityLetter.version, obligations: 'x' } });
    expect(stale.statusCode).toBe(409);
    cityLetter = edited;
  });

  it('refuses a scan whose content is not PDF/JPEG/PNG or does not match its name, and one over 20 MB', async () => {
    let res = await upload(chain.gy, cityLetter.id, PNG, '责任书.pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('文件“责任书.pdf”的扩展名表明是PDF文件，但内容是PNG图片，请确认上传的是正确的文件');
    res = await upload(chain.gy, cityLetter.id, Buffer.from('这不是PDF，只是改了扩展名的文本'), '责任书.pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('应为PDF文件、JPEG图片、PNG图片；文件“责任书.pdf”的内容不是其中任何一种');
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length)]);
    res = await upload(chain.gy, cityLetter.id, big, '责任书.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('不能超过20MB');
    const leader = await t.login('gy-leader');
    expect((await upload(leader, cityLetter.id, PDF, '责任书.pdf')).statusCode).toBe(403);
    const xy = await t.login('xy-office');
    expect((await upload(xy, cityLetter.id, PDF, '责任书.pdf')).statusCode).toBe(404);
    expect((await call(t, chain.zz, { method: 'GET', url: `/api/v1/responsibility-letters/${cityLetter.id}` })).status).toBe('drafted');
  });

  it('accepts a real PDF, keeps it unchanged with its sha256, and is signed from then on', async () => {
    const res = await upload(chain.gy, cityLetter.id, PDF, '郑州-巩义责任书（签字盖章）.pdf');
    expect(res.statusCode, res.body).toBe(200);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(res.json()).toMatchObject({
      status: 'signed',
      signedFile: { fileName: '郑州-巩义责任书（签字盖章）.pdf', mime: 'application/pdf', size: PDF.length, sha256 },
      abilities: { update: false, delete: false, sign: false },
      availableEvents: [],
    });
    // The signing is the letter's lifecycle step: one history row, by 乙方's office, with the scan's hash.
    const history = await call(t, chain.zz, { method: 'GET', url: `/api/v1/responsibility-letters/${cityLetter.id}/history` });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ event: 'sign', fromLabel: '待签订', toLabel: '已签订', payload: { file: { sha256 } } });
    const back = await t.request({ method: 'GET', url: `/api/v1/responsibility-letters/${cityLetter.id}/signed-scan`, cookie: chain.zz });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(back.rawPayload, PDF)).toBe(0);

    const again = await upload(chain.zz, cityLetter.id, PDF, 'again.pdf');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('责任书当前为“已签订”，不能签订');
    const edit = await t.request({ method: 'PUT', url: `/api/v1/responsibility-letters/${cityLetter.id}`, cookie: chain.zz, payload: { version: res.json().version, obligations: 'x' } });
    expect(edit.statusCode).toBe(409);
    const del = await t.request({ method: 'DELETE', url: `/api/v1/responsibility-letters/${cityLetter.id}?version=${res.json().version}`, cookie: chain.zz });
    expect(del.statusCode).toBe(409);

    const admin = await t.login('admin');
    const log = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=responsibility_letter&entityId=${cityLetter.id}&action=responsibility_letter.sign` });
    expect(log.items).toHaveLength(1);
    expect(log.items[0].after.file).toMatchObject({ sha256, mime: 'application/pdf' });
  });
});
