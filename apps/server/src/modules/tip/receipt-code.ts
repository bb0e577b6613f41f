import { randomInt, scrypt } from 'node:crypto';
import { RECEIPT_ALPHABET, RECEIPT_CODE_LENGTH } from '@taotai/shared';
import type { ReceiptPepper } from '../../platform/crypto/receipt-pepper.ts';

/**
 * Receipt codes (issue 13, ADR 0025): 20 characters from RECEIPT_ALPHABET (31 symbols, ≈ 99 bits), drawn with
 * `crypto.randomInt` (no modulo bias). The code is shown once; only its slow hash is stored.
 */
export function newReceiptCode(): string {
  return Array.from({ length: RECEIPT_CODE_LENGTH }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');
}

/** As the tipster may type it back: spaces and dashes dropped, upper case (the shared `ReceiptCode` schema does the same). */
export const normaliseReceiptCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** Shown in groups of four, so it can be read off a phone and written down. */
export const groupedReceiptCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

/**
 * scrypt cost: N = 2^14, r = 8 (16 MiB, tens of milliseconds) — slow enough that a stolen database cannot be searched
 * for codes at speed, cheap enough for a throttled lookup. Deterministic (the pepper is the salt) so the code finds its
 * tip by equality; the pepper lives outside the database, so the table alone does not even allow the slow search.
 */
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function receiptHash(pepper: ReceiptPepper, code: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(normaliseReceiptCode(code), pepper.bytes, 32, SCRYPT, (err, key) => (err ? reject(err) : resolve(key.toString('hex')))),
  );
}
