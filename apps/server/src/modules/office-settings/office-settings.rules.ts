import type { OfficeSettingValues } from './office-settings.repository.ts';

/** 简称 of the provinces (GB/T 2260 two-digit prefix), used as the first character of a document number. */
const PROVINCE_ABBR: Record<string, string> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏', '33': '浙',
  '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝',
  '51': '川', '52': '黔', '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新', '71': '台', '81': '港', '82': '澳',
};

/** The short name an office's documents carry: 豫 for 河南省, 巩 for 巩义市. */
export function regionAbbreviation(r: { code: string; name: string; level: string }): string {
  if (r.level === 'province') return PROVINCE_ABBR[r.code.slice(0, 2)] ?? r.name.slice(0, 1);
  return r.name.slice(0, 1);
}

/** The issuing body (发文机关): the office of the region's leading group. */
export const issuingBody = (groupName: string | null, regionName: string) => `${groupName ?? `${regionName}淘汰落后产能工作领导小组`}办公室`;

/**
 * What documents use while an office has saved nothing: the leading group's office as 版头 and 落款, 机关代字
 * "<简称>淘汰办", no contact lines, no default 抄送 (the documents as they were before settings existed).
 */
export function defaultOfficeSettings(region: { code: string; name: string; level: string }, groupName: string | null): OfficeSettingValues {
  const body = issuingBody(groupName, region.name);
  return { letterhead: body, numberPrefix: `${regionAbbreviation(region)}淘汰办`, signingOrgan: body, contactPerson: '', phone: '', address: '', email: '', copyTo: [] };
}

/** 发文字号 in GB/T 9704 form: 机关代字〔年份〕序号号, e.g. 巩淘汰办〔2026〕3号. */
export const documentNumberOf = (prefix: string, year: number, n: number) => `${prefix}〔${year}〕${n}号`;

/** The contact line printed under a 公示 or a document: 联系人：…；电话：…；地址：…；邮箱：… (only what is set). */
export function contactLine(s: Pick<OfficeSettingValues, 'contactPerson' | 'phone' | 'address' | 'email'>): string {
  const parts = [
    s.contactPerson && `联系人：${s.contactPerson}`,
    s.phone && `电话：${s.phone}`,
    s.address && `地址：${s.address}`,
    s.email && `邮箱：${s.email}`,
  ].filter(Boolean);
  return parts.join('；');
}
