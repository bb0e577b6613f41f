import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import sharp from 'sharp';
import { exifJpeg } from './photo-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { ANON_TIP, lookup, pdfWithMetadata, postMessage, postTip } from './tip-fixtures.ts';

/**
 * Issue 13 "What is never kept": every public action is made with a distinctive address, User-Agent and Referer; then
 * the whole database, the request log and the stored files are searched for them, for the receipt codes, the real
 * name, phone and ID number, and for the photo's EXIF and the PDF's author/XMP. Zero hits.
 */
const ADDRESS = '203.0.113.77';
const UA = 'TaotaiProbe/9.9 (needle-ua)';
const REFERER = 'https://needle-referer.example/';
// A browser on the site sends its Origin with a POST (the CSRF check wants it) and the Referer it was given.
const HEADERS = { 'x-forwarded-for': ADDRESS, 'user-agent': UA, referer: REFERER, origin: 'http://localhost' };
const IDENTITY = { realName: '柴可夫斯基', phone: '13987654321', idNumber: '11010519491231002X' };

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

describe('public tips keep nothing about the client (issue 13)', () => {
  let t: TestApp;
  let log = '';
  const codes: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, cb) {
        log += chunk.toString();
        cb();
      },
    });
    // TRUST_PROXY on: the app does see 203.0.113.77 as the client (req.ip), so "not kept" is tested, not "not seen".
    t = await createTestApp({ trustProxy: true, logger: sink });
  });
  afterAll(() => t.close());

  it('files, looks up, writes and objects with a distinctive address, UA and referer', async () => {
    const photo = exifJpeg({ gps: { lat: 34.7512, lng: 113.0235 }, takenAt: '2026-02-28T21:14:00', tag: 'needle-exif' });
    expect(photo.toString('latin1')).toContain('needle-exif');
    const pdf = await pdfWithMetadata('needle-pdf');
    expect(pdf.toString('latin1')).toContain('needle-pdf-author');
    expect(pdf.toString('latin1')).toContain('needle-pdf-xmp');

    const anon = await postTip(t, ANON_TIP, [{ name: 'IMG_needle-name.jpg', bytes: photo }, { name: 'needle-name.pdf', bytes: pdf }], HEADERS);
    expect(anon.statusCode, anon.body).toBe(201);
    const named = await postTip(t, { ...ANON_TIP, ...IDENTITY }, [{ name: 'needle-name.jpg', bytes: photo }], HEADERS);
    expect(named.statusCode, named.body).toBe(201);
    codes.push(anon.json().receiptCode, named.json().receiptCode);
    for (const code of codes) {
      expect((await lookup(t, code, HEADERS)).statusCode).toBe(200);
      expect((await postMessage(t, code, '补充说明：晚上十点以后开工', HEADERS)).statusCode).toBe(201);
    }
    expect((await lookup(t, 'ABCD-EFGH-JKMN-PQRS-TUVW', HEADERS)).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/public/tip-results?regionCode=410181', headers: HEADERS })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/public/enterprise-names?q=${encodeURIComponent('巩义')}`, headers: HEADERS })).statusCode).toBe(200);

    // An objection to an open 公示 (the test's own published notice), and its look-up.
    const now = t.clock.now();
    const [a] = await queryRows<{ id: number }>(
      t.ctx.db,
      sql`INSERT INTO announcement (region_code, year, kind, form, notice_working_days, title, body, status, built_at, publish_date, notice_end_date, created_at, updated_at)
          VALUES ('410181', 2026, 'plan_list', 'public_notice', 5, '元数据测试公示', '正文', 'published', ${now}, '2026-03-02', '2026-03-09', ${now}, ${now}) RETURNING id`,
    );
    const objection = await t.request({ method: 'POST', url: `/api/v1/public/announcements/${a!.id}/objections`, payload: { content: '名单中企业的产能数据有误', phone: '13700001111' }, headers: HEADERS });
    expect(objection.statusCode, objection.body).toBe(201);
    const receipt = objection.json().receiptCode;
    expect((await t.request({ method: 'GET', url: `/api/v1/public/objections?code=${receipt}&phone=13700001111`, headers: HEADERS })).statusCode).toBe(200);
  });

  it('has none of it in any table, the request log or the stored files', async () => {
    const needles = [
      ADDRESS,
      'needle-ua',
      'TaotaiProbe',
      'needle-referer',
      ...codes,
      ...codes.map((c) => c.replaceAll('-', '')),
      IDENTITY.realName,
      IDENTITY.phone,
      IDENTITY.idNumber,
      '13700001111',
      'needle-exif',
      'needle-pdf',
      'needle-name',
    ];
    const tables = await queryRows<{ table_name: string }>(
      t.ctx.db,
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(['tip', 'tip_message', 'tip_file', 'stored_file', 'audit_log', 'rate_limit_bucket', 'announcement_objection']));
    const hits: string[] = [];
    for (const { table_name } of tables) {
      const rows = await queryRows<{ j: string }>(t.ctx.db, sql.raw(`SELECT row_to_json(x)::text AS j FROM "${table_name}" x`));
      const text = rows.map((r) => r.j).join('\n');
      for (const n of needles) if (text.includes(n)) hits.push(`${table_name}: ${n}`);
    }
    expect(hits).toEqual([]);

    // The log was written (and holds the public requests by path only).
    expect(log).toContain('"url":"/api/v1/public/tips"');
    expect(log).toContain('"url":"/api/v1/public/objections"');
    expect(log).toContain('"url":"/api/v1/public/enterprise-names"');
    expect(log).toContain('"statusCode":201');
    for (const n of needles) expect(log.includes(n), `log contains ${n}`).toBe(false);
    expect(log).not.toContain('remoteAddress');
    expect(log).not.toContain('remotePort');

    // Stored files: only stripped copies, renamed, uploaded by nobody; no original and nothing left in the spool.
    const stored = await queryRows<{ original_name: string; uploaded_by: number | null; sha256: string; mime: string }>(
      t.ctx.db,
      sql`SELECT f.original_name, f.uploaded_by, f.sha256, f.mime FROM stored_file f JOIN tip_file tf ON tf.stored_file_id = f.id ORDER BY f.id`,
    );
    expect(stored.map((s) => s.original_name)).toEqual(['举报附件1.jpg', '举报附件2.pdf', '举报附件1.jpg']);
    expect(stored.every((s) => s.uploaded_by === null)).toBe(true);
    const store = path.join(t.ctx.config.dataDir, 'files');
    const blobs = (await filesUnder(store)).filter((f) => !path.relative(store, f).startsWith(`tmp${path.sep}`));
    expect(await filesUnder(path.join(t.ctx.config.dataDir, 'files', 'tmp'))).toEqual([]);
    expect(blobs.map((b) => path.basename(b)).sort()).toEqual([...new Set(stored.map((s) => s.sha256))].sort());
    for (const b of blobs) {
      const bytes = await readFile(b);
      const text = bytes.toString('latin1');
      for (const n of needles) expect(text.includes(n), `${path.basename(b)} contains ${n}`).toBe(false);
      expect(text).not.toContain('Exif\0\0');
      expect(text).not.toContain('/Metadata');
      if (text.startsWith('%PDF-')) expect(text).not.toMatch(/\/(Author|Creator|Producer)\b/);
      else {
        const m = await sharp(bytes).metadata();
        expect({ exif: !!m.exif, xmp: !!m.xmp, comments: (m.comments ?? []).length }).toEqual({ exif: false, xmp: false, comments: 0 });
      }
    }
  });
});
