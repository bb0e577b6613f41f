import { INSPECTION_CHECK_LABELS, INSPECTION_CHECKS, type InspectionConclusionBody } from '@taotai/shared';

/**
 * A conclusion must be consistent with what was found: passing needs every checklist item met
 * (002 §二(二)1: dismantled so production cannot resume, and the rest), failing needs the reasons,
 * which go back to the tasks. Returns the Chinese refusal with the field it concerns, or null.
 */
export function conclusionRefusal(b: InspectionConclusionBody): { path: string; message: string } | null {
  if (b.conclusion === 'pass') {
    const unmet = INSPECTION_CHECKS.filter((c) => !b[c]);
    if (unmet.length) {
      return { path: unmet[0]!, message: `验收通过须全部检查项符合要求，以下检查项未确认：${unmet.map((c) => INSPECTION_CHECK_LABELS[c]).join('；')}` };
    }
    return null;
  }
  if (!b.reasons) return { path: 'reasons', message: '验收不通过时请填写不通过的原因（将退回退出任务要求整改）' };
  return null;
}

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

/** 发文字号 in GB/T 9704 form: 机关代字〔年份〕序号号, e.g. 巩淘汰办〔2026〕3号. */
export const documentNumber = (abbr: string, year: number, n: number) => `${abbr}淘汰办〔${year}〕${n}号`;

/** The issuing body (发文机关): the office of the region's leading group. */
export const issuingBody = (groupName: string | null, regionName: string) => `${groupName ?? `${regionName}淘汰落后产能工作领导小组`}办公室`;
