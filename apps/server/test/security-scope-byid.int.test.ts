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
 * out-of-scope records answers 404 and writes nothing.
 */
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

  const probes: [string, Account, OwnerRegion][] = [];
  for (const key of Object.keys(BY_ID_ROUTES)) for (const a of ACCOUNTS) for (const r of OWNER_REGIONS) probes.push([key, a, r]);

  describe.each(Object.keys(BY_ID_ROUTES))('%s', (key) => {
    const route = BY_ID_ROUTES[key]!;
    const path = key.slice(key.indexOf(' ') + 1);
    const missingOf = new Map<Account, { status: number; body: string }>();
    const missing = async (a: AccountScope) => {
      if (!missingOf.has(a.username)) {
        const res = await t.request({ method: 'GET', url: fillPath(path, MISSING), cookie: a.cookie });
        missingOf.set(a.username, { status: res.statusCode, body: res.body });
      }
      return missingOf.get(a.username)!;
    };
    it.each(ACCOUNTS.flatMap((a) => OWNER_REGIONS.map((r) => [a, r] as const)))('as %s, record of %s', async (username, region) => {
      const a = accounts[username];
      const rec = records[region];
      const params = route.params(rec);
      if (!params) return; // this region holds no such record (the province files to no one)
      const res = await t.request({ method: 'GET', url: fillPath(path, params), cookie: a.cookie });
      expect(res.statusCode, res.body).toBeLessThan(500);
      const want = await expectation(t, a, route, rec);
      const gone = await missing(a);
      expect(gone.status === 404 || gone.status === 403, `missing id: ${gone.status} ${gone.body}`).toBe(true);
      if (want === 'out') {
        expect({ status: res.statusCode, body: res.body }).toEqual(gone);
      } else if (want === 'in') {
        const allowed = [200, 403, ...(route.reporting || route.inMayBeMissing ? [404] : [])];
        expect(allowed, `${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      }
    });
  });

  it('probes at least 1,000 by-id cases', () => {
    expect(probes.length).toBeGreaterThanOrEqual(1000);
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

    describe.each(Object.keys(WRITE_ROUTES))('%s', (key) => {
      const w = WRITE_ROUTES[key]!;
      const [method, path] = key.split(' ') as [string, string];
      const send = (a: AccountScope, params: Record<string, string | number>, rec: OwnerRecords | null) =>
        t.request({
          method: method as 'POST',
          url: fillPath(path, params) + (w.query ? `?${w.query}` : ''),
          cookie: a.cookie,
          ...(w.form ? w.form() : { payload: (w.body?.(rec ?? records['410181']) ?? undefined) as never }),
        });
      it.each(ACCOUNTS.filter((a) => a !== 'admin').flatMap((a) => OWNER_REGIONS.map((r) => [a, r] as const)))('as %s, record of %s', async (username, region) => {
        const a = accounts[username];
        const rec = records[region];
        const params = w.params(rec);
        if (!params) return;
        const regions = w.regions?.(rec) ?? [rec.region];
        if (a.role !== 'enterprise' && (await inAdminScope(t, a, regions))) return; // in scope: the module tests cover it
        if (w.readDown && regions.some((c) => a.chain.includes(c))) return; // a level below reads (and files on) it
        const res = await send(a, params, rec);
        const gone = await send(a, Object.fromEntries(Object.keys(params).map((k) => [k, MISSING[k]!])), rec);
        expect({ status: res.statusCode, body: res.body }).toEqual({ status: gone.statusCode, body: gone.body });
        expect(username.endsWith('-office') ? [404] : [403, 404], res.body).toContain(res.statusCode);
      });
    });

    it('left every record and the audit log as they were', async () => {
      expect(await snapshot()).toEqual(before);
      expect(await auditCount(t)).toBe(auditBefore);
    });
  });
});

async function auditCount(t: TestApp): Promise<number> {
  const rows = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM audit_log`);
  return rows[0]!.n;
}
