import { type CaseCriterion, PublicTipInput } from '@taotai/shared';
import type { z } from 'zod';
import { type AppError, invalid } from '../../platform/errors.ts';
import { isCaseCriterion } from './tip-routing.ts';

/** The public form's fields by their Chinese names, so every refusal says which field is wrong (issue 13 "Bad input"). */
export const TIP_FIELD_LABELS: Record<string, string> = {
  enterpriseId: '被举报企业',
  enterpriseName: '企业名称',
  address: '地址',
  regionCode: '所在地区',
  matter: '举报事项',
  criterion: '不达标类别',
  aboutOfficials: '是否反映本级干部问题',
  content: '举报内容',
  realName: '姓名',
  phone: '手机号码',
  idNumber: '身份证号码',
  code: '查询码',
  body: '留言内容',
};

/** The sealed identity of a real-name tipster (the reveal route unseals this JSON). */
export interface TipIdentity {
  name: string;
  phone: string;
  idNumber: string | null;
}

const fieldError = (path: string, message: string) => invalid(message, [{ path, message }]);

/** Turns zod issues into one 400 whose message names each field in Chinese (`field` when a lone value was validated). */
export function refusalOf(error: z.ZodError, field?: string): AppError {
  const fields = error.issues.map((i) => {
    const path = field ?? String(i.path[0] ?? 'body');
    const label = TIP_FIELD_LABELS[path] ?? path;
    const msg = i.code === 'invalid_type' && i.input === undefined ? '请填写' : i.message;
    return { path, message: msg.includes(label) ? msg : `${label}：${msg}` };
  });
  return invalid(fields.map((f) => f.message).join('；'), fields);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 citizen ID number: 18 characters, the last one the ISO 7064 MOD 11-2 check of the first 17. */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

export interface ParsedTip {
  input: PublicTipInput & { aboutOfficials: boolean };
  criterion: CaseCriterion | null;
  identity: TipIdentity | null;
}

/**
 * Multipart fields → the validated tip. Empty fields count as not given (a form sends them empty); `aboutOfficials`
 * is read as a checkbox ('true', '1', 'on'), never coerced (z.coerce.boolean would read 'false' as true).
 */
export function parseTipFields(raw: Record<string, string>): ParsedTip {
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ''));
  const aboutOfficials = ['true', '1', 'on', 'yes'].includes((given.aboutOfficials ?? '').toLowerCase());
  const parsed = PublicTipInput.safeParse({ ...given, aboutOfficials });
  if (!parsed.success) throw refusalOf(parsed.error);
  const input = { ...parsed.data, aboutOfficials };
  let criterion: CaseCriterion | null = null;
  if (input.matter === 'department_criterion') {
    if (!isCaseCriterion(input.criterion)) throw fieldError('criterion', '不达标类别：反映部门标准问题时请选择能耗、环保、质量、安全、技术或用地');
    criterion = input.criterion;
  }
  if (!input.enterpriseId && !input.enterpriseName && !input.address) {
    throw fieldError('enterpriseName', '企业名称：请选择被举报企业，或填写企业名称或地址');
  }
  return { input, criterion, identity: identityOf(input) };
}

/** Real name when any of name, phone, ID number is given: then name and an 11-digit mobile are required. */
function identityOf(input: PublicTipInput): TipIdentity | null {
  const { realName, phone, idNumber } = input;
  if (!realName && !phone && !idNumber) return null;
  if (!realName) throw fieldError('realName', '姓名：实名举报请填写姓名（匿名举报请不要填写手机号码和身份证号码）');
  const mobile = (phone ?? '').replace(/[\s-]/g, '');
  if (!/^1\d{10}$/.test(mobile)) throw fieldError('phone', '手机号码：实名举报请填写11位数字的手机号码');
  const id = idNumber ? idNumber.replace(/\s/g, '').toUpperCase() : null;
  if (id && !validIdNumber(id)) throw fieldError('idNumber', '身份证号码：应为18位，且最后一位校验码须正确');
  return { name: realName, phone: mobile, idNumber: id };
}
