import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReceiptPepper } from './receipt-pepper.ts';

describe('loadReceiptPepper', () => {
  it('takes TAOTAI_RECEIPT_PEPPER when set, refuses a malformed one', () => {
    const hex = 'ab'.repeat(32);
    expect(loadReceiptPepper({ dataDir: '/nonexistent', envKey: hex }).bytes.toString('hex')).toBe(hex);
    expect(() => loadReceiptPepper({ dataDir: '/nonexistent', envKey: 'abc' })).toThrow('TAOTAI_RECEIPT_PEPPER 须为 64 位十六进制字符');
  });

  it('generates DATA_DIR/receipt.pepper once, mode 0600, and reads the same one back', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pepper-'));
    try {
      const first = loadReceiptPepper({ dataDir: dir });
      const file = path.join(dir, 'receipt.pepper');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await readFile(file, 'utf8')).trim()).toBe(first.bytes.toString('hex'));
      expect(loadReceiptPepper({ dataDir: dir }).bytes.equals(first.bytes)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keys client hashes: stable, not the address, different under another pepper', () => {
    const a = loadReceiptPepper({ dataDir: '', envKey: '01'.repeat(32) });
    const b = loadReceiptPepper({ dataDir: '', envKey: '02'.repeat(32) });
    expect(a.clientKey('203.0.113.77')).toBe(a.clientKey('203.0.113.77'));
    expect(a.clientKey('203.0.113.77')).not.toContain('203.0.113');
    expect(a.clientKey('203.0.113.77')).not.toBe(b.clientKey('203.0.113.77'));
  });
});
