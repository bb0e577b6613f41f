import type { RegionRow } from '../region/index.ts';

/**
 * Forms give the town as a code (9-digit township code, park code, sometimes the 12-digit
 * statistical code, or a county code for an enterprise outside any township) or by name,
 * possibly prefixed with its county (`荥阳市乔楼镇`) or followed by its code (`乔楼镇(410182101)`).
 */
export function townCode(raw: string): string | null {
  if (/^\d{9}$|^\d{6}$|^P\d{6}$/.test(raw)) return raw;
  if (/^\d{9}000$/.test(raw)) return raw.slice(0, 9);
  const embedded = /[(（](\d{9}|P\d{6})[)）]$/.exec(raw);
  return embedded ? embedded[1]! : null;
}

/** Levels an enterprise may be registered at through the survey form. */
export const TOWN_LEVELS = new Set(['township', 'park', 'county']);

/** Every name the raw text could end with (the whole text first), for one batched lookup. */
export function candidateNames(raw: string): string[] {
  if (raw.length > 40) return [raw];
  const out: string[] = [];
  for (let i = 0; i <= raw.length - 2; i++) out.push(raw.slice(i));
  return out;
}

const compactFullName = (r: Pick<RegionRow, 'fullName'>) => r.fullName.replaceAll(' / ', '');

/**
 * The townships and parks (already limited to the uploader's scope) that `raw` names:
 * exactly by name, or by a name whose ancestors' names precede it in `raw`.
 */
export function matchTownByName<T extends Pick<RegionRow, 'name' | 'fullName' | 'level'>>(raw: string, inScope: readonly T[]): T[] {
  const exact = inScope.filter((r) => r.name === raw && r.level !== 'county');
  if (exact.length > 0) return exact;
  return inScope.filter((r) => r.level !== 'county' && raw.endsWith(r.name) && compactFullName(r).endsWith(raw));
}
