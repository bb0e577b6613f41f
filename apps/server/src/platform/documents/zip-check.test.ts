import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkZipFile, DamagedZipError, ZipTooLargeError } from './zip-check.ts';

describe('checkZipFile', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'taotai-zip-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const file = async (name: string, bytes: Buffer) => {
    const p = path.join(dir, name);
    await writeFile(p, bytes);
    return p;
  };
  const zip = async (entries: Record<string, string | Buffer>, streamFiles = false) => {
    const z = new JSZip();
    for (const [n, c] of Object.entries(entries)) z.file(n, c);
    return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles });
  };
  const budget = { maxUncompressedBytes: 1024 * 1024 };

  it('accepts a sound zip, with or without data descriptors', async () => {
    const entries = { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>'.repeat(100) };
    expect(await checkZipFile(await file('a.zip', await zip(entries)), budget)).toEqual(expect.arrayContaining(Object.keys(entries)));
    expect(await checkZipFile(await file('b.zip', await zip(entries, true)), budget)).toEqual(expect.arrayContaining(Object.keys(entries)));
  });

  it('refuses a zip bomb by its declared sizes, before inflating it', async () => {
    const bomb = await zip({ 'xl/worksheets/sheet1.xml': Buffer.alloc(5 * 1024 * 1024) });
    await expect(checkZipFile(await file('bomb.zip', bomb), budget)).rejects.toBeInstanceOf(ZipTooLargeError);
  });

  it('refuses damaged data, a wrong CRC, truncation and a missing directory', async () => {
    const good = await zip({ 'xl/workbook.xml': 'Lorem ipsum dolor sit amet '.repeat(200) });
    const data = Buffer.from(good);
    data[30 + 'xl/workbook.xml'.length + 5] ^= 0x55;
    await expect(checkZipFile(await file('d.zip', data), budget)).rejects.toBeInstanceOf(DamagedZipError);
    const crc = Buffer.from(good);
    crc[14] ^= 1;
    await expect(checkZipFile(await file('c.zip', crc), budget)).rejects.toBeInstanceOf(DamagedZipError);
    await expect(checkZipFile(await file('t.zip', good.subarray(0, good.length - 30)), budget)).rejects.toBeInstanceOf(DamagedZipError);
    await expect(checkZipFile(await file('n.zip', Buffer.from('PK\x03\x04 not really a zip at all')), budget)).rejects.toBeInstanceOf(DamagedZipError);
  });
});
