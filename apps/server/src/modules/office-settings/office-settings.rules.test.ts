import { describe, expect, it } from 'vitest';
import { contactLine, defaultOfficeSettings, documentNumberOf, issuingBody, regionAbbreviation } from './office-settings.rules.ts';

describe('document numbers', () => {
  it('uses the province 简称 or the first character of the region name', () => {
    expect(regionAbbreviation({ code: '410000', name: '河南省', level: 'province' })).toBe('豫');
    expect(regionAbbreviation({ code: '410181', name: '巩义市', level: 'county' })).toBe('巩');
    expect(documentNumberOf('巩淘汰办', 2026, 3)).toBe('巩淘汰办〔2026〕3号');
  });
  it('names the leading group office as issuing body', () => {
    expect(issuingBody('巩义市淘汰落后产能工作领导小组', '巩义市')).toBe('巩义市淘汰落后产能工作领导小组办公室');
    expect(issuingBody(null, '荥阳市')).toBe('荥阳市淘汰落后产能工作领导小组办公室');
  });
});

describe('office settings defaults', () => {
  it('are the documents as they were before settings: the group office as 版头 and 落款, <简称>淘汰办', () => {
    const d = defaultOfficeSettings({ code: '410181', name: '巩义市', level: 'county' }, null);
    expect(d).toMatchObject({ letterhead: '巩义市淘汰落后产能工作领导小组办公室', signingOrgan: '巩义市淘汰落后产能工作领导小组办公室', numberPrefix: '巩淘汰办', copyTo: [] });
  });
  it('print only the contact lines that are set', () => {
    expect(contactLine({ contactPerson: '王某', phone: '0371-64399001', address: '', email: 'gy@example.cn' })).toBe('联系人：王某；电话：0371-64399001；邮箱：gy@example.cn');
    expect(contactLine({ contactPerson: '', phone: '', address: '', email: '' })).toBe('');
  });
});
