import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from './schema/index.ts';
import { SEALED_COLUMNS } from './sealed-columns.ts';

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableConfig(t));

/** `npm run seal:rotate` re-seals only the listed columns: a sealed column missing here would be lost with its key. */
describe('sealed columns', () => {
  it('lists every column whose name says it is sealed (…_sealed, …secret)', () => {
    const named = tables.flatMap((t) => t.columns.filter((c) => /(_sealed|secret)$/.test(c.name)).map((c) => `${t.name}.${c.name}`));
    expect(named.length).toBeGreaterThanOrEqual(4);
    expect(SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort()).toEqual(named.sort());
  });
  it('walks each table by an integer primary key named id', () => {
    for (const c of SEALED_COLUMNS) {
      const id = tables.find((t) => t.name === c.table)?.columns.find((col) => col.name === 'id');
      expect(id?.primary, c.table).toBe(true);
      expect(id?.columnType, c.table).toMatch(/^PgSerial|^PgInteger/);
    }
  });
});
