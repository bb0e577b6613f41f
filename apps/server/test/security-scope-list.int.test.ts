import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, ACCOUNTS, type AccountScope, accountScopes, ALLOW_LIST, inAdminScope, openapiRoutes, type Route, routeKey } from './support/scope-matrix.ts';
import { buildOwnerRecords, seedOtherAccounts } from './support/scope-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** An out-of-scope region for each account: a sibling, another prefecture, or another province. */
const FOREIGN: Record<Account, string> = {
  admin: '420000',
  'gy-office': '410182',
  'xy-office': '410181',
  'zz-office': '410300',
  'ha-office': '420000',
  'ly-office': '410100',
  'gy-town': '410181101',
  'gy-park': '410181100',
  'gy-ent': '410182',
  'gy-fgw': '410182',
  'gy-leader': '410182',
  auditor: '420000',
  'hb-office': '410000',
};

/** Query parameters that name a region or an enterprise: each is probed with an out-of-scope value. */
const REGION_FILTERS = ['region', 'regionCode', 'countyCode', 'parent', 'issuer'];

/** Every string under a key naming a region, and every enterprise id, anywhere in a JSON answer. */
function collect(v: unknown, regions: Set<string>, enterprises: Set<number>): void {
  if (Array.isArray(v)) for (const x of v) collect(x, regions, enterprises);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (/regionCode$/i.test(k) && typeof x === 'string') regions.add(x);
      else if (k === 'enterpriseId' && typeof x === 'number') enterprises.add(x);
      else collect(x, regions, enterprises);
    }
  }
}

/**
 * List, filter and export probes (issue 9): every GET route without a path parameter, as every account,
 * unfiltered and with each region filter set to a region outside the account's scope. No answer may
 * carry a region outside the account's subtree and chain of ancestors (upper levels' plans and
 * requirements reach down), nor, for the enterprise user, another enterprise's id.
 */
describe('scope matrix: lists, filters and exports', () => {
  let t: TestApp;
  let routes: Route[];
  let accounts: Record<Account, AccountScope>;
  let ownEnterprise: number;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOtherAccounts(t);
    accounts = await accountScopes(t);
    await buildOwnerRecords(t, Object.fromEntries(Object.values(accounts).map((a) => [a.username, a.cookie])));
    routes = (await openapiRoutes(t)).filter((r) => r.method === 'GET' && r.pathParams.length === 0 && !(routeKey(r) in ALLOW_LIST));
    ownEnterprise = (await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: accounts['gy-ent'].cookie })).json().enterpriseId;
  });
  afterAll(() => t?.close());

  it('finds the list routes in the OpenAPI document', () => {
    expect(routes.map(routeKey)).toContain('GET /api/v1/survey-filings/candidate-lines');
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ACCOUNTS)('as %s, no list leaks a record outside the scope', async (username) => {
    const a = accounts[username];
    let probes = 0;
    for (const route of routes) {
      const variants: Record<string, string>[] = [{}];
      for (const f of route.query.filter((q) => REGION_FILTERS.includes(q))) variants.push({ [f]: FOREIGN[username] });
      if (route.query.includes('enterprise')) variants.push({ enterprise: '1' }, { enterprise: '2' });
      for (const v of variants) {
        const q = new URLSearchParams({ ...(route.query.includes('year') ? { year: '2026' } : {}), ...v });
        const url = `${route.path}?${q}`;
        const res = await t.request({ method: 'GET', url, cookie: a.cookie });
        probes++;
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) continue;
        const regions = new Set<string>();
        const enterprises = new Set<number>();
        collect(res.json(), regions, enterprises);
        for (const code of regions) {
          const visible = a.scope.column === 'all' || a.chain.includes(code) || (await inAdminScope(t, a, [code]));
          expect(visible, `${url} as ${username} returned region ${code}`).toBe(true);
        }
        if (a.role === 'enterprise') for (const id of enterprises) expect(id, `${url} as ${username}`).toBe(ownEnterprise);
      }
    }
    expect(probes).toBeGreaterThan(routes.length);
  });
});
