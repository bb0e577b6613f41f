import { describe, expect, it } from 'vitest';
import { validIdNumber } from './public-tip-input.ts';
import { groupedReceiptCode, newReceiptCode, normaliseReceiptCode } from './receipt-code.ts';
import { countyCodeOf, routeTip } from './tip-routing.ts';

const gongyi = { code: '410181', level: 'county', parentCode: '410100', provinceCode: '410000', directlyAdministered: true };
const zhongyuan = { code: '410102', level: 'county', parentCode: '410100', provinceCode: '410000', directlyAdministered: false };
const agencies = [
  { id: 11, kind: 'industry' },
  { id: 12, kind: 'development' },
  { id: 13, kind: 'ecology' },
  { id: 14, kind: 'emergency' },
];
const ask = (over: Partial<Parameters<typeof routeTip>[2]> = {}) => ({ matter: 'hidden_capacity' as const, criterion: null, aboutOfficials: false, ...over });

describe('routeTip (issue 13 "Handling")', () => {
  it.each([
    ['a place goes to its county office', gongyi, agencies, ask(), { handlingRegionCode: '410181', handlingAgencyId: null }],
    ['an energy criterion goes to 发改 (first of the table)', gongyi, agencies, ask({ matter: 'department_criterion', criterion: 'energy' }), { handlingRegionCode: '410181', handlingAgencyId: 12 }],
    ['an energy criterion without 发改 goes to 工信', gongyi, agencies.filter((a) => a.kind !== 'development'), ask({ matter: 'department_criterion', criterion: 'energy' }), { handlingRegionCode: '410181', handlingAgencyId: 11 }],
    ['an environment criterion goes to 生态环境', gongyi, agencies, ask({ matter: 'department_criterion', criterion: 'environment' }), { handlingRegionCode: '410181', handlingAgencyId: 13 }],
    ['a criterion whose department the county lacks stays with the office', gongyi, agencies, ask({ matter: 'department_criterion', criterion: 'quality' }), { handlingRegionCode: '410181', handlingAgencyId: null }],
    ['a county without agencies: the office', zhongyuan, [], ask({ matter: 'department_criterion', criterion: 'safety' }), { handlingRegionCode: '410102', handlingAgencyId: null }],
    ['a criterion on another matter is ignored', gongyi, agencies, ask({ matter: 'other', criterion: 'energy' }), { handlingRegionCode: '410181', handlingAgencyId: null }],
    ['about officials of a 省直管县: the province', gongyi, agencies, ask({ aboutOfficials: true }), { handlingRegionCode: '410000', handlingAgencyId: null }],
    ['about officials of a district: the prefecture', zhongyuan, agencies, ask({ aboutOfficials: true }), { handlingRegionCode: '410100', handlingAgencyId: null }],
    ['about officials wins over the matter', gongyi, agencies, ask({ aboutOfficials: true, matter: 'department_criterion', criterion: 'energy' }), { handlingRegionCode: '410000', handlingAgencyId: null }],
  ])('%s', (_name, county, list, a, expected) => {
    expect(routeTip(county, list, a)).toEqual(expected);
  });

  it('finds the county of a township, a park and a county; nothing above', () => {
    expect(countyCodeOf({ code: '410181100', level: 'township', countyCode: '410181' })).toBe('410181');
    expect(countyCodeOf({ code: 'P000001', level: 'park', countyCode: '410181' })).toBe('410181');
    expect(countyCodeOf({ code: '410181', level: 'county', countyCode: '410181' })).toBe('410181');
    expect(countyCodeOf({ code: '410100', level: 'prefecture', countyCode: null })).toBeNull();
  });
});

describe('receipt codes and ID numbers', () => {
  it('makes 20 characters of the unambiguous alphabet, shown in groups of four and typed back any way', () => {
    const code = newReceiptCode();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{20}$/);
    expect(groupedReceiptCode(code)).toMatch(/^(\w{4}-){4}\w{4}$/);
    expect(normaliseReceiptCode(` ${groupedReceiptCode(code).toLowerCase()} `)).toBe(code);
    expect(new Set(Array.from({ length: 50 }, newReceiptCode)).size).toBe(50);
  });

  it('checks the ID number check digit (GB 11643)', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('110105194912310021')).toBe(false);
    expect(validIdNumber('11010519491231002')).toBe(false);
  });
});
