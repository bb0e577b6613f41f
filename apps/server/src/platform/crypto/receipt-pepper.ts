import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The installation secret that peppers receipt-code hashes (issue 13, ADR 0025). Kept outside the database and apart
 * from the seal key on purpose: the seal key rotates (its holders re-seal every value), while a receipt hash can never
 * be recomputed without the code it came from, so the pepper must stay fixed for the life of the installation.
 */
export class ReceiptPepper {
  constructor(readonly bytes: Buffer) {
    if (bytes.length !== 32) throw new Error('查询码密钥须为 32 字节');
  }
  /**
   * A keyed digest for throttling buckets of public routes (issue 13 "What is never kept"): the client's address is
   * counted under this hash, never written as itself. Domain-separated from the receipt hash.
   */
  clientKey(address: string): string {
    return createHmac('sha256', this.bytes).update(`client:${address}`).digest('hex').slice(0, 32);
  }
}

/**
 * `TAOTAI_RECEIPT_PEPPER` (64 hex characters) when set — production keeps it outside the data directory and its
 * backups; otherwise `DATA_DIR/receipt.pepper`, generated on first start with mode 0600 (as `loadSealKey` does).
 * Losing it makes every issued receipt code unusable.
 */
export function loadReceiptPepper(opts: { dataDir: string; envKey?: string | undefined }): ReceiptPepper {
  if (opts.envKey) {
    if (!/^[0-9a-fA-F]{64}$/.test(opts.envKey)) throw new Error('TAOTAI_RECEIPT_PEPPER 须为 64 位十六进制字符');
    return new ReceiptPepper(Buffer.from(opts.envKey, 'hex'));
  }
  const file = path.join(opts.dataDir, 'receipt.pepper');
  if (!existsSync(file)) {
    mkdirSync(opts.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return new ReceiptPepper(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
}
