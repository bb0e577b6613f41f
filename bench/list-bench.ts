/**
 * Enterprise list through the platform (HTTP via app.inject: session, scope, zod, Drizzle, presenter)
 * beside the very SQL statement Drizzle generated for the page, replayed straight through pg.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { encodeCursor } from '../apps/server/src/modules/enterprise/enterprise-cursor.ts';
import type { CapturedQuery, installQueryCapture } from './query-capture.ts';
import { type Summary, summarise } from './stats.ts';

export interface ListScenario {
  name: string;
  user: string;
  /** Query string of GET /api/v1/enterprises (without cursor). */
  query: string;
  /** For deep pages: the ancestor column and code whose middle row the cursor points after. */
  deep?: { column: 'province_code' | 'county_code'; code: string };
}

export interface ListResult {
  scenario: ListScenario;
  matching: number;
  depth: number;
  statementsPerRequest: number;
  rawStatements: number;
  rounds: number;
  /** Scan nodes of the page statement's plan, e.g. "Index Scan Backward using enterprise_pkey". */
  plan: string;
  platform: Summary;
  raw: Summary;
  sql: CapturedQuery[];
}

const SEARCH = '恒远';

export function scenarios(): ListScenario[] {
  const q = `q=${encodeURIComponent(SEARCH)}`;
  return [
    { name: '省级办公室 · 本省 · 首页', user: 'ha-office', query: 'limit=20' },
    { name: '省级办公室 · 本省 · 深页', user: 'ha-office', query: 'limit=20', deep: { column: 'province_code', code: '410000' } },
    { name: '县级办公室 · 本县 · 首页', user: 'gy-office', query: 'limit=20' },
    { name: '县级办公室 · 本县 · 深页', user: 'gy-office', query: 'limit=20', deep: { column: 'county_code', code: '410181' } },
    { name: '管理员 · 按省筛选 · 首页', user: 'admin', query: 'limit=20&region=410000' },
    { name: '管理员 · 按省筛选 · 深页', user: 'admin', query: 'limit=20&region=410000', deep: { column: 'province_code', code: '410000' } },
    { name: '管理员 · 按县筛选 · 首页', user: 'admin', query: 'limit=20&region=410181' },
    { name: '管理员 · 按县筛选 · 深页', user: 'admin', query: 'limit=20&region=410181', deep: { column: 'county_code', code: '410181' } },
    { name: `管理员 · 全国 · 名称“${SEARCH}”`, user: 'admin', query: `limit=20&${q}` },
    { name: `省级办公室 · 本省 · 名称“${SEARCH}”`, user: 'ha-office', query: `limit=20&${q}` },
    { name: `县级办公室 · 本县 · 名称“${SEARCH}”`, user: 'gy-office', query: `limit=20&${q}` },
    { name: '管理员 · 全国 · 首页含总数', user: 'admin', query: 'limit=20&withTotal=true' },
  ];
}

async function loginCookie(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`登录 ${username} 失败：${res.statusCode} ${res.body}`);
  return `taotai_sid=${res.cookies.find((c) => c.name === 'taotai_sid')!.value}`;
}

/** A cursor just after the middle row of the subtree in the list's default order (-id). */
async function middleCursor(raw: pg.Client, deep: NonNullable<ListScenario['deep']>): Promise<{ cursor: string; depth: number }> {
  const n = Number((await raw.query(`SELECT count(*) AS n FROM enterprise WHERE ${deep.column} = $1`, [deep.code])).rows[0].n);
  const depth = Math.floor(n / 2);
  const r = await raw.query(`SELECT id::text AS id FROM enterprise WHERE ${deep.column} = $1 ORDER BY id DESC OFFSET $2 LIMIT 1`, [
    deep.code,
    depth,
  ]);
  const id = Number(r.rows[0].id);
  return { cursor: encodeCursor('-id', String(id), id), depth };
}

