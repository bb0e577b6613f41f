import type { Config } from '../../config.ts';
import { loadSealKey, sealDerivedSecret } from '../crypto/seal.ts';

/**
 * The checkpoint signing key, kept outside the database so that whoever rewrites `audit_log` and
 * `audit_checkpoint` cannot sign a new head (ADR 0009): `TAOTAI_AUDIT_KEY` (64 hex characters) when set,
 * otherwise derived with HMAC-SM3 and a fixed label from the seal keyring's lookup key, which does not rotate
 * (`TAOTAI_SEAL_LOOKUP_KEY`, else `TAOTAI_SEAL_KEY`; or `DATA_DIR/seal-lookup.key`; ADR 0025 "Key rotation"), so
 * the two uses never share key bytes and checkpoints signed before a seal-key rotation still verify.
 */
const cache = new Map<string, Buffer>();

export function auditAnchorKey(dataDir: string, a: Config['auditAnchor']): Buffer {
  const cacheKey = `${dataDir}\u0000${a.keyHex ?? ''}\u0000${a.sealKeyHex ?? ''}\u0000${a.sealLookupKeyHex ?? ''}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  let key: Buffer;
  if (a.keyHex) {
    if (!/^[0-9a-fA-F]{64}$/.test(a.keyHex)) throw new Error('TAOTAI_AUDIT_KEY 须为 64 位十六进制字符');
    key = Buffer.from(a.keyHex, 'hex');
  } else {
    const seal = loadSealKey({ dataDir, envKey: a.sealKeyHex ?? undefined, envLookup: a.sealLookupKeyHex ?? undefined });
    key = sealDerivedSecret(seal, 'taotai audit checkpoint v1');
  }
  cache.set(cacheKey, key);
  return key;
}
