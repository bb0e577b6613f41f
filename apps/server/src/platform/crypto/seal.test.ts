import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotateSealKeyFiles } from './seal-key.ts';
import { loadSealKey, maskPhone, resealText, SealKey, sealDerivedSecret, sealedLookupHash, sealedWithCurrentKey, sealKeyId, sealText, unsealText } from './seal.ts';

const key = new SealKey(Buffer.alloc(32, 7));

describe('sealing (SM4-CBC + HMAC-SM3)', () => {
  it('round-trips and never shows the plain text', () => {
    const sealed = sealText(key, '13812345678');
    expect(sealed.startsWith(`s2:${key.kid}:`)).toBe(true);
    expect(key.kid).toMatch(/^[0-9a-f]{8}$/);
    expect(sealed).not.toContain('13812345678');
    expect(unsealText(key, sealed)).toBe('13812345678');
    expect(sealText(key, '13812345678')).not.toBe(sealed);
  });
  it('refuses a changed value and a wrong key', () => {
    const sealed = sealText(key, '张三 410181199001011234');
    const header = `s2:${key.kid}:`;
    const raw = Buffer.from(sealed.slice(header.length), 'base64');
    raw[20] ^= 1;
    expect(() => unsealText(key, header + raw.toString('base64'))).toThrow('已被改动');
    // The key id is under the MAC too: relabelling a value as another key's is refused (not a silent mis-read).
    const other = new SealKey(Buffer.alloc(32, 8), { retired: [key.bytes] });
    expect(() => unsealText(other, sealed.replace(key.kid, other.kid))).toThrow('已被改动');
    expect(() => unsealText(new SealKey(Buffer.alloc(32, 8)), sealed)).toThrow(`封存密钥 ${key.kid} 不在密钥环中`);
    expect(() => unsealText(key, 's2:zz:abc')).toThrow('已损坏');
    expect(() => unsealText(key, '13812345678')).toThrow('不是封存的数据');
  });
  it('gives a stable lookup hash per lookup key', () => {
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

/** Issue 13 "rotatable" (ADR 0025 "Key rotation"): a ring of a current key, retired keys and a lookup key. */
describe('seal keyring', () => {
  const A = Buffer.alloc(32, 7);
  const B = Buffer.alloc(32, 9);
  // Made by the one-key seal.ts before rotation existed (key A): frozen here so old rows stay readable.
  const S1_BY_A = 's1:2pwR8a002V+07H33+fklzsBpcXw1jCXz40bCPmLA8S+oYubCIolwZUjUOrn2/es08Ql0HnaRLnxlNFjHk61nIA==';
  const S1_LOOKUP_BY_A = 'a9cff4209354f37691ceed634d475feae0cbb7232966d8302bf8133fb0297997';

  it('reads s1 values with the key that made them, whether it is current or retired', () => {
    expect(unsealText(new SealKey(A), S1_BY_A)).toBe('13812345678');
    expect(unsealText(new SealKey(B, { retired: [A], lookup: A }), S1_BY_A)).toBe('13812345678');
    expect(() => unsealText(new SealKey(B), S1_BY_A)).toThrow('已不在密钥环中');
  });
  it('unseals values of every key in the ring and seals only with the current one', () => {
    const byA = sealText(new SealKey(A), '410181199001011234');
    const ring = new SealKey(B, { retired: [A], lookup: A });
    expect(ring.kids).toEqual([sealKeyId(B), sealKeyId(A)]);
    expect(unsealText(ring, byA)).toBe('410181199001011234');
    expect(sealedWithCurrentKey(ring, byA)).toBe(false);
    const again = resealText(ring, byA);
    expect(again.startsWith(`s2:${sealKeyId(B)}:`)).toBe(true);
    expect(resealText(ring, again)).toBe(again);
    expect(unsealText(new SealKey(B, { lookup: A }), again)).toBe('410181199001011234');
    expect(() => unsealText(new SealKey(B, { lookup: A }), byA)).toThrow(`封存密钥 ${sealKeyId(A)} 不在密钥环中`);
  });
  it('keeps lookup hashes and derived secrets on the lookup key across rotation', () => {
    expect(sealedLookupHash(new SealKey(A), 'phone:13812345678')).toBe(S1_LOOKUP_BY_A);
    expect(sealedLookupHash(new SealKey(B, { retired: [A], lookup: A }), 'phone:13812345678')).toBe(S1_LOOKUP_BY_A);
    expect(sealedLookupHash(new SealKey(B, { lookup: A }), 'phone:13812345678')).toBe(S1_LOOKUP_BY_A);
    expect(sealDerivedSecret(new SealKey(B, { lookup: A }), 'x').equals(sealDerivedSecret(new SealKey(A), 'x'))).toBe(true);
  });
  it('loads the ring from the environment and refuses retiring a key without pinning the lookup key', () => {
    const hex = (b: Buffer) => b.toString('hex');
    const ring = loadSealKey({ dataDir: '/nonexistent', envKey: hex(B), envRetired: `${hex(A)}, ${hex(A)}`, envLookup: hex(A) });
    expect(ring.kids).toEqual([sealKeyId(B), sealKeyId(A)]);
    expect(() => loadSealKey({ dataDir: '/nonexistent', envKey: hex(B), envRetired: hex(A) })).toThrow('TAOTAI_SEAL_LOOKUP_KEY');
    expect(() => loadSealKey({ dataDir: '/nonexistent', envKey: hex(B), envRetired: 'abc', envLookup: hex(A) })).toThrow('TAOTAI_SEAL_KEYS_RETIRED 须为');
    expect(() => loadSealKey({ dataDir: '/nonexistent', envRetired: hex(A) })).toThrow('只能与 TAOTAI_SEAL_KEY 一起使用');
  });
  it('pins the lookup key of an existing key file and rotates the files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'seal-'));
    try {
      writeFileSync(path.join(dir, 'seal.key'), A.toString('hex'));
      const before = loadSealKey({ dataDir: dir });
      expect(readFileSync(path.join(dir, 'seal-lookup.key'), 'utf8')).toBe(A.toString('hex'));
      const old = sealText(before, '13812345678');
      const r = rotateSealKeyFiles(dir);
      expect(r.retiredKid).toBe(sealKeyId(A));
      const after = loadSealKey({ dataDir: dir });
      expect(after.kid).toBe(r.kid);
      expect(after.kids).toEqual([r.kid, sealKeyId(A)]);
      expect(unsealText(after, old)).toBe('13812345678');
      expect(sealedLookupHash(after, 'phone:13812345678')).toBe(S1_LOOKUP_BY_A);
      // Removing the retired file (after the re-seal) leaves a ring that no longer opens the old value.
      rmSync(path.join(dir, 'seal-retired.keys'));
      expect(() => unsealText(loadSealKey({ dataDir: dir }), old)).toThrow('不在密钥环中');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('refuses retired key files without a pinned lookup key', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'seal-'));
    try {
      writeFileSync(path.join(dir, 'seal.key'), B.toString('hex'));
      writeFileSync(path.join(dir, 'seal-retired.keys'), `${A.toString('hex')}\n`);
      expect(() => loadSealKey({ dataDir: dir })).toThrow('缺少 seal-lookup.key');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('gives a new install its own lookup key', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'seal-'));
    try {
      const ring = loadSealKey({ dataDir: dir });
      expect(ring.lookupKey.equals(ring.bytes)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
