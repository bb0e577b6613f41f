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
  /** Seals personal data (objectors' phones, …) and TOTP secrets at rest (the keyring of platform/crypto/seal-key.ts), loaded once at boot. */
  sealKey: SealKey;
  /** Peppers receipt-code hashes and public throttling keys (TAOTAI_RECEIPT_PEPPER or DATA_DIR/receipt.pepper); never rotates. */
  receiptPepper: ReceiptPepper;
}
