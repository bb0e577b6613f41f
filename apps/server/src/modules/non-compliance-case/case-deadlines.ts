import type { CaseCriterion, CaseStatus } from '@taotai/shared';
import type { FieldRefusal } from '../../platform/lifecycle/index.ts';

/**
 * The legal deadlines of a non-compliance case (issue 12; 002 §二(一)2–6), pure so they are unit-tested:
 * - energy (能耗): rectify within 6 calendar months of service; quality (质量): 6 months;
 * - environment (环保): 限制生产 or 停产整治 until the department's own date, which must be after service;
 * - safety (安全): production stops at once — no deadline, the case opens `stopped`;
 * - technology and land: 6 months unless the department gives its own date.
 * Months are calendar months with month-end clamping: 08-31 + 6 months is 02-28 (02-29 in a leap year).
 */
export const RECTIFY_MONTHS = 6;
/** An extension: at most one granted per case, of at most 3 months (002 §二(一)2). */
export const MAX_EXTENSION_MONTHS = 3;

export const isCalendarDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const daysInMonth = (year: number, month0: number): number => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** `date` (YYYY-MM-DD) plus `months` calendar months; a day past the target month's end becomes its last day. */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total % 12;
  const day = Math.min(d, daysInMonth(year, month0));
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier): the detail page's "还剩 N 天". */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface OpeningInput {
  criterion: CaseCriterion;
  servedOn: string;
  /** The department's date (environment; optional for technology and land). */
  deadline?: string | null;
  /** Environment only: 限制生产 or 停产整治. */
  measure?: 'restricted' | 'suspended' | null;
  today: string;
}

export type Opening = { ok: true; status: CaseStatus; deadline: string | null } | { ok: false; refusal: FieldRefusal };

const refuse = (path: string, message: string): Opening => ({ ok: false, refusal: { path, message } });

/** The state a case opens in and its deadline, or the refusal naming the field. */
export function openingOf(i: OpeningInput): Opening {
  if (!isCalendarDate(i.servedOn)) return refuse('servedOn', `送达日期“${i.servedOn}”不是有效日期`);
  if (i.servedOn > i.today) return refuse('servedOn', `送达日期${i.servedOn}不能晚于今天（${i.today}）`);
  const given = i.deadline ?? null;
  if (given !== null) {
    if (!isCalendarDate(given)) return refuse('deadline', `整改期限“${given}”不是有效日期`);
    if (given <= i.servedOn) return refuse('deadline', `整改期限${given}应晚于送达日期${i.servedOn}`);
  }
  if (i.criterion !== 'environment' && i.measure) return refuse('measure', '只有环保不达标案件可以选择限制生产或停产整治');
  switch (i.criterion) {
    case 'energy':
    case 'quality':
      if (given !== null) return refuse('deadline', `该类案件的整改期限为送达之日起${RECTIFY_MONTHS}个月，不能另行指定`);
      return { ok: true, status: 'rectifying', deadline: addCalendarMonths(i.servedOn, RECTIFY_MONTHS) };
    case 'environment':
      if (!i.measure) return refuse('measure', '请选择限制生产或停产整治');
      if (given === null) return refuse('deadline', '请填写生态环境部门确定的整改期限');
      return { ok: true, status: i.measure, deadline: given };
    case 'safety':
      if (given !== null) return refuse('deadline', '安全不达标案件立即停产整改，不设整改期限');
      return { ok: true, status: 'stopped', deadline: null };
    case 'technology':
    case 'land':
      return { ok: true, status: 'rectifying', deadline: given ?? addCalendarMonths(i.servedOn, RECTIFY_MONTHS) };
  }
}

export interface ExtensionInput {
  months: number;
  /** The deadline in force; null (safety) cannot be extended. */
  deadline: string | null;
  /** Requested on (Beijing date). */
  today: string;
  /** Extensions already granted on this case. */
  granted: number;
  /** A request still awaiting decision. */
  pending: boolean;
}

/** null when the enterprise may ask for this extension, else the refusal naming the field. */
export function extensionRefusal(i: ExtensionInput): FieldRefusal | null {
  if (!Number.isInteger(i.months) || i.months < 1) return { path: 'months', message: '延期月数应为1至3的整数' };
  if (i.months > MAX_EXTENSION_MONTHS) return { path: 'months', message: `延期月数不能超过${MAX_EXTENSION_MONTHS}个月（申请了${i.months}个月）` };
  if (i.granted > 0) return { path: 'months', message: '本案件已批准过一次延期，不能再次申请延期' };
  if (i.pending) return { path: 'months', message: '本案件已有待审批的延期申请，请等待决定' };
  if (i.deadline === null) return { path: 'months', message: '本案件没有整改期限（立即停产整改），不能申请延期' };
  if (i.today > i.deadline) return { path: 'months', message: `整改期限${i.deadline}已过，不能再申请延期（须在期限届满前申请）` };
  return null;
}

/** The deadline after a granted extension of `months`, counted from the deadline in force. */
export const extendedDeadline = (deadline: string, months: number): string => addCalendarMonths(deadline, months);
