import { loadReceiptPepper, type ReceiptPepper } from './receipt-pepper.ts';
import { loadSealKey, type SealKey, sealKeyEnv } from './seal.ts';

/**
 * The installation's secrets kept outside the database (ADR 0025): the seal keyring and the receipt-code pepper,
 * each from its environment variables or, when unset, from its file in DATA_DIR. One loader for the server, the
 * CLI, the benches and the tests, so none of them reads a secret another way.
 */
export function loadInstallationSecrets(dataDir: string): { sealKey: SealKey; receiptPepper: ReceiptPepper } {
  return {
    sealKey: loadSealKey({ dataDir, ...sealKeyEnv() }),
    receiptPepper: loadReceiptPepper({ dataDir, envKey: process.env.TAOTAI_RECEIPT_PEPPER }),
  };
}
