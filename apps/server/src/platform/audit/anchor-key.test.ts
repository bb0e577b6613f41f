import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotateSealKeyFiles } from '../crypto/seal-key.ts';
import { auditAnchorKey } from './anchor-key.ts';

/** Checkpoints signed before a seal-key rotation must still verify after it (ADR 0009, ADR 0025 "Key rotation"). */
describe('audit anchor key across a seal-key rotation', () => {
  const A = 'a'.repeat(64);
  const B = 'b'.repeat(64);
  const none = { file: null, keyHex: null, sealKeyHex: null, sealLookupKeyHex: null };

  it('stays the same when the environment rotates the seal key and pins the lookup key', () => {
    const before = auditAnchorKey('/nonexistent', { ...none, sealKeyHex: A });
    expect(auditAnchorKey('/nonexistent', { ...none, sealKeyHex: B, sealLookupKeyHex: A }).equals(before)).toBe(true);
    expect(auditAnchorKey('/nonexistent', { ...none, sealKeyHex: B }).equals(before)).toBe(false);
  });
  it('stays the same when the key files are rotated', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'anchor-'));
    try {
      const before = Buffer.from(auditAnchorKey(dir, none));
      rotateSealKeyFiles(dir);
      // A second directory name defeats the per-process cache: the key is derived afresh from the rotated files.
      const again = auditAnchorKey(`${dir}/.`, none);
      expect(again.equals(before)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