/** Follows the cursor a few pages and fails loudly if a page repeats a row: the cursor chain must hold. */
async function checkCursorChain(app: FastifyInstance, cookie: string, query: string): Promise<void> {
  const seen = new Set<number>();
  let cursor: string | null = null;
  for (let page = 0; page < 5; page++) {
    const url: string = `/api/v1/enterprises?${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const body = (await app.inject({ method: 'GET', url, headers: { cookie } })).json();
    for (const e of body.items as { id: number }[]) {
      if (seen.has(e.id)) throw new Error(`游标翻页重复返回企业 ${e.id}`);
      seen.add(e.id);
    }
    cursor = body.nextCursor;
    if (!cursor) break;
  }
}

export async function runListBench(opts: {
  app: FastifyInstance;
  capture: ReturnType<typeof installQueryCapture>;
  databaseUrl: string;
  password: string;
  iterations: number;
  /** Time one scenario may take; fewer rounds than `iterations` when a round is slow. */
  budgetMs: number;
  log: (m: string) => void;
}): Promise<ListResult[]> {
  const { app, capture, iterations, log } = opts;
  const raw = new pg.Client({ connectionString: opts.databaseUrl });
  await raw.connect();
  const cookies = new Map<string, string>();
  const results: ListResult[] = [];
  try {
    for (const s of scenarios()) {
      if (!cookies.has(s.user)) cookies.set(s.user, await loginCookie(app, s.user, opts.password));
      const cookie = cookies.get(s.user)!;
      let url = `/api/v1/enterprises?${s.query}`;
      let depth = 0;
      if (s.deep) {
        const m = await middleCursor(raw, s.deep);
        url += `&cursor=${m.cursor}`;
        depth = m.depth;
      } else {
        await checkCursorChain(app, cookie, s.query);
      }
      const request = () => app.inject({ method: 'GET', url, headers: { cookie } });
      const { result: first, queries } = await capture.capture(request);
      if (first.statusCode !== 200) throw new Error(`${s.name}：${first.statusCode} ${first.body}`);
      const body = first.json();
      const page = [...queries].reverse().find((q) => /from "enterprise"/i.test(q.text) && /\blimit\b/i.test(q.text));
      if (!page) throw new Error(`${s.name}：没有捕获到企业分页语句`);
      // The raw side replays every statement on the enterprise table (the page, and the count when
      // asked for); what it leaves out is the platform's own work: session, scope, validation, mapping.
      // Everything from the first statement on the enterprise table on is the list's own SQL (page,
      // region and industry names, count); the statements before it are session and scope checks.
      const domain = queries.slice(queries.findIndex((q) => /"enterprise"/.test(q.text)));
      const replay = (q: CapturedQuery) => raw.query({ text: q.text, values: q.values as unknown[], rowMode: 'array' });
      const rawQuery = async () => {
        for (const q of domain) await replay(q);
      };
      const rawRows = (await replay(page)).rows.length;
      const plan = await planOf(raw, page);
      if (rawRows !== Math.min(body.items.length + 1, 21) && rawRows !== body.items.length) {
        throw new Error(`${s.name}：原始 SQL 返回 ${rawRows} 行，平台返回 ${body.items.length} 项`);
      }
      const matching = body.total ?? (await countMatching(app, cookie, s.query));

      for (let i = 0; i < 10; i++) {
        await request();
        await rawQuery();
      }
      const platform: number[] = [];
      const rawTimes: number[] = [];
      // Slow scenarios get fewer rounds (at least 20) so the whole run stays within minutes.
      const tp = performance.now();
      await request();
      await rawQuery();
      const rounds = Math.max(20, Math.min(iterations, Math.floor(opts.budgetMs / (performance.now() - tp))));
      // Interleaved, so load from other processes on the machine hits both sides alike.
      for (let i = 0; i < rounds; i++) {
        let t = performance.now();
        await request();
        platform.push(performance.now() - t);
        t = performance.now();
        await rawQuery();
        rawTimes.push(performance.now() - t);
      }
      const r: ListResult = {
        scenario: s,
        matching,
        depth,
        statementsPerRequest: queries.length,
        rawStatements: domain.length,
        rounds,
        plan,
        platform: summarise(platform),
        raw: summarise(rawTimes),
        sql: domain,
      };
      results.push(r);
      log(
        `${s.name}（${rounds} 轮）：平台 p50 ${r.platform.p50.toFixed(2)} ms / p95 ${r.platform.p95.toFixed(2)} ms；` +
          `原始 SQL p50 ${r.raw.p50.toFixed(2)} ms / p95 ${r.raw.p95.toFixed(2)} ms（平台 ${queries.length} 条语句/请求，原始 ${domain.length} 条）；计划：${plan}`,
      );
    }
  } finally {
    await raw.end();
  }
  return results;
}

/** How many enterprises the scenario's filter matches (once, untimed), via the API's own total. */
async function countMatching(app: FastifyInstance, cookie: string, query: string): Promise<number> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/enterprises?${query}&withTotal=true`, headers: { cookie } });
  return res.json().total;
}

/** The scan nodes of a statement's plan, outermost first, to tell which index served the page. */
async function planOf(raw: pg.Client, q: CapturedQuery): Promise<string> {
  const res = await raw.query({ text: `EXPLAIN (FORMAT JSON) ${q.text}`, values: q.values as unknown[] });
  const scans: string[] = [];
  const walk = (n: Record<string, unknown>) => {
    const type = String(n['Node Type']);
    if (/Scan/.test(type) && !/Subquery|Function/.test(type)) {
      const dir = n['Scan Direction'] === 'Backward' ? ' Backward' : '';
      const target = n['Index Name'] ?? n['Relation Name'];
      scans.push(`${type}${dir}${target ? ` ${target}` : ''}`);
    }
    for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
  };
  walk((res.rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return scans.join(' → ');
}
