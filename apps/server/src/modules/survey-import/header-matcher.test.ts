import { describe, expect, it } from 'vitest';
import { findHeader, matchHeaderCell, matchHeaderRow } from './header-matcher.ts';
import { SURVEY_FIELDS, SURVEY_HEADERS, UNIT_NOTE } from './survey-form-layout.ts';

const TEMPLATE = SURVEY_FIELDS.map((f) => SURVEY_HEADERS[f]);

describe('survey-form header matcher', () => {
  it('maps the template header column by column', () => {
    const h = matchHeaderRow(3, TEMPLATE);
    expect(h.missing).toEqual([]);
    SURVEY_FIELDS.forEach((f, i) => {
      expect(h.columns[f]?.index).toBe(i);
    });
  });

  it('maps reordered, renamed and full-width headers', () => {
    const texts = [
      '信用代码',
      '所在地区',
      '企业名称（全称）',
      '设备名称',
      '行　业',
      '产　能',
      '单位',
      '不达标类别 ',
      '判定依据（标准名称及条款）',
      '规 格 型 号',
      '数量（台／套）',
      '计划淘汰时间(年月日)',
      '备注',
      '序号',
    ];
    const h = matchHeaderRow(1, texts);
    expect(h.missing).toEqual([]);
    expect(h.columns.uscc?.index).toBe(0);
    expect(h.columns.town?.index).toBe(1);
    expect(h.columns.name?.index).toBe(2);
    expect(h.columns.lineName?.index).toBe(3);
    expect(h.columns.industry?.index).toBe(4);
    expect(h.columns.capacity?.index).toBe(5);
    expect(h.columns.unit?.index).toBe(6);
    expect(h.columns.criterion?.index).toBe(7);
    expect(h.columns.basis?.index).toBe(8);
    expect(h.columns.specification?.index).toBe(9);
    expect(h.columns.quantity?.index).toBe(10);
    expect(h.columns.plannedExitDate?.index).toBe(11);
    expect(h.columns.seq?.index).toBe(13);
    // The label kept for messages is the file's own wording.
    expect(h.columns.town?.label).toBe('所在地区');
  });

  it('tells similar words apart', () => {
    expect(matchHeaderCell('乡镇')).toBe('town');
    expect(matchHeaderCell('所在乡镇（街道）')).toBe('town');
    expect(matchHeaderCell('产能单位')).toBe('unit');
    expect(matchHeaderCell('单位名称')).toBe('name');
    expect(matchHeaderCell('统一社会信用代码（18位）')).toBe('uscc');
    expect(matchHeaderCell('生产线（设备）名称')).toBe('lineName');
    expect(matchHeaderCell('设计产能（万吨/年）')).toBe('capacity');
    expect(matchHeaderCell('*企业名称')).toBe('name');
    expect(matchHeaderCell('联系电话')).toBeNull();
  });

  it('skips a merged title row and the unit-note row before the header', () => {
    const title = '郑州市（荥阳市）2026年落后产能排查登记表';
    const h = findHeader([
      // A merged title repeats its text across the merged cells when read in memory.
      { number: 1, texts: Array(14).fill(title) },
      { number: 2, texts: [UNIT_NOTE] },
      { number: 4, texts: TEMPLATE },
    ]);
    expect(h?.row).toBe(4);
    expect(h?.missing).toEqual([]);
  });

  it('finds no header past the first ten rows, and reports missing columns', () => {
    expect(findHeader([{ number: 11, texts: TEMPLATE }])).toBeNull();
    const h = findHeader([{ number: 1, texts: ['序号', '企业名称', '统一社会信用代码', '行业', '产能', '产能单位'] }]);
    expect(h?.missing).toEqual(['town', 'lineName', 'criterion', 'basis']);
  });
});
