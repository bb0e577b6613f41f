/**
 * Set-wise SQL for the national benchmark data set (see seed-national.ts). Everything is computed
 * from the enterprise's serial number `i`, so a run is deterministic and needs no round trips per row.
 */
import { type SQL, sql } from 'drizzle-orm';
import { CRITERIA, SIZE_CLASSES, USCC_ALPHABET } from '@taotai/shared';

/** Two-character words for fictitious trade names; two of them precede the industry in every name. */
export const TRADE_WORDS = [
  '恒远', '嘉禾', '瑞丰', '金桥', '宏达', '兴旺', '永泰', '鼎盛', '华茂', '泰和', '长青', '汇通', '顺安', '信诚', '丰源',
  '祥瑞', '众鑫', '明德', '润华', '广源', '天成', '福达', '聚源', '盛世', '东方', '新兴', '腾飞', '宏图', '博远', '凯旋',
  '康宁', '安泰', '昌盛', '裕丰', '华夏', '中原', '北辰', '南华', '西岭', '利民', '德润', '恒基', '荣昌', '晟达', '万通',
  '宝丰', '金鼎', '银河', '巨龙', '海川',
];

/** GB 32100 weights of positions 1..17. */
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_PREFIX = 'MB'; // the demo enterprises use 'MA', so the two sets never share a USCC
const idx = (c: string) => USCC_ALPHABET.indexOf(c);

const arr = (xs: readonly string[]) => sql.raw(`ARRAY[${xs.map((x) => `'${x}'`).join(',')}]::text[]`);

/**
 * Townships of the whole country with what every enterprise in them needs: ancestor codes, the
 * 6-digit registration code and the weighted sum of USCC positions 1–10 ('91', that code, 'MB').
 */
export function createTownshipTable(): SQL {
  const digitSum = [1, 2, 3, 4, 5, 6].map((j) => `substr(reg6, ${j}, 1)::int * ${W[j + 1]}`).join(' + ');
  const fixed = 9 * W[0]! + 1 * W[1]! + idx(ORG_PREFIX[0]!) * W[8]! + idx(ORG_PREFIX[1]!) * W[9]!;
  return sql.raw(`
    CREATE TEMP TABLE nat_tw ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, code, province_code, prefecture_code, county_code,
           reg6, '91' || reg6 || '${ORG_PREFIX}' AS prefix10, ${fixed} + ${digitSum} AS p_sum, county_name, addr
    FROM (
      SELECT t.code, t.province_code, t.prefecture_code, t.county_code,
             coalesce(t.county_code, t.prefecture_code, t.province_code) AS reg6,
             coalesce(c.name, p.name, '') AS county_name,
             replace(t.full_name, ' / ', '') AS addr
      FROM region t
      LEFT JOIN region c ON c.code = t.county_code
      LEFT JOIN region p ON p.code = t.prefecture_code
      WHERE t.level = 'township'
    ) s`);
}

/** Industries numbered 0..n-1 with their unit, and the basis item a line of (criterion, industry) cites. */
export function createCatalogueTables(): SQL[] {
  return [
    sql.raw(`
      CREATE TEMP TABLE nat_ind ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY i.sort_order, i.code) - 1)::int AS n, i.code, i.name, i.unit_code, u.name AS unit_name
      FROM industry i JOIN capacity_unit u ON u.code = i.unit_code`),
    sql.raw(`
      CREATE TEMP TABLE nat_basis ON COMMIT DROP AS
      SELECT DISTINCT ON (c.criterion, i.code) c.criterion, i.code AS industry_code, b.id
      FROM (SELECT unnest(${`ARRAY[${CRITERIA.map((c) => `'${c}'`).join(',')}]`}) AS criterion) c
      CROSS JOIN industry i
      JOIN basis_item b ON b.criterion = c.criterion AND b.active AND (b.industry_code = i.code OR b.industry_code IS NULL)
      ORDER BY c.criterion, i.code, (b.industry_code IS NULL), b.id`),
  ];
}

/**
 * The criterion index (CRITERIA order) of line k of enterprise i: about 60 % technology (淘汰类
 * equipment), the rest spread over the other four. Used for both the lines and the enterprise's mask.
 */
const critExpr = (i: string, k: string) => `CASE WHEN (${i} * 7 + ${k} * 13) % 10 < 6 THEN 4 ELSE (${i} + ${k}) % 4 END`;

export interface BatchParams {
  /** Enterprise ids are idBase + i. */
  idBase: number;
  from: number;
  to: number;
  townships: number;
  industries: number;
  linesPer: number;
  now: Date;
}

