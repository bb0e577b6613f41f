import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { Clock } from './platform/clock.ts';
import type { ReceiptPepper } from './platform/crypto/receipt-pepper.ts';
import type { SealKey } from './platform/crypto/seal.ts';

/** What every module's routes and jobs receive from the composition root. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  /** Seals personal data (objectors' phones, …) and TOTP secrets at rest (TAOTAI_SEAL_KEY or DATA_DIR/seal.key), loaded once at boot. */
  sealKey: SealKey;
  /** Peppers receipt-code hashes and public throttling keys (TAOTAI_RECEIPT_PEPPER or DATA_DIR/receipt.pepper); never rotates. */
  receiptPepper: ReceiptPepper;
}
