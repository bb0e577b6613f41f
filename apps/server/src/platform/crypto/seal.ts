import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Sealing personal data at rest with 国密 algorithms from Node's OpenSSL: SM4-CBC for secrecy and HMAC-SM3 over
 * (version ‖ iv ‖ ciphertext) for integrity (encrypt-then-MAC; this OpenSSL has no SM4-GCM). One 32-byte key:
 * the first half encrypts, the second half authenticates. Used for tipsters' and objectors' phones, workers' ID
 * numbers and TOTP secrets. A sealed value is text (`s1:<base64>`), so it fits a `text` column.
 */
const VERSION = 's1:';

export class SealKey {
  constructor(readonly bytes: Buffer) {
    if (bytes.length !== 32) throw new Error('封存密钥须为 32 字节');
  }
  get encKey(): Buffer {
    return this.bytes.subarray(0, 16);
  }
  get macKey(): Buffer {
    return this.bytes.subarray(16, 32);
  }
}

function mac(key: SealKey, data: Buffer): Buffer {
  return createHmac('sm3', key.macKey).update(data).digest();
}

export function sealText(key: SealKey, plain: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', key.encKey, iv);
  const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([body, mac(key, body)]).toString('base64');
}

export function unsealText(key: SealKey, sealed: string): string {
  if (!sealed.startsWith(VERSION)) throw new Error('不是封存的数据');
  const raw = Buffer.from(sealed.slice(VERSION.length), 'base64');
  if (raw.length < 16 + 16 + 32) throw new Error('封存的数据已损坏');
  const body = raw.subarray(0, raw.length - 32);
  const tag = raw.subarray(raw.length - 32);
  if (!timingSafeEqual(tag, mac(key, body))) throw new Error('封存的数据已被改动');
  const decipher = createDecipheriv('sm4-cbc', key.encKey, body.subarray(0, 16));
  return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString('utf8');
}

/** A keyed SM3 digest for equality look-ups on a sealed value (e.g. "same phone") without unsealing. */
export function sealedLookupHash(key: SealKey, plain: string): string {
  return createHmac('sm3', key.macKey).update(`lookup:${plain}`).digest('hex');
}

/**
 * The key: `TAOTAI_SEAL_KEY` (64 hex characters) when set — production keeps it outside the data directory;
 * otherwise `DATA_DIR/seal.key`, generated on first start with mode 0600.
 */
export function loadSealKey(opts: { dataDir: string; envKey?: string | undefined }): SealKey {
  if (opts.envKey) {
    if (!/^[0-9a-fA-F]{64}$/.test(opts.envKey)) throw new Error('TAOTAI_SEAL_KEY 须为 64 位十六进制字符');
    return new SealKey(Buffer.from(opts.envKey, 'hex'));
  }
  const file = path.join(opts.dataDir, 'seal.key');
  if (!existsSync(file)) {
    mkdirSync(opts.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return new SealKey(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
}

/** Masks a phone for display: 138****5678; other text keeps its first and last character. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (/^\d{11}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length <= 2) return '*'.repeat(p.length);
  return `${p[0]}${'*'.repeat(Math.min(p.length - 2, 8))}${p[p.length - 1]}`;
}
