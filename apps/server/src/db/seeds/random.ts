import { USCC_ALPHABET, usccCheckChar } from '@taotai/shared';

/** Small deterministic PRNG (mulberry32) so demo and test data are the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

/** A USCC with a valid GB 32100 check digit for a company registered in `regionCode`. */
export function syntheticUscc(regionCode6: string, serial: number): string {
  let body = '';
  let n = serial;
  for (let i = 0; i < 7; i++) {
    body = USCC_ALPHABET[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91${regionCode6}MA${body}`;
  return first17 + usccCheckChar(first17);
}

export const NAME_WORDS = ['恒远', '嘉禾', '瑞丰', '金桥', '宏达', '兴旺', '永泰', '鼎盛', '华茂', '泰和', '长青', '汇通', '顺安', '信诚', '丰源', '祥瑞', '众鑫', '明德', '润华', '广源'];
