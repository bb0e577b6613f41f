import { createHash } from 'node:crypto';

/** JSON with sorted keys: the same value always gives the same text, whatever jsonb did to key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SM3 (GB/T 32905, 国密) from Node's OpenSSL. */
export function sm3Hex(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

export interface ChainedFields {
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  regionCode: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

export function chainHash(prevHash: string, f: ChainedFields): string {
  return sm3Hex(
    prevHash +
      canonicalJson({
        at: f.at.toISOString(),
        actorId: f.actorId,
        actorName: f.actorName,
        action: f.action,
        entityType: f.entityType,
        entityId: f.entityId,
        regionCode: f.regionCode,
        before: f.before ?? null,
        after: f.after ?? null,
        ip: f.ip,
      }),
  );
}
