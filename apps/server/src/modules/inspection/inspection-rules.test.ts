import { describe, expect, it } from 'vitest';
import { conclusionRefusal, documentNumber, issuingBody, regionAbbreviation } from './inspection-rules.ts';

const all = { equipmentDismantled: true, powerCut: true, destinationDocumented: true, workersPlaced: true };
const body = { version: 1, notes: '', inspectedOn: '2026-05-10', ...all };

describe('inspection conclusion rules', () => {
  it('passes only with every checklist item confirmed, naming the unchecked ones', () => {
    expect(conclusionRefusal({ ...body, conclusion: 'pass' })).toBeNull();
    expect(conclusionRefusal({ ...body, powerCut: false, workersPlaced: false, conclusion: 'pass' })).toEqual({
      path: 'powerCut',
      message: '验收通过须全部检查项符合要求，以下检查项未确认：已断电；职工已妥善安置',
    });
  });
  it('fails only with reasons', () => {
    expect(conclusionRefusal({ ...body, conclusion: 'fail' })?.path).toBe('reasons');
    expect(conclusionRefusal({ ...body, conclusion: 'fail', reasons: '窑体未拆除' })).toBeNull();
  });
});

describe('document numbers', () => {
  it('uses the province 简称 or the first character of the region name', () => {
    expect(regionAbbreviation({ code: '410000', name: '河南省', level: 'province' })).toBe('豫');
    expect(regionAbbreviation({ code: '410181', name: '巩义市', level: 'county' })).toBe('巩');
    expect(documentNumber('巩', 2026, 3)).toBe('巩淘汰办〔2026〕3号');
  });
  it('names the leading group office as issuing body', () => {
    expect(issuingBody('巩义市淘汰落后产能工作领导小组', '巩义市')).toBe('巩义市淘汰落后产能工作领导小组办公室');
    expect(issuingBody(null, '荥阳市')).toBe('荥阳市淘汰落后产能工作领导小组办公室');
  });
});
