import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSealKey, maskPhone, SealKey, sealedLookupHash, sealText, unsealText } from './seal.ts';

const key = new SealKey(Buffer.alloc(32, 7));

describe('sealing (SM4-CBC + HMAC-SM3)', () => {
  it('round-trips and never shows the plain text', () => {
    const sealed = sealText(key, '13812345678');
    expect(sealed.startsWith('s1:')).toBe(true);
    expect(sealed).not.toContain('13812345678');
    expect(unsealText(key, sealed)).toBe('13812345678');
    expect(sealText(key, '13812345678')).not.toBe(sealed);
  });
  it('refuses a changed value and a wrong key', () => {
    const sealed = sealText(key, '张三 410181199001011234');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[20] ^= 1;
    expect(() => unsealText(key, `s1:${raw.toString('base64')}`)).toThrow('已被改动');
    expect(() => unsealText(new SealKey(Buffer.alloc(32, 8)), sealed)).toThrow('已被改动');
  });
  it('gives a stable lookup hash per key', () => {
    expect(sealedLookupHash(key, 'a')).toBe(sealedLookupHash(key, 'a'));
    expect(sealedLookupHash(key, 'a')).not.toBe(sealedLookupHash(new SealKey(Buffer.alloc(32, 1)), 'a'));
  });
  it('generates a key file once and reads it back', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'seal-'));
    try {
      const a = loadSealKey({ dataDir: dir });
      const b = loadSealKey({ dataDir: dir });
      expect(a.bytes.equals(b.bytes)).toBe(true);
      expect(() => loadSealKey({ dataDir: dir, envKey: 'xyz' })).toThrow('TAOTAI_SEAL_KEY');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0371-1234567')).toBe('0********7');
  });
});
