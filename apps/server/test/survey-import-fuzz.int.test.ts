import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importsDir } from '../src/modules/survey-import/survey-import.service.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { formRow, formXlsx, preview } from './survey-import-fixtures.ts';

/**
 * Issue 9: mutated survey forms through the import preview. Before the fix 37 of 654 byte-flipped forms were
 * never answered (an exceljs stream that never ends on a damaged zip entry). Every mutant must now be answered
 * by the server's own budget (the zip is checked whole first; the parse has a time limit), never with a 5xx,
 * and nothing it spooled may stay behind.
 */

/** mulberry32: a tiny seeded PRNG, so a failing mutant can be reproduced by its index. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offsets of every local file header's data and the entry's compressed size (from the local header). */
function entryData(zip: Buffer): { start: number; size: number }[] {
  const out: { start: number; size: number }[] = [];
  for (let i = 0; i + 30 <= zip.length; i++) {
    if (zip.readUInt32LE(i) !== 0x04034b50) continue;
    const start = i + 30 + zip.readUInt16LE(i + 26) + zip.readUInt16LE(i + 28);
    out.push({ start, size: zip.readUInt32LE(i + 18) });
  }
  return out;
}

function mutants(base: Buffer, seed: number, n: number): { kind: string; bytes: Buffer }[] {
  const rnd = prng(seed);
  const int = (max: number) => Math.floor(rnd() * max);
  const entries = entryData(base);
  const out: { kind: string; bytes: Buffer }[] = [];
  for (let k = 0; k < n; k++) {
    const b = Buffer.from(base);
    const kind = ['flip', 'flip', 'truncate', 'entry', 'header'][k % 5]!;
    if (kind === 'flip') {
      for (let j = 0, m = 1 + int(4); j < m; j++) b[int(b.length)] ^= 1 + int(255);
      out.push({ kind, bytes: b });
    } else if (kind === 'truncate') {
      out.push({ kind, bytes: b.subarray(0, 4 + int(b.length - 4)) });
    } else if (kind === 'entry') {
      // Damage the compressed bytes of one entry: the case that stalled exceljs.
      const e = entries[int(entries.length)]!;
      const span = Math.max(1, e.size || 64);
      for (let j = 0, m = 1 + int(3); j < m; j++) b[Math.min(b.length - 1, e.start + int(span))] ^= 1 + int(255);
      out.push({ kind, bytes: b });
    } else {
      // Damage a size, CRC or name length in one local header, or the central directory's end record.
      const e = entries[int(entries.length)]!;
      const headerAt = e.start - 30 - 16;
      const at = rnd() < 0.7 ? Math.max(0, headerAt + 14 + int(16)) : b.length - 22 + int(22);
      b[at] ^= 1 + int(255);
      out.push({ kind, bytes: b });
    }
  }
  return out;
}

describe('survey form preview under mutated files', () => {
  let t: TestApp;
  let gy: string;
  beforeAll(async () => {
    t = await createTestApp();
    // A short budget, so a parse that stalls costs the suite little; the server enforces it, not the test.
    t.ctx.config.uploads.parseTimeoutMs = 4000;
    gy = await t.login('gy-office');
  });
  afterAll(() => t.close());

  it('answers every one of 300 mutants with a refusal or a preview, never 5xx, and leaves no spooled file', async () => {
    // 荥阳 rows seen by 巩义's office: a readable form only ever gives scope errors, so no token is kept.
    const base = await formXlsx([formRow(), formRow({ seq: 2, capacity: 12 })]);
    const statuses = new Map<number, number>();
    for (const [i, m] of mutants(base, 20260907, 300).entries()) {
      const res = await preview(t, gy, m.bytes, 'form.xlsx');
      if (res.statusCode >= 500 || ![200, 400, 413, 422].includes(res.statusCode)) {
        throw new Error(`mutant #${i} (${m.kind}) answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      }
      if (res.statusCode !== 200) expect(res.json().message, `mutant #${i}`).toMatch(/[\u4e00-\u9fff]/);
      else expect(res.json().token, `mutant #${i}`).toBeNull();
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    }
    // Most mutants are damaged files and are refused as such.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(150);
    expect(await readdir(importsDir(t.ctx)).catch(() => [])).toEqual([]);
  });

  it('still previews the unmutated form', async () => {
    const res = await preview(t, gy, await formXlsx([formRow()]), 'form.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json().rowCount).toBe(1);
  });
});
