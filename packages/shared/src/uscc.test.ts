import { describe, expect, it } from 'vitest';
import { checkUscc, usccCheckChar } from './uscc.ts';

describe('USCC (GB 32100-2015)', () => {
  it.each([
    '914403001922038216', // 华为技术有限公司
    '91440300708461136T', // 深圳市腾讯计算机系统有限公司
    '91330100716105852F', // 阿里巴巴（中国）有限公司
    '91350100M000100Y43', // the example printed in GB 32100-2015
  ])('accepts the real code %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, value: code });
  });

  it('normalises full-width characters, spaces and lower case', () => {
    expect(checkUscc('９１４４０３００７０８４６１１３６ｔ ')).toEqual({ ok: true, value: '91440300708461136T' });
  });

  it('names the expected check character when the last one is wrong', () => {
    const r = checkUscc('914403001922038217');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('第18位应为“6”');
  });

  it('refuses wrong length, forbidden letters and a non-numeric region part', () => {
    expect(checkUscc('9144030019220382').ok).toBe(false);
    expect(!checkUscc('').ok && (checkUscc('') as { message: string }).message).toBe('统一社会信用代码不能为空');
    const withO = checkUscc('91440300708461136O');
    expect(!withO.ok && withO.message).toContain('不允许的字符“O”');
    expect(checkUscc('91AB0300708461136T').ok).toBe(false);
  });

  it('computes the check character of every single-character change differently from the original', () => {
    const base = '91440300708461136';
    const original = usccCheckChar(base);
    const changed = base.slice(0, 5) + (base[5] === '0' ? '1' : '0') + base.slice(6);
    expect(usccCheckChar(changed)).not.toBe(original);
  });
});
