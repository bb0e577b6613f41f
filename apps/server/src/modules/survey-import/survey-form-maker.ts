import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { CRITERIA, CRITERION_LABELS, type Criterion } from '@taotai/shared';
import { BASIS_ITEMS, CAPACITY_UNITS, INDUSTRIES } from '../../db/seeds/catalogue-data.ts';
import { NAME_WORDS, prng, syntheticUscc } from '../../db/seeds/random.ts';
import { streamingWorkbook } from '../../platform/documents/xlsx-stream.ts';
import { beijingYear, surveyTitle } from './survey-form-layout.ts';
import { layOutSurveySheet } from './survey-form-template.ts';

/**
 * Synthetic survey forms for tests and benchmarks: valid USCCs (GB 32100 check digit), the
 * county's real township codes, catalogue industries with their own units. Deterministic per seed.
 */
export interface SurveyFormSpec {
  countyCode: string;
  rows: number;
  seed?: number;
  /** First USCC serial; forms meant to be imported together need disjoint ranges. Demo data uses 1000–1299. */
  serialBase?: number;
  /** Each enterprise gets 1…this many lines (consecutive rows). */
  maxLinesPerEnterprise?: number;
  townAs?: 'code' | 'name';
}

type RawRegion = [code: string, name: string, parent: string | null, level: string, direct: 0 | 1];

async function regionsOf(countyCode: string) {
  const file = path.resolve(import.meta.dirname, '../../db/seed-data/regions.json');
  const all = JSON.parse(await readFile(file, 'utf8')) as RawRegion[];
  const county = all.find((r) => r[0] === countyCode && r[3] === 'county');
  if (!county) throw new Error(`县级区划 ${countyCode} 不存在`);
  const prefecture = all.find((r) => r[0] === county[2]);
  const towns = all.filter((r) => r[2] === countyCode && r[3] === 'township').map((r) => ({ code: r[0], name: r[1] }));
  if (towns.length === 0) throw new Error(`${county[1]}没有乡镇（街道）数据`);
  return { county: county[1], prefecture: prefecture?.[1] ?? null, towns };
}

const SPECS = ['Φ2.5×10m', '300m³', '20t', '6300kVA', '1.7万吨/年以下', '平拉 4机', '74型', '1.2万千瓦'];

/** The form's data rows (14 template columns each), generated lazily. */
export async function* surveyFormRows(spec: SurveyFormSpec): AsyncGenerator<unknown[]> {
  const { county, towns } = await regionsOf(spec.countyCode);
  const rnd = prng(spec.seed ?? 1);
  const maxLines = spec.maxLinesPerEnterprise ?? 2;
  const unitName = new Map(CAPACITY_UNITS.map((u) => [u.code, u.name]));
  let serial = spec.serialBase ?? 700_000;
  let n = 0;
  while (n < spec.rows) {
    const [code, industryName, unit] = rnd.pick(INDUSTRIES);
    const town = rnd.pick(towns);
    const uscc = syntheticUscc(spec.countyCode, serial);
    const name = `${county}${rnd.pick(NAME_WORDS)}${industryName}测试有限公司${serial}`;
    serial++;
    const lines = Math.min(rnd.int(1, maxLines), spec.rows - n);
    for (let k = 0; k < lines; k++) {
      const criterion: Criterion = rnd.next() < 0.6 ? 'technology' : rnd.pick(CRITERIA);
      const basis = BASIS_ITEMS.find(([c, ind]) => c === criterion && (ind === code || ind === null));
      n++;
      yield [
        n,
        spec.townAs === 'name' ? town.name : town.code,
        name,
        uscc,
        industryName,
        `${k + 1}号生产线`,
        rnd.pick(SPECS),
        rnd.int(1, 3),
        Math.round((0.5 + rnd.next() * 50) * 100) / 100,
        unitName.get(unit)!,
        CRITERION_LABELS[criterion],
        basis ? basis[2] : '地方标准',
        `2026-${String(rnd.int(6, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
        '',
      ];
    }
  }
}

/** Writes a whole form (title, unit note, header, rows) with the streaming writer. */
export async function writeSurveyForm(file: string, spec: SurveyFormSpec, now = new Date()): Promise<void> {
  const { county, prefecture } = await regionsOf(spec.countyCode);
  const out = createWriteStream(file);
  const wb = streamingWorkbook(out);
  const ws = wb.addWorksheet('Sheet1');
  layOutSurveySheet(ws, surveyTitle(prefecture ? `${prefecture}（${county}）` : county, beijingYear(now)));
  for (let r = 1; r <= 3; r++) ws.getRow(r).commit();
  for await (const values of surveyFormRows(spec)) ws.addRow(values).commit();
  ws.commit();
  await wb.commit();
  await finished(out);
}
