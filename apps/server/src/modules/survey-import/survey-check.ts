import type { ImportRowError } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import { catalogueRepository } from '../catalogue/index.ts';
import { enterpriseBulkRepository } from '../enterprise/index.ts';
import { ancestryOf, type RegionRow, regionRepository } from '../region/index.ts';
import { type ExistingEnterprise, type Lookups, type ResolvedForm, resolveRows } from './resolve-rows.ts';
import type { ParsedRow } from './row-parser.ts';
import type { ReadForm } from './survey-form-reader.ts';
import { candidateNames, TOWN_LEVELS, townCode } from './town-resolver.ts';

export interface CheckedForm {
  form: ReadForm;
  resolved: ResolvedForm | null;
  /** All errors, in row order. */
  errors: ImportRowError[];
}

const CHUNK = 1000;

/**
 * Everything the rows refer to, fetched in a few set queries (not one per row): the regions named
 * by code, the towns named by name within the scope, the catalogues, and the enterprises already
 * registered under the file's USCCs — locked when `lock` (inside the commit transaction).
 */
export async function loadLookups(db: Db, actor: Actor, rows: readonly ParsedRow[], lock: boolean): Promise<Lookups> {
  const codes = new Set<string>();
  const names = new Set<string>();
  const usccs = new Set<string>();
  for (const r of rows) {
    if (r.uscc) usccs.add(r.uscc);
    if (!r.town) continue;
    const code = townCode(r.town);
    if (code) codes.add(code);
    else for (const n of candidateNames(r.town)) names.add(n);
  }

  const regionsByCode = new Map<string, RegionRow>();
  const codeList = [...codes];
  for (let i = 0; i < codeList.length; i += CHUNK) {
    for (const r of await regionRepository.byCodes(db, codeList.slice(i, i + CHUNK))) regionsByCode.set(r.code, r);
  }

  const townsByName: RegionRow[] = [];
  const townsElsewhere: RegionRow[] = [];
  // Names are looked up in the uploader's province, so a town of a neighbouring county can be named as
  // lying outside the office's region (issue 10 §3) — region names are public, enterprises are not.
  const province = /^\d{6}$/.test(actor.regionCode) ? `${actor.regionCode.slice(0, 2)}0000` : null;
  const under = actor.scope.column === 'all' || !province ? null : { column: 'provinceCode' as const, code: province };
  const nameList = [...names];
  for (let i = 0; i < nameList.length; i += CHUNK) {
    for (const r of await regionRepository.byNames(db, nameList.slice(i, i + CHUNK), under)) {
      if (!TOWN_LEVELS.has(r.level)) continue;
      if (regionInScope(actor, ancestryOf(r))) townsByName.push(r);
      else townsElsewhere.push(r);
    }
  }

  const [industries, units, basisItems, existingRows] = [
    await catalogueRepository.industries(db),
    await catalogueRepository.units(db),
    await catalogueRepository.basisItems(db, {}),
    await enterpriseBulkRepository.byUsccs(db, [...usccs], { lock }),
  ];
  const existing = new Map<string, ExistingEnterprise>();
  for (const e of existingRows) existing.set(e.uscc, { ...e, code: e.regionCode });
  return { catalogue: { industries, units, basisItems }, regionsByCode, townsByName, townsElsewhere, existing };
}

/** Both phases of checking over an already-read form. */
export async function checkRows(db: Db, actor: Actor, form: ReadForm, lock = false): Promise<CheckedForm> {
  if (!form.header || form.header.missing.length > 0 || form.rows.length === 0) {
    return { form, resolved: null, errors: form.errors };
  }
  const lookups = await loadLookups(db, actor, form.rows, lock);
  const resolved = resolveRows(actor, form.header, form.rows, lookups);
  const columnOrder = (c: string | null) => {
    if (!c || !form.header) return -1;
    return Object.values(form.header.columns).find((h) => h?.label === c)?.index ?? -1;
  };
  const errors = withRowLabels(form.rows, [...form.errors, ...resolved.errors]).sort(
    (a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column),
  );
  return { form, resolved, errors };
}

/**
 * Every row message names the form's 序号, the sheet row and the enterprise (issue 10 §3), e.g.
 * "序号5（第8行，巩义市示例水泥有限公司）：…", so a clerk finds the row whichever number they go by.
 */
export function withRowLabels(rows: readonly ParsedRow[], errors: readonly ImportRowError[]): ImportRowError[] {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  return errors.map((e) => {
    const r = byRow.get(e.row);
    if (!r) return e;
    const seq = r.seq ? `序号${r.seq}` : '序号未填';
    const name = r.name ? `，${r.name}` : '';
    return { ...e, message: `${seq}（第${e.row}行${name}）：${e.message}` };
  });
}
