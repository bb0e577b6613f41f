import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { newUscc, preview, TEMPLATE_HEADER } from './survey-import-fixtures.ts';

const EVIL = '=HYPERLINK("http://evil.example/steal","点我查看")';

async function exported(t: TestApp, cookie: string, query = '') {
  const res = await t.request({ method: 'GET', url: `/api/v1/enterprises/export.xlsx${query}`, cookie });
  if (res.statusCode !== 200) return { res, ws: null, rows: [] as ExcelJS.Row[] };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const ws = wb.worksheets[0]!;
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((r, n) => {
    if (n > 3) rows.push(r);
  });
  return { res, ws, rows };
}

const text = (r: ExcelJS.Row, col: number) => String(r.getCell(col).value ?? '');

describe('enterprise export as a survey form', () => {
  let t: TestApp;
  let xy: string;
  let evilUscc: string;
  beforeAll(async () => {
    t = await createTestApp();
    xy = await t.login('xy-office');
    // A name someone typed to attack whoever opens the export in a spreadsheet.
    evilUscc = newUscc();
    const now = new Date();
    const [e] = await queryRows<{ id: number }>(
      t.ctx.db,
      sql`INSERT INTO enterprise (uscc, name, region_code, province_code, prefecture_code, county_code, township_code, industry_code,
                                  criteria_mask, line_count, created_at, updated_at)
          VALUES (${evilUscc}, ${EVIL}, '410182101', '410000', '410100', '410182', '410182101', 'cement', 16, 1, ${now}, ${now}) RETURNING id`,
    );
    await t.ctx.db.execute(sql`INSERT INTO line (enterprise_id, name, specification, capacity, capacity_unit, industry_code, criterion, basis_text, created_at, updated_at)
                               VALUES (${e!.id}, '-1号窑', '+Φ3m', 5, 'wan_t', 'cement', 'technology', '@地方标准', ${now}, ${now})`);
  });
  afterAll(() => t.close());

  it("streams the actor's lines only, one row per line, in the survey-form layout", async () => {
    const { res, ws, rows } = await exported(t, xy);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('落后产能排查登记表-')}`);
    expect(ws!.getCell('A1').value).toBe('郑州市（荥阳市）2026年落后产能排查登记表');
    expect((ws!.getRow(3).values as unknown[]).slice(1)).toEqual(TEMPLATE_HEADER);

    const expected = await queryRows<{ uscc: string; n: number }>(
      t.ctx.db,
      sql`SELECT e.uscc, count(*)::int AS n FROM enterprise e JOIN line l ON l.enterprise_id = e.id WHERE e.county_code = '410182' GROUP BY e.uscc`,
    );
    expect(rows.length).toBe(expected.reduce((n, r) => n + r.n, 0));
    const usccs = new Set(rows.map((r) => text(r, 4)));
    expect([...usccs].sort()).toEqual(expected.map((r) => r.uscc).sort());
    // Nothing of 巩义 (or anywhere else outside 荥阳).
    expect(rows.every((r) => text(r, 2).startsWith('410182'))).toBe(true);
    const gyNames = await queryRows<{ uscc: string }>(t.ctx.db, sql`SELECT uscc FROM enterprise WHERE county_code = '410181'`);
    expect(gyNames.some((g) => usccs.has(g.uscc))).toBe(false);
    expect(rows.map((r) => Number(r.getCell(1).value))).toEqual(rows.map((_, i) => i + 1));
  });

  it('writes a name like =HYPERLINK(...) as text, never as a formula', async () => {
    const { ws, rows } = await exported(t, xy);
    const evil = rows.find((r) => text(r, 4) === evilUscc)!;
    expect(evil.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(evil.getCell(3).value).toBe(`'${EVIL}`);
    expect(evil.getCell(6).value).toBe("'-1号窑");
    expect(evil.getCell(7).value).toBe("'+Φ3m");
    expect(evil.getCell(12).value).toBe("'@地方标准");
    let formulas = 0;
    ws!.eachRow((r) =>
      r.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    );
    expect(formulas).toBe(0);
  });

  it('applies the list filters', async () => {
    const env = await exported(t, xy, '?criterion=environment');
    const [envLines] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`SELECT count(*)::int AS n FROM line l JOIN enterprise e ON e.id = l.enterprise_id WHERE e.county_code = '410182' AND l.criterion = 'environment'`,
    );
    expect(envLines!.n).toBeGreaterThan(0);
    expect(env.rows.length).toBe(envLines!.n);
    expect(env.rows.every((r) => text(r, 11) === '环保')).toBe(true);

    const cement = await exported(t, xy, '?industry=cement&region=410182101');
    const [cementLines] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`SELECT count(*)::int AS n FROM line l JOIN enterprise e ON e.id = l.enterprise_id WHERE e.township_code = '410182101' AND e.industry_code = 'cement'`,
    );
    expect(cementLines!.n).toBeGreaterThan(0);
    expect(cement.rows.length).toBe(cementLines!.n);
    expect(cement.rows.every((r) => text(r, 2) === '410182101' && text(r, 5) === '水泥')).toBe(true);

    const named = await exported(t, xy, `?q=${encodeURIComponent(evilUscc)}`);
    expect(named.rows.map((r) => text(r, 4))).toEqual([evilUscc]);
  });

  it('answers a region outside the scope like a missing one, and needs the export ability', async () => {
    const out = await exported(t, xy, '?region=410181');
    expect(out.res.statusCode).toBe(404);
    expect(out.res.json().message).toContain('不存在或无权访问');
    const ent = await t.login('gy-ent');
    expect((await exported(t, ent)).res.statusCode).toBe(403);
    const leader = await exported(t, await t.login('gy-leader'));
    expect(leader.res.statusCode).toBe(200);
    expect(leader.rows.length).toBeGreaterThan(0);
    expect(leader.rows.every((r) => text(r, 2).startsWith('410181') || text(r, 2).startsWith('P'))).toBe(true);
  });

  it('can be imported again: every row (the neutralised one too) matches its registered enterprise', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/enterprises/export.xlsx?region=410182101', cookie: xy });
    const file = res.rawPayload;
    const p = (await preview(t, xy, file, '导出.xlsx')).json();
    const [n] = await queryRows<{ e: number; l: number }>(
      t.ctx.db,
      sql`SELECT count(DISTINCT e.id)::int AS e, count(*)::int AS l FROM enterprise e JOIN line l ON l.enterprise_id = e.id WHERE e.township_code = '410182101'`,
    );
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ rowCount: n!.l, lineCount: n!.l, enterpriseCount: n!.e, newEnterpriseCount: 0 });
  });
});
