import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { type Account, ACCOUNTS, type AccountScope, accountScopes, ALLOW_LIST, BY_ID_ROUTES, expectation, fillPath, inAdminScope, MISSING, openapiRoutes, type Route, routeKey } from './support/scope-matrix.ts';
import { buildOwnerRecords, OWNER_REGIONS, type OwnerRecords, type OwnerRegion, seedOtherAccounts } from './support/scope-fixtures.ts';
import { WRITE_ROUTES } from './support/scope-writes.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * The by-id scope matrix (issue 9): every GET route with a path parameter, for records of five owner
 * regions, as every demo account and another province's office. Out of scope answers exactly like a
 * missing id; in scope answers 200 (or 403 where the role may not read). Then every write by id on
 * out-of-scope records answers 404 and writes nothing. Writes are probed as every office (each level and
 * another province), the enterprise user and one member agency: every write route × every out-of-scope
 * owner region, without repeating the same refusal for every role of one level.
 */
const WRITE_ACCOUNTS: Account[] = ['gy-office', 'xy-office', 'zz-office', 'ha-office', 'ly-office', 'hb-office', 'gy-ent', 'gy-fgw'];

describe('scope matrix by id', () => {
  let t: TestApp;
  let routes: Route[];
  let accounts: Record<Account, AccountScope>;
  let records: Record<OwnerRegion, OwnerRecords>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOtherAccounts(t);
    accounts = await accountScopes(t);
    const cookies = Object.fromEntries(Object.values(accounts).map((a) => [a.username, a.cookie]));
    records = await buildOwnerRecords(t, cookies);
    routes = await openapiRoutes(t);
  });
  afterAll(() => t?.close());

  it('classifies every route of the OpenAPI document (a new route must join the matrix or the allow-list)', () => {
    const listed = new Set([...Object.keys(BY_ID_ROUTES), ...Object.keys(WRITE_ROUTES), ...Object.keys(ALLOW_LIST)]);
    const lists = routes.filter((r) => r.method === 'GET' && r.pathParams.length === 0);
    const unclassified = routes.filter((r) => !listed.has(routeKey(r)) && !lists.includes(r)).map(routeKey);
    expect(unclassified).toEqual([]);
    // And nothing stale: every classified route still exists.
    const existing = new Set(routes.map(routeKey));
    expect([...listed].filter((k) => !existing.has(k))).toEqual([]);
  });

  /** Probes actually sent (GET and write), counted as they run. */
  let probes = 0;

  // One test per route, each probing every account × owner region and collecting what disagrees: a failure
  // names the route, the account and the region; thousands of separate tests cost more than the probes.
  it.each(Object.keys(BY_ID_ROUTES))('%s: out of scope answers like a missing id, in scope 200/403', async (key) => {
    const route = BY_ID_ROUTES[key]!;
    const path = key.slice(key.indexOf(' ') + 1);
    const mismatches: string[] = [];
    for (const username of ACCOUNTS) {
      const a = accounts[username];
      const gone = await t.request({ method: 'GET', url: fillPath(path, MISSING), cookie: a.cookie });
      const missing = { status: gone.statusCode, body: gone.body };
      if (missing.status !== 404 && missing.status !== 403) mismatches.push(`as ${username}, missing id: ${missing.status} ${missing.body}`);
      for (const region of OWNER_REGIONS) {
        const rec = records[region];
        const params = route.params(rec);
        if (!params) continue; // this region holds no such record (the province files to no one)
        const res = await t.request({ method: 'GET', url: fillPath(path, params), cookie: a.cookie });
        probes++;
        const got = { status: res.statusCode, body: res.body };
        const at = `as ${username}, record of ${region}`;
        const want = await expectation(t, a, route, rec);
        if (res.statusCode >= 500) mismatches.push(`${at}: ${got.status} ${got.body.slice(0, 200)}`);
        else if (want === 'out' && (got.status !== missing.status || got.body !== missing.body)) {
          mismatches.push(`${at}: out of scope answered ${got.status} ${got.body.slice(0, 200)}, a missing id ${missing.status} ${missing.body.slice(0, 200)}`);
        } else if (want === 'in') {
          const allowed = [200, 403, ...(route.reporting || route.inMayBeMissing ? [404] : [])];
          if (!allowed.includes(got.status)) mismatches.push(`${at}: in scope answered ${got.status} ${got.body.slice(0, 200)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  describe('writes by id on out-of-scope records answer 404 and write nothing', () => {
    let auditBefore = 0;
    const snapshot = async () => {
      const admin = accounts.admin.cookie;
      const out: string[] = [];
      for (const rec of Object.values(records)) {
        for (const url of [`enterprises/${rec.enterpriseId}`, `elimination-plans/${rec.planId}`, `exit-tasks/${rec.taskId}`, `inspections/${rec.roundId}`, `announcements/${rec.announcementId}`, `responsibility-letters/${rec.letterId}`, `targets/${rec.targetId}`, `work-plans/${rec.workPlanId}`, `users/${rec.userId}`]) {
          out.push((await t.request({ method: 'GET', url: `/api/v1/${url}`, cookie: admin })).body);
        }
      }
      return out;
    };
    let before: string[] = [];
    beforeAll(async () => {
      auditBefore = await auditCount(t);
      before = await snapshot();
    });

    it.each(Object.keys(WRITE_ROUTES))('%s: out of scope answers like a missing id (404)', async (key) => {
      const w = WRITE_ROUTES[key]!;
      const [method, path] = key.split(' ') as [string, string];
      const send = (a: AccountScope, params: Record<string, string | number>, payload: unknown) =>
        t.request({
          method: method as 'POST',
          url: fillPath(path, params) + (w.query ? `?${w.query}` : ''),
          cookie: a.cookie,
          ...(w.form ? w.form() : { payload: payload as never }),
        });
      const mismatches: string[] = [];
      for (const username of WRITE_ACCOUNTS) {
        const a = accounts[username];
        // The missing-id answer per body (most bodies do not depend on the record): one request each.
        const missingOf = new Map<string, { status: number; body: string }>();
        for (const region of OWNER_REGIONS) {
          const rec = records[region];
          const params = w.params(rec);
          if (!params) continue;
          const regions = w.regions?.(rec) ?? [rec.region];
          if (a.role !== 'enterprise' && (await inAdminScope(t, a, regions))) continue; // in scope: the module tests cover it
          if (w.readDown && regions.some((c) => a.chain.includes(c))) continue; // a level below reads (and files on) it
          const payload = w.body?.(rec);
          const bodyKey = JSON.stringify(payload ?? null);
          if (!missingOf.has(bodyKey)) {
            const gone = await send(a, Object.fromEntries(Object.keys(params).map((k) => [k, MISSING[k]!])), payload);
            missingOf.set(bodyKey, { status: gone.statusCode, body: gone.body });
          }
          const missing = missingOf.get(bodyKey)!;
          const res = await send(a, params, payload);
          probes++;
          const at = `as ${username}, record of ${region}`;
          if (res.statusCode !== missing.status || res.body !== missing.body) {
            mismatches.push(`${at}: answered ${res.statusCode} ${res.body.slice(0, 200)}, a missing id ${missing.status} ${missing.body.slice(0, 200)}`);
          } else if (!(username.endsWith('-office') ? [404] : [403, 404]).includes(res.statusCode)) {
            mismatches.push(`${at}: answered ${res.statusCode} ${res.body.slice(0, 200)}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('left every record and the audit log as they were', async () => {
      expect(await snapshot()).toEqual(before);
      expect(await auditCount(t)).toBe(auditBefore);
    });
  });

  it('sent at least 1,000 probes', () => {
    expect(probes).toBeGreaterThanOrEqual(1000);
  });
});

async function auditCount(t: TestApp): Promise<number> {
  const rows = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM audit_log`);
  return rows[0]!.n;
}
