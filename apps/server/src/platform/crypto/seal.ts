import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SealKey } from './seal-key.ts';

export { loadSealKey, type SealKeySources, SealKey, sealKeyEnv, sealKeyId } from './seal-key.ts';

/**
 * Sealing personal data at rest with 国密 algorithms from Node's OpenSSL: SM4-CBC for secrecy and HMAC-SM3 for
 * integrity (encrypt-then-MAC; this OpenSSL has no SM4-GCM). A 32-byte key: the first half encrypts, the second
 * half authenticates. Used for tipsters' identities, objectors' phones and TOTP secrets. A sealed value is text,
 * so it fits a `text` column: `s2:<kid>:<base64(iv ‖ ciphertext ‖ mac)>`, the MAC over the `s2:<kid>:` header
 * too, and `kid` naming the key of the ring (seal-key.ts) that sealed it. `s1:<base64>` values (before key
 * rotation, issue 13) carry no key id; they still unseal with whichever key of the ring their MAC verifies under.
 */
const V1 = 's1:';
const V2 = 's2:';
const MAC_BYTES = 32;

function mac(macKey: Buffer, ...parts: (Buffer | string)[]): Buffer {
  const h = createHmac('sm3', macKey);
  for (const p of parts) h.update(p);
  return h.digest();
}

/** Seals with the ring's current key. */
export function sealText(key: SealKey, plain: string): string {
  const header = `${V2}${key.kid}:`;
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', key.encKey, iv);
  const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
  return header + Buffer.concat([body, mac(key.macKey, header, body)]).toString('base64');
}

function split(raw: Buffer): { body: Buffer; tag: Buffer } {
  if (raw.length < 16 + 16 + MAC_BYTES) throw new Error('封存的数据已损坏');
  return { body: raw.subarray(0, raw.length - MAC_BYTES), tag: raw.subarray(raw.length - MAC_BYTES) };
}

function open(bytes: Buffer, body: Buffer): string {
  const decipher = createDecipheriv('sm4-cbc', bytes.subarray(0, 16), body.subarray(0, 16));
  return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString('utf8');
}

/** Unseals with the key that sealed the value, if the ring still holds it; a changed value is refused. */
export function unsealText(key: SealKey, sealed: string): string {
  if (sealed.startsWith(V2)) {
    const m = /^s2:([0-9a-f]{8}):(.*)$/s.exec(sealed);
    if (!m) throw new Error('封存的数据已损坏');
    const bytes = key.keyOf(m[1]!);
    if (!bytes) throw new Error(`封存密钥 ${m[1]} 不在密钥环中：该数据由已移除或未配置的密钥封存，请恢复该密钥后再读取`);
    const { body, tag } = split(Buffer.from(m[2]!, 'base64'));
    if (!timingSafeEqual(tag, mac(bytes.subarray(16, 32), `${V2}${m[1]}:`, body))) throw new Error('封存的数据已被改动');
    return open(bytes, body);
  }
  if (!sealed.startsWith(V1)) throw new Error('不是封存的数据');
  // s1 has no key id: the MAC tells which key of the ring made it (with one key: that key, as before).
  const { body, tag } = split(Buffer.from(sealed.slice(V1.length), 'base64'));
  for (const kid of key.kids) {
    const bytes = key.keyOf(kid)!;
    if (timingSafeEqual(tag, mac(bytes.subarray(16, 32), body))) return open(bytes, body);
  }
  throw new Error('封存的数据已被改动，或封存它的密钥已不在密钥环中');
}

/** The key id a value names (`s2:<kid>:`); null for an `s1:` value, which names none. */
export const sealedKid = (sealed: string): string | null => /^s2:([0-9a-f]{8}):/.exec(sealed)?.[1] ?? null;

/** Whether a sealed value is already under the ring's current key (the re-seal skips it). */
export const sealedWithCurrentKey = (key: SealKey, sealed: string) => sealed.startsWith(`${V2}${key.kid}:`);

/** The value sealed under the current key: unchanged when it already is, else unsealed and sealed again. */
export function resealText(key: SealKey, sealed: string): string {
  return sealedWithCurrentKey(key, sealed) ? sealed : sealText(key, unsealText(key, sealed));
}

/**
 * A keyed SM3 digest for equality look-ups on a sealed value (e.g. "same phone") without unsealing. Keyed by the
 * ring's lookup key, which never rotates: the inputs of some hashes (client addresses) are not kept, so they
 * could not be recomputed under a new key (ADR 0025 "Key rotation").
 */
export function sealedLookupHash(key: SealKey, plain: string): string {
  return createHmac('sm3', key.lookupMacKey).update(`lookup:${plain}`).digest('hex');
}

/** A secret derived from the non-rotating lookup key with a fixed label (e.g. the audit anchor key, a salt). */
export function sealDerivedSecret(key: SealKey, label: string): Buffer {
  return createHmac('sm3', key.lookupKey).update(label).digest();
}

/** Masks a phone for display: 138****5678; other text keeps its first and last character. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (/^\d{11}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length <= 2) return '*'.repeat(p.length);
  return `${p[0]}${'*'.repeat(Math.min(p.length - 2, 8))}${p[p.length - 1]}`;
}
