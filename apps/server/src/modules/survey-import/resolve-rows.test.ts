import { describe, expect, it } from 'vitest';
import type { RegionRow } from '../region/index.ts';
import { matchHeaderRow } from './header-matcher.ts';
import { type Lookups, resolveRows } from './resolve-rows.ts';
import { parseRow } from './row-parser.ts';
import { SURVEY_FIELDS, SURVEY_HEADERS } from './survey-form-layout.ts';
import { cellText } from './cell-values.ts';

const header = matchHeaderRow(3, SURVEY_FIELDS.map((f) => SURVEY_HEADERS[f]));
const town = (code: string, name: string, county: string): RegionRow => ({
  code,
  name,
  parentCode: county,
  level: 'township',
  directlyAdministered: false,
  provinceCode: '410000',
  prefectureCode: '410100',
  countyCode: county,
  depth: 3,
  fullName: `河南省 / 郑州市 / ${county === '410182' ? '荥阳市' : '巩义市'} / ${name}`,
});
const QIAOLOU = town('410182101', '乔楼镇', '410182');
const MIHE = town('410181100', '米河镇', '410181');
const industry = (code: string, name: string, unitCode: string) => ({ code, name, unitCode, isKey: true, sortOrder: 1 });

const lookups = (existing: Lookups['existing'] = new Map()): Lookups => ({
  catalogue: {
    industries: [industry('cement', '水泥', 'wan_t'), industry('flat_glass', '平板玻璃', 'wan_weight_box')],
    units: [
      { code: 'wan_t', name: '万吨' },
      { code: 'wan_weight_box', name: '万重量箱' },
    ],
    basisItems: [{ id: 7, criterion: 'technology', industryCode: 'cement', title: '水泥机立窑、干法中空窑、立波尔窑、湿法窑', source: '目录', active: true }],
  },
  regionsByCode: new Map([QIAOLOU, MIHE].map((r) => [r.code, r])),
  townsByName: [QIAOLOU],
  existing,
});
const XY = { scope: { column: 'countyCode' as const, code: '410182' } };
const U1 = '91410182MA9YB1C2DK';
const U2 = '91410182MA9YB2E3FD';

function rows(...cells: unknown[][]) {
  const errors: { row: number; column: string | null; message: string }[] = [];
  const parsed = cells.map((values, i) => parseRow(i + 4, values, values.map((v) => cellText(v)), header, errors));
  return { parsed, errors };
}
const r = (o: Partial<Record<string, unknown>>) =>
  SURVEY_FIELDS.map(
    (f) =>
      ({
        seq: 1,
        town: '410182101',
        name: '荥阳市示例建材有限公司',
        uscc: U1,
        industry: '水泥',
        lineName: '机立窑',
        specification: '',
        quantity: 1,
        capacity: 6,
        unit: '万吨',
        criterion: '技术',
        basis: '水泥机立窑、干法中空窑、立波尔窑、湿法窑',
        plannedExitDate: '2026-09-30',
        note: '',
        ...o,
      })[f],
  );

describe('resolving survey rows against lookups', () => {
  it('groups lines by USCC, ORs their criteria and totals capacity per unit only', () => {
    const { parsed, errors } = rows(
      r({}),
      r({ criterion: '环保', capacity: 1.25, basis: '排放标准' }),
      r({ uscc: U2, name: '荥阳市示例玻璃有限公司', industry: '平板玻璃', unit: '万重量箱', capacity: 45, town: '乔楼镇' }),
    );
    expect(errors).toEqual([]);
    const res = resolveRows(XY, header, parsed, lookups());
    expect(res.errors).toEqual([]);
    expect(res.newEnterprises.map((e) => [e.uscc, e.lineCount, e.criteriaMask, e.region.townshipCode])).toEqual([
      [U1, 2, 16 | 2, '410182101'],
      [U2, 1, 16, '410182101'],
    ]);
    expect(res.capacityByUnit).toEqual([
      { unit: '万吨', total: 7.25 },
      { unit: '万重量箱', total: 45 },
    ]);
    // The catalogue item is linked when the form names it.
    expect(res.lines.map((l) => l.basisItemId)).toEqual([7, null, null]);
  });

  it('flags mismatched units, names and scope, and plans nothing from a flagged row', () => {
    const { parsed } = rows(
      r({ industry: '平板玻璃' }),
      r({ uscc: U2, name: 'A公司', town: '410181100' }),
      r({ uscc: U2, name: 'B公司' }),
    );
    const existing = new Map([[U1, { id: 1, uscc: U1, name: '别的名字', code: '410182101', provinceCode: '410000', prefectureCode: '410100', countyCode: '410182', townshipCode: '410182101' }]]);
    const res = resolveRows(XY, header, parsed, lookups(existing));
    expect(res.errors).toEqual([
      { row: 4, column: '产能单位', message: '行业“平板玻璃”的产能单位应为“万重量箱”，不能填写“万吨”' },
      { row: 4, column: '企业名称', message: '该统一社会信用代码已登记为“别的名字”，与本行企业名称不一致' },
      { row: 5, column: '所在乡镇（街道）', message: '“410181100”（米河镇）属于巩义市，不在本单位管辖范围内' },
      { row: 6, column: '企业名称', message: '与第5行统一社会信用代码相同，但企业名称不同（第5行为“A公司”）' },
    ]);
    expect(res.lines).toEqual([]);
    expect(res).toMatchObject({ enterpriseCount: 2, newEnterpriseCount: 1 });
  });

  it('refuses a USCC registered outside the scope without naming it', () => {
    const { parsed } = rows(r({}));
    const existing = new Map([[U1, { id: 1, uscc: U1, name: '巩义某公司', code: '410181100', provinceCode: '410000', prefectureCode: '410100', countyCode: '410181', townshipCode: '410181100' }]]);
    const res = resolveRows(XY, header, parsed, lookups(existing));
    expect(res.errors).toEqual([{ row: 4, column: '统一社会信用代码', message: '该统一社会信用代码已在其他地区登记' }]);
  });
});
