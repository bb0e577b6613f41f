import { toHalfWidth } from '@taotai/shared';
import { stripFormulaMark } from '../../platform/documents/xlsx-safe.ts';

/**
 * Turning exceljs cell values (string, number, Date, rich text, formula, hyperlink, error) into
 * the plain values the survey form means. Pure functions, unit-tested.
 */

/** The displayed text of a cell: formulas give their cached result, rich text is joined, links give their text. */
export function rawText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return isoDate(v) ?? '';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return rawText(o.result);
    if ('formula' in o || 'sharedFormula' in o) return '';
    if ('text' in o) return rawText(o.text);
    if ('error' in o) return '';
  }
  return String(v);
}

/** Full-width digits, Latin letters and the ideographic space; Chinese punctuation （）：，stays as written. */
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000]/g;
const ODD_SPACES = /[\u00a0\u2002-\u200b\ufeff]/g;

/**
 * A string the XML parser cut out of a large chunk keeps the whole chunk alive (V8 sliced
 * strings); copying the few we keep lets 50,000 rows cost their own size, not the file's.
 */
const detach = (s: string) => (s.length < 13 ? s : (` ${s}`).slice(1));

/**
 * Full-width digits, letters and spaces made half-width (toHalfWidth on just those), trimmed,
 * inner whitespace runs collapsed to one space, our anti-formula mark removed.
 */
export function cellText(v: unknown): string {
  let t = rawText(v);
  if (t === '') return t;
  t = t
    .replace(FULL_WIDTH_ALNUM, (c) => toHalfWidth(c))
    .replace(ODD_SPACES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return detach(stripFormulaMark(t));
}

/** Text as the user wrote it (full-width brackets kept), whitespace runs collapsed: for titles and column labels. */
export function displayText(v: unknown): string {
  return detach(rawText(v).replace(/\s+/g, ' ').trim());
}

/** Codes and USCCs: no spaces at all. */
export function compactText(v: unknown): string {
  return cellText(v).replace(/\s+/g, '');
}

/** Chinese company names are written with full-width brackets; spaces inside a name are typing noise. */
export function enterpriseName(v: unknown): string {
  return compactText(v).replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Comparison key for names and catalogue words: half-width, no spaces, no brackets or quotes. */
export function nameKey(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s()（）《》〈〉"“”'‘’]/g, '')
    .toUpperCase();
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; text: string };

/** A number from a numeric cell or from text like `1,200.5` (full-width digits allowed); null when blank. */
export function parseNumber(v: unknown): Parsed<number | null> {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, text: String(v) };
  if (v && typeof v === 'object' && 'result' in (v as object)) return parseNumber((v as { result: unknown }).result);
  const text = cellText(v);
  if (text === '') return { ok: true, value: null };
  const s = toHalfWidth(text).replace(/[,\s]/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return { ok: false, text };
  return { ok: true, value: Number(s) };
}

const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 date system (it counts a fictitious 1900-02-29, hence the 30th). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  // exceljs gives date cells as UTC midnight; a second of slack absorbs floating-point serials.
  const day = new Date(Math.floor((d.getTime() + 1000) / DAY_MS) * DAY_MS);
  return day.toISOString().slice(0, 10);
}

function ymd(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/** Serials this far apart cover 1954–2119: a bare number outside is not a date. */
const MIN_SERIAL = 20_000;
const MAX_SERIAL = 80_000;

/**
 * A date as `YYYY-MM-DD` from a date cell, an Excel serial, or text such as `2026-09-30`,
 * `2026/9/30`, `2026.9.30`, `2026年9月30日` or `20260930`; null when blank.
 */
export function parseDate(v: unknown): Parsed<string | null> {
  if (v instanceof Date) {
    const s = isoDate(v);
    return s ? { ok: true, value: s } : { ok: false, text: String(v) };
  }
  if (v && typeof v === 'object' && 'result' in (v as object)) return parseDate((v as { result: unknown }).result);
  if (typeof v === 'number') {
    if (v >= MIN_SERIAL && v <= MAX_SERIAL) return { ok: true, value: isoDate(new Date(EXCEL_EPOCH_MS + v * DAY_MS))! };
    return { ok: false, text: String(v) };
  }
  const text = cellText(v);
  if (text === '') return { ok: true, value: null };
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const value = m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return value ? { ok: true, value } : { ok: false, text };
}
