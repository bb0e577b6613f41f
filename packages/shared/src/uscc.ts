/**
 * 统一社会信用代码 (USCC) check, GB 32100-2015.
 * 18 characters from a 31-character alphabet (no I, O, S, V, Z); the 18th is a
 * mod-31 check character over the first 17 with fixed weights.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccCheck = { ok: true; value: string } | { ok: false; message: string };

/** Computes the check character for the first 17 characters, or null if one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[c]!;
}

/** Normalises (trim, full-width → half-width, upper case) and validates a USCC with a Chinese message. */
export function checkUscc(raw: string): UsccCheck {
  const value = toHalfWidth(raw ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
  if (value.length === 0) return { ok: false, message: '统一社会信用代码不能为空' };
  if (value.length !== 18) return { ok: false, message: `统一社会信用代码应为18位，实际为${value.length}位` };
  for (const ch of value) {
    if (!USCC_ALPHABET.includes(ch)) {
      return { ok: false, message: `统一社会信用代码含有不允许的字符“${ch}”（不使用 I、O、S、V、Z）` };
    }
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return { ok: false, message: '统一社会信用代码第3至8位应为登记管理机关行政区划码（6位数字）' };
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (expected !== value[17]) {
    return { ok: false, message: `统一社会信用代码校验位错误：第18位应为“${expected}”，实际为“${value[17]}”` };
  }
  return { ok: true, value };
}

/** Full-width ASCII (！-～) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
