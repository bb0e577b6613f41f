import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { UNIT_NOTE } from '../src/modules/survey-import/survey-form-layout.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { commit, counts, FIXTURE, formRow, formXlsx, newUscc, preview, sha256, TEMPLATE_HEADER } from './survey-import-fixtures.ts';


/** A row message as the preview gives it: 序号, sheet row and enterprise name before the text (issue 10 §3). */
const rowMessage = (seq: number | string, row: number, text: string) =>
  expect.stringMatching(new RegExp(`^序号${seq}（第${row}行，.+）：${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));

describe('survey form: template, preview and commit', () => {
  let t: TestApp;
  let xy: string;
  let gy: string;
  beforeAll(async () => {
    t = await createTestApp();
    xy = await t.login('xy-office');
    gy = await t.login('gy-office');
  });
  afterAll(() => t.close());

  it('serves a template titled for the region and year, with the unit note, header and drop-downs', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/survey-imports/template.xlsx', cookie: xy });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('郑州市（荥阳市）2026年落后产能排查登记表');
    expect(ws.getCell('A2').value).toBe(UNIT_NOTE);
    expect((ws.model as any).merges).toEqual(expect.arrayContaining(['A1:N1', 'A2:N2']));
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(TEMPLATE_HEADER);
    // 行业 (E), 产能单位 (J), 不达标类别 (K) offer lists from the hidden sheet.
    const dv = (addr: string) => (ws as any).dataValidations.find(addr);
    expect(dv('E4')?.type).toBe('list');
    expect(dv('J500')?.formulae[0]).toContain('选项');
    expect(dv('K4')?.type).toBe('list');
    const lists = wb.getWorksheet('选项')!;
    expect(lists.state).toBe('hidden');
    const col = (c: string) => (lists.getColumn(c).values as unknown[]).slice(2);
    expect(col('A')).toContain('平板玻璃');
    expect(col('B')).toEqual(expect.arrayContaining(['万吨', '万重量箱', '万标张', '万米', '万千瓦']));
    expect(col('C')).toEqual(['能耗', '环保', '质量', '安全', '技术']);
    expect(col('D')).toContain('乔楼镇');
  });

  it('documents its routes in the OpenAPI description', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/v1/survey-imports/template.xlsx', '/api/v1/survey-imports/preview', '/api/v1/survey-imports/commit', '/api/v1/enterprises/export.xlsx']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('refuses the template download without the import ability', async () => {
    const ent = await t.login('gy-ent');
    const res = await t.request({ method: 'GET', url: '/api/v1/survey-imports/template.xlsx', cookie: ent });
    expect(res.statusCode).toBe(403);
  });

  it('gives 巩义 per-row scope errors for the 荥阳 sample and writes nothing', async () => {
    const before = await counts(t);
    const res = await preview(t, gy, await readFile(FIXTURE), 'survey-form-sample.xlsx');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.token).toBeNull();
    expect(p.rowCount).toBe(3);
    // Region names are public: each row says where its town lies, outside 巩义 (issue 10 §3).
    expect(p.errors).toEqual([4, 5, 6].map((row, i) => ({
      row,
      column: '所在乡镇（街道）',
      message: expect.stringMatching(new RegExp(`^序号\\d+（第${row}行，.+）：“${['410182101', '410182102', '410182103'][i]}”（.+）属于荥阳市，不在本单位管辖范围内$`)),
    })));
    expect(p.errorCount).toBe(3);
    expect(await counts(t)).toEqual(before);
  });

  it('previews the sample clean for 荥阳 and commits 3 enterprises with 3 lines in one audited import', async () => {
    const file = await readFile(FIXTURE);
    const before = await counts(t);
    const res = await preview(t, xy, file, 'survey-form-sample.xlsx');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      fileName: 'survey-form-sample.xlsx',
      title: '郑州市（荥阳市）2026年落后产能排查登记表',
      rowCount: 3,
      enterpriseCount: 3,
      newEnterpriseCount: 3,
      lineCount: 3,
      errors: [],
      errorCount: 0,
      capacityByUnit: [
        { unit: '万吨', total: 7.5 },
        { unit: '万重量箱', total: 45 },
      ],
    });
    expect(p.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Preview writes nothing.
    expect(await counts(t)).toEqual(before);

    const c = await commit(t, xy, p.token);
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({ enterprisesCreated: 3, enterprisesMatched: 0, linesCreated: 3 });
    const after = await counts(t);
    expect(after).toEqual({ e: before.e + 3, l: before.l + 3, s: before.s + 1, a: before.a + 1 });

    const rows = await queryRows<Record<string, unknown>>(
      t.ctx.db,
      sql`SELECT e.uscc, e.name, e.region_code, e.county_code, e.township_code, e.industry_code, e.line_count, e.criteria_mask,
                 l.capacity::text AS capacity, l.capacity_unit, l.criterion, l.planned_exit_date::text AS planned, l.basis_text, l.specification
            FROM enterprise e JOIN line l ON l.enterprise_id = e.id
           WHERE e.uscc IN ('91410182MA9YB1C2DK', '91410182MA9YB2E3FD', '91410182MA9YB3G4H7') ORDER BY e.uscc`,
    );
    expect(rows).toEqual([
      expect.objectContaining({ name: '荥阳市示例建材有限公司', township_code: '410182101', county_code: '410182', industry_code: 'cement', line_count: 1, criteria_mask: 16, capacity: '6.0000', capacity_unit: 'wan_t', criterion: 'technology', planned: '2026-09-30', specification: 'Φ2.5×10m' }),
      expect.objectContaining({ name: '荥阳市示例玻璃有限公司', township_code: '410182102', industry_code: 'flat_glass', criteria_mask: 16, capacity: '45.0000', capacity_unit: 'wan_weight_box', planned: '2026-10-31' }),
      expect.objectContaining({ name: '荥阳市示例纸业有限公司', township_code: '410182103', industry_code: 'paper', criteria_mask: 2, capacity: '1.5000', criterion: 'environment', planned: '2026-09-30', basis_text: '产业结构调整指导目录（2019年本）淘汰类' }),
    ]);

    const [imp] = await queryRows<Record<string, unknown>>(t.ctx.db, sql`SELECT * FROM survey_import ORDER BY id DESC LIMIT 1`);
    expect(imp).toMatchObject({ file_name: 'survey-form-sample.xlsx', file_sha256: sha256(file), region_code: '410182', row_count: 3, enterprises_created: 3, lines_created: 3 });
    const [audit] = await queryRows<{ action: string; entity_id: string; after: any }>(
      t.ctx.db,
      sql`SELECT action, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit!.action).toBe('survey_import.commit');
    expect(audit!.entity_id).toBe(String(imp!.id));
    expect(audit!.after.fileSha256).toBe(sha256(file));
    const ids = await queryRows<{ id: number }>(t.ctx.db, sql`SELECT id FROM enterprise WHERE uscc LIKE '91410182MA9YB%' ORDER BY id`);
    const covered = (ranges: [number, number][], id: number) => ranges.some(([a, b]) => id >= a && id <= b);
    for (const { id } of ids) expect(covered(audit!.after.createdEnterpriseIds, Number(id))).toBe(true);
    expect(audit!.after.createdLineIds.reduce((n: number, [a, b]: number[]) => n + b - a + 1, 0)).toBe(3);

    // A used token cannot be committed again.
    const again = await commit(t, xy, p.token);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已导入');
    expect(await counts(t)).toEqual(after);
  });

  it('lists exactly the bad rows with their columns in Chinese, gives no token and writes nothing', async () => {
    const bad = newUscc();
    const wrongCheck = bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0');
    const file = await formXlsx([
      formRow({ seq: 1 }),
      formRow({ seq: 2, uscc: wrongCheck }),
      formRow({ seq: 3, industry: '平板玻璃', unit: '万吨' }),
      formRow({ seq: 4, capacity: -5 }),
      formRow({ seq: 5, town: '410181100' }),
      formRow({ seq: 6 }),
    ]);
    const before = await counts(t);
    const res = await preview(t, xy, file);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.token).toBeNull();
    expect(p.errors).toEqual([
      { row: 5, column: '统一社会信用代码', message: rowMessage(2, 5, `统一社会信用代码校验位错误：第18位应为“${bad[17]}”，实际为“${wrongCheck[17]}”`) },
      { row: 6, column: '产能单位', message: rowMessage(3, 6, '行业“平板玻璃”的产能单位应为“万重量箱”，不能填写“万吨”') },
      { row: 7, column: '产能', message: rowMessage(4, 7, '产能应大于0，实际为-5') },
      { row: 8, column: '所在乡镇（街道）', message: rowMessage(5, 8, '“410181100”（米河镇）属于巩义市，不在本单位管辖范围内') },
    ]);
    expect(p.errorCount).toBe(4);
    expect(p.rowCount).toBe(6);
    // Only the two clean rows count towards the totals.
    expect(p.lineCount).toBe(2);
    expect(p.capacityByUnit).toEqual([{ unit: '万吨', total: 12 }]);
    expect(await counts(t)).toEqual(before);
    // Without a token there is nothing to commit; a made-up one is as good as absent.
    const c = await commit(t, xy, 'A'.repeat(32));
    expect(c.statusCode).toBe(404);
    expect(await counts(t)).toEqual(before);
  });

  it('reads a hand-made form: renamed, reordered, full-width headers, towns by name, dates of every kind, blank and total rows', async () => {
    const header = ['序号', '企业名称', '信用代码', '所在地区', '行　业', '设备名称', '规格', '数量（台／套）', '产　能', '单位', '不达标类别', '判定依据', '计划淘汰时间', '备注'];
    const u1 = newUscc();
    const u2 = newUscc();
    const name1 = '荥阳市"新{兴}\\建材"(集团)有限公司';
    const row = (o: unknown[]) => o;
    const file = await formXlsx(
      [
        row([1, name1, u1, '乔楼镇', '水泥', '1号机立窑', 'Φ3×11m', '２', '１２.５', '万吨/年', '技术（工艺装备）', '水泥机立窑、干法中空窑、立波尔窑、湿法窑', new Date(Date.UTC(2026, 8, 30)), '']),
        [],
        row([2, name1, u1, '荥阳市乔楼镇', '水泥', '2号水泥磨', 'Φ2.2m', 1, '3', '万吨', '能耗', '水泥单位产品能源消耗限额', '2026年10月31日', '=1+1']),
        row([3, '荥阳市导入测试印染有限公司', u2, '410182102', '印染', '74型染整生产线', '74型', 1, 800, '万米', '环保', 'GB 4287', 46356, '']),
        row(['合计', '', '', '', '', '', '', '', 815.5, '', '', '', '', '']),
        // Below the 合计 row nothing is read, not even a row that looks like data (issue 10 §3).
        row([4, '荥阳市合计以下不应读取有限公司', newUscc(), '乔楼镇', '水泥', '3号机立窑', 'Φ3×11m', 1, 5, '万吨', '技术', '水泥机立窑、干法中空窑、立波尔窑、湿法窑', '', '']),
      ],
      { header, title: '郑州市（荥阳市）2026年落后产能排查登记表（第二批）' },
    );
    const res = await preview(t, xy, file);
    // Status with the body first: a refusal (not a preview) then says why instead of "errors: undefined".
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({
      fileName: '排查登记表.xlsx',
      rowCount: 3,
      enterpriseCount: 2,
      newEnterpriseCount: 2,
      lineCount: 3,
      title: '郑州市（荥阳市）2026年落后产能排查登记表（第二批）',
    });
    expect(p.capacityByUnit).toEqual([
      { unit: '万米', total: 800 },
      { unit: '万吨', total: 15.5 },
    ]);
    const c = await commit(t, xy, p.token);
    expect(c.json()).toMatchObject({ enterprisesCreated: 2, linesCreated: 3 });
    const lines = await queryRows<Record<string, unknown>>(
      t.ctx.db,
      sql`SELECT e.name, e.township_code, e.line_count, e.criteria_mask, l.quantity, l.capacity::text AS capacity, l.criterion,
                 l.planned_exit_date::text AS planned, l.basis_item_id, l.note
            FROM enterprise e JOIN line l ON l.enterprise_id = e.id WHERE e.uscc IN (${u1}, ${u2}) ORDER BY l.id`,
    );
    expect(lines).toEqual([
      // Brackets in a company name become the full-width ones of official names; quotes and braces survive.
      expect.objectContaining({ name: '荥阳市"新{兴}\\建材"（集团）有限公司', township_code: '410182101', line_count: 2, criteria_mask: 17, quantity: 2, capacity: '12.5000', criterion: 'technology', planned: '2026-09-30' }),
      expect.objectContaining({ township_code: '410182101', capacity: '3.0000', criterion: 'energy', planned: '2026-10-31', note: '=1+1' }),
      expect.objectContaining({ township_code: '410182102', criteria_mask: 2, capacity: '800.0000', criterion: 'environment', planned: '2026-11-30' }),
    ]);
    // The catalogue item named in the form is linked.
    expect(lines[0]!.basis_item_id).not.toBeNull();
  });

  it('adds lines to an enterprise already registered in scope, and refuses a USCC registered elsewhere or under another name', async () => {
    const [mine] = await queryRows<{ id: number; uscc: string; name: string; line_count: number; criteria_mask: number; industry_code: string }>(
      t.ctx.db,
      sql`SELECT e.id, e.uscc, e.name, e.line_count, e.criteria_mask, e.industry_code FROM enterprise e
           WHERE e.county_code = '410182' AND e.industry_code = 'cement' AND e.criteria_mask & 8 = 0 ORDER BY e.id LIMIT 1`,
    );
    const [theirs] = await queryRows<{ uscc: string; name: string }>(
      t.ctx.db,
      sql`SELECT uscc, name FROM enterprise WHERE county_code = '410181' ORDER BY id LIMIT 1`,
    );
    const matched = formRow({ town: '410182101', name: mine!.name, uscc: mine!.uscc, criterion: '安全', basis: '《中华人民共和国安全生产法》规定的安全生产条件' });
    const file = await formXlsx([
      matched,
      formRow({ seq: 2, name: theirs!.name, uscc: theirs!.uscc }),
      formRow({ seq: 3, name: `${mine!.name}分厂`, uscc: mine!.uscc }),
    ]);
    const p = (await preview(t, xy, file)).json();
    expect(p.errors).toEqual([
      { row: 5, column: '统一社会信用代码', message: rowMessage(2, 5, '该统一社会信用代码已在其他地区登记') },
      { row: 6, column: '企业名称', message: rowMessage(3, 6, `与第4行统一社会信用代码相同，但企业名称不同（第4行为“${mine!.name}”）`) },
      { row: 6, column: '企业名称', message: rowMessage(3, 6, `该统一社会信用代码已登记为“${mine!.name}”，与本行企业名称不一致`) },
    ]);
    // The clean row alone goes in, onto the existing enterprise.
    const ok = (await preview(t, xy, await formXlsx([matched]))).json();
    expect(ok).toMatchObject({ enterpriseCount: 1, newEnterpriseCount: 0, errors: [] });
    const c = (await commit(t, xy, ok.token)).json();
    expect(c).toMatchObject({ enterprisesCreated: 0, enterprisesMatched: 1, linesCreated: 1 });
    const [after] = await queryRows<{ line_count: number; criteria_mask: number; n: number }>(
      t.ctx.db,
      sql`SELECT line_count, criteria_mask, (SELECT count(*)::int FROM line WHERE enterprise_id = ${mine!.id}) AS n FROM enterprise WHERE id = ${mine!.id}`,
    );
    expect(after).toEqual({ line_count: mine!.line_count + 1, criteria_mask: mine!.criteria_mask | 8, n: mine!.line_count + 1 });
  });

  it('resolves town names within the scope only and names the ambiguous ones', async () => {
    const zz = await t.login('zz-office');
    const file = await formXlsx([
      formRow({ town: '新华路街道' }),
      formRow({ seq: 2, town: '巩义市新华路街道', uscc: newUscc('410181') }),
      formRow({ seq: 3, town: '不存在镇' }),
    ]);
    const p = (await preview(t, zz, file)).json();
    expect(p.errors).toHaveLength(2);
    expect(p.errors[0]).toMatchObject({ row: 4, column: '所在乡镇（街道）' });
    expect(p.errors[0].message).toContain('在本辖区内有多个');
    expect(p.errors[0].message).toContain('410181001');
    expect(p.errors[1]).toEqual({ row: 6, column: '所在乡镇（街道）', message: rowMessage(3, 6, '乡镇（街道）“不存在镇”在本辖区内不存在，请检查名称或改填9位乡镇代码') });
    // For 巩义 the same name is unique.
    const g = (await preview(t, gy, await formXlsx([formRow({ town: '新华路街道', uscc: newUscc('410181') })]))).json();
    expect(g.errors).toEqual([]);
  });

  it('checks the content, not the name: a text file or an old .xls named .xlsx is refused', async () => {
    const text = await preview(t, xy, Buffer.from('序号,企业名称\n1,某公司\n'), 'form.xlsx');
    expect(text.statusCode).toBe(400);
    expect(text.json().message).toContain('不是 Excel .xlsx 格式');
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const old = await preview(t, xy, xls, 'form.xlsx');
    expect(old.statusCode).toBe(400);
    expect(old.json().message).toContain('.xls');
    const broken = await preview(t, xy, Buffer.concat([Buffer.from('PK\x03\x04'), randomJunk()]), 'form.xlsx');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toContain('损坏');
    // A zip that is no workbook (e.g. a renamed .docx) is refused the same way.
    const zip = new ExcelJS.Workbook();
    const notSheet = Buffer.from(await zip.xlsx.writeBuffer());
    const noSheets = await preview(t, xy, notSheet, 'form.xlsx');
    expect(noSheets.statusCode).toBe(400);
    const noFile = await t.request({ method: 'POST', url: '/api/v1/survey-imports/preview', cookie: xy, payload: {} });
    expect(noFile.statusCode).toBe(400);
  });

  it('reports a form without its required columns or without a header at all', async () => {
    const missing = await formXlsx([['1', '某公司', newUscc()]], { header: ['序号', '企业名称', '统一社会信用代码', '行业', '产能', '产能单位'] });
    const p = (await preview(t, xy, missing)).json();
    expect(p.token).toBeNull();
    expect(p.errors.map((e: any) => e.message)).toEqual(['缺少“所在乡镇（街道）”列', '缺少“生产线（设备）名称”列', '缺少“不达标类别”列', '缺少“判定依据”列']);
    const noHeader = await formXlsx([], { header: ['说明', '请填写'] });
    const q = (await preview(t, xy, noHeader)).json();
    expect(q.errors[0].message).toContain('未找到表头');
    const empty = (await preview(t, xy, await formXlsx([]))).json();
    expect(empty.errors).toEqual([{ row: 3, column: null, message: '表头下没有填写任何数据' }]);
  });

  it('keeps tokens to their owner and for one hour', async () => {
    const p = (await preview(t, xy, await formXlsx([formRow()]))).json();
    expect(p.token).toBeTruthy();
    // Another user (even one whose scope covers 荥阳) cannot use it: it looks absent.
    const zz = await t.login('zz-office');
    expect((await commit(t, zz, p.token)).statusCode).toBe(404);
    t.clock.advanceMinutes(61);
    const xyAgain = await t.login('xy-office');
    const late = await commit(t, xyAgain, p.token);
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toContain('已过期');
    expect((await commit(t, xyAgain, p.token)).statusCode).toBe(404);
  });
});

function randomJunk(): Buffer {
  return Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251));
}