/** Enterprises i = from..to: township i mod T, a valid USCC, consistent criteria_mask and line_count. */
export function insertEnterprises(p: BatchParams): SQL {
  const A = USCC_ALPHABET;
  // Base-31 digits of the serial i fill USCC positions 11..17 (d6 first); their weights are W[10..16].
  const digit = (k: number) => `((g.i / ${31 ** k}::bigint) % 31)::int`;
  const body = [6, 5, 4, 3, 2, 1, 0].map((k) => `substr('${A}', ${digit(k)} + 1, 1)`).join(' || ');
  const sSum = [6, 5, 4, 3, 2, 1, 0].map((k, j) => `${digit(k)} * ${W[10 + j]}`).join(' + ');
  const spread = 2 * p.linesPer - 1; // line_count 1..2M-1, averaging M
  const n = TRADE_WORDS.length;
  return sql`
    INSERT INTO enterprise (id, uscc, name, region_code, province_code, prefecture_code, county_code, township_code,
      industry_code, address, legal_representative, contact_person, contact_phone, employees, size_class, status,
      criteria_mask, line_count, version, created_at, updated_at)
    SELECT ${p.idBase}::bigint + g.i,
      t.prefix10 || ${sql.raw(body)} || substr(${A}, ((31 - (t.p_sum + ${sql.raw(sSum)}) % 31) % 31) + 1, 1),
      t.county_name || (${arr(TRADE_WORDS)})[1 + w.a] || (${arr(TRADE_WORDS)})[1 + w.b] || ind.name || '示例有限公司',
      t.code, t.province_code, t.prefecture_code, t.county_code, t.code,
      ind.code,
      t.addr || '示例路' || (g.i % 300 + 1) || '号',
      '示例法人' || g.i, '示例联系人' || g.i,
      '0' || (310 + g.i % 600) || '-' || lpad(((g.i * 7919) % 10000000)::text, 7, '0'),
      20 + (g.i * 37) % 800,
      (${arr(SIZE_CLASSES)})[(1 + (g.i * 13) % 4)::int],
      CASE g.i % 20 WHEN 0 THEN 'exited' WHEN 1 THEN 'exiting' WHEN 2 THEN 'closed' ELSE 'operating' END,
      m.mask, l.lc, 1, ${p.now}, ${p.now}
    FROM generate_series(${p.from}::bigint, ${p.to}::bigint) AS g(i)
    JOIN nat_tw t ON t.n = g.i % ${p.townships}
    JOIN nat_ind ind ON ind.n = (g.i / 7) % ${p.industries}
    CROSS JOIN LATERAL (SELECT (1 + (g.i * 7919) % ${spread})::int AS lc) l
    -- Two different words: b is a plus 1..n-1 (mod n).
    CROSS JOIN LATERAL (SELECT ((g.i * 17) % ${n})::int AS a) w0
    CROSS JOIN LATERAL (SELECT w0.a, ((w0.a + 1 + (g.i / ${n}) % ${n - 1}) % ${n})::int AS b) w
    CROSS JOIN LATERAL (
      SELECT bit_or(1 << (${sql.raw(critExpr('g.i', 'k'))})::int) AS mask FROM generate_series(1, l.lc) AS k
    ) m`;
}

/** The lines of the enterprises of one batch, consistent with their criteria_mask and line_count. */
export function insertLines(p: BatchParams): SQL {
  const i = `(e.id - ${p.idBase})`;
  return sql`
    INSERT INTO line (enterprise_id, name, specification, quantity, capacity, capacity_unit, industry_code, criterion,
      basis_item_id, basis_text, commissioning_year, planned_exit_date, status, note, version, created_at, updated_at)
    SELECT e.id,
      k || '号' || ind.name || '生产线',
      '年产' || (1 + (${sql.raw(i)} + k) % 50) || ind.unit_name || '级',
      1 + (${sql.raw(i)} * k) % 3,
      round((5 + ((${sql.raw(i)} * 37 + k * 11) % 995) / 10.0)::numeric, 1),
      ind.unit_code, e.industry_code, c.criterion,
      b.id, CASE WHEN b.id IS NULL THEN '地方标准' ELSE '' END,
      1995 + (${sql.raw(i)} * k) % 18,
      make_date(2026, 6 + ((${sql.raw(i)} + k) % 6)::int, 28),
      CASE e.status WHEN 'exited' THEN 'eliminated' WHEN 'closed' THEN 'eliminated' WHEN 'exiting' THEN 'stopped'
        ELSE CASE WHEN (${sql.raw(i)} + k) % 3 = 0 THEN 'planned' ELSE 'registered' END END,
      '', 1, ${p.now}, ${p.now}
    FROM enterprise e
    CROSS JOIN LATERAL generate_series(1, e.line_count) AS k
    JOIN nat_ind ind ON ind.code = e.industry_code
    CROSS JOIN LATERAL (SELECT (${arr(CRITERIA)})[(1 + (${sql.raw(critExpr(i, 'k'))}))::int] AS criterion) c
    LEFT JOIN nat_basis b ON b.criterion = c.criterion AND b.industry_code = e.industry_code
    WHERE e.id BETWEEN ${p.idBase + p.from} AND ${p.idBase + p.to}
    ORDER BY e.id, k`;
}

/** Secondary indexes of the two big tables (not those backing constraints), to drop and rebuild around a bulk load. */
export const secondaryIndexes = sql`
  SELECT i.indexname AS name, i.indexdef AS def
  FROM pg_indexes i
  JOIN pg_class c ON c.relname = i.indexname AND c.relkind = 'i'
  WHERE i.schemaname = 'public' AND i.tablename IN ('enterprise', 'line')
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
  ORDER BY i.tablename, i.indexname`;
