import { regionInScope, type ScopeColumn } from '../../src/platform/access/actor.ts';
import { ancestryOf, regionRepository } from '../../src/modules/region/index.ts';
import type { OwnerRecords } from './scope-fixtures.ts';
import type { TestApp } from './test-app.ts';

/**
 * The scope matrix of issue 9, generated from the OpenAPI document of the real app: every route is
 * either probed (by id, as a list, or as a write by id) or named in ALLOW_LIST with the reason it needs
 * no scope probe. A route in neither fails `unclassifiedRoutes`, so the next route added joins the matrix.
 */
export interface Route {
  method: string;
  /** OpenAPI form: /api/v1/enterprises/{id}. */
  path: string;
  pathParams: string[];
  query: string[];
}

export async function openapiRoutes(t: TestApp): Promise<Route[]> {
  const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi: ${res.statusCode}`);
  const doc = res.json() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
  const out: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => p.name),
      });
    }
  }
  return out;
}

export const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** Routes with nothing to scope, each with why. Adding a route here needs the same justification. */
export const ALLOW_LIST: Record<string, string> = {
  'GET /api/health': 'public liveness probe',
  'POST /api/v1/auth/login': 'public: login',
  'POST /api/v1/auth/logout': 'own session only',
  'GET /api/v1/auth/me': 'own account only',
  'POST /api/v1/auth/password': 'own account only',
  'POST /api/v1/auth/login/totp': 'public: second login step, by a sealed ticket',
  'POST /api/v1/auth/totp/enrolment': 'own account only',
  'POST /api/v1/auth/totp/enrolment/confirm': 'own account only',
  'POST /api/v1/auth/totp/disable': 'own account only',
  'POST /api/v1/jobs/audit-checkpoint/run': 'admin job, settings:manage',
  'POST /api/v1/jobs/calendar-reminders/run': 'admin job, settings:manage',
  // No flag fixture in the matrix yet: out-of-scope flags answer 404 in data-quality.int.test.ts (郑州 and 河南's flag).
  'GET /api/v1/data-quality/flags/{id}': 'scoped like its region; covered by data-quality tests',
  'POST /api/v1/data-quality/flags/{id}/resolve': 'scoped like its region; covered by data-quality tests',
  'GET /api/v1/data-quality/flags/{id}/record/history': 'scoped like its flag; covered by data-quality-sweep tests',
  'POST /api/v1/data-quality/recheck': 'region in the body (regionInActorScope, 404 outside); data-quality-sweep tests',
  'POST /api/v1/jobs/data-quality-sweep/run': 'admin job, settings:manage',
  'GET /api/v1/data-quality/flags/{id}/history': 'scoped like its flag (readableFlag); covered by data-quality tests',
  // Levers (issue 12): no case fixture in the matrix until the case module lands; out-of-scope 404s are asserted
  // in price-measure / joint-punishment / joint-notice int tests (another county's recipient and office).
  'POST /api/v1/price-measures': 'creation: the enterprise is read through the scope (404 outside); price-measure tests',
  'GET /api/v1/price-measures/{id}': 'scoped by region and recipient/sender agency; price-measure tests (荥阳 供电 404)',
  'GET /api/v1/price-measures/{id}/history': 'scoped like its delivery; price-measure tests',
  'POST /api/v1/price-measures/{id}/transition': 'scoped like its delivery (404 outside); price-measure tests',
  'POST /api/v1/joint-punishment': 'creation: the enterprise is read through the scope (404 outside); joint-punishment tests',
  'GET /api/v1/joint-punishment/{id}': 'scoped by the enterprise region, the enterprise its own; joint-punishment tests (荥阳 office 404)',
  'GET /api/v1/joint-punishment/{id}/history': 'scoped like its entry; joint-punishment tests',
  'POST /api/v1/joint-punishment/{id}/restrictions': 'scoped like its entry (404 outside); joint-punishment tests',
  'POST /api/v1/joint-punishment/{id}/transition': 'scoped like its entry (404 outside); joint-punishment tests',
  'POST /api/v1/joint-notices': 'creation: each enterprise read through the scope (404 outside); joint-notice tests',
  'GET /api/v1/joint-notices/{id}': 'scoped by the issuing office region; joint-notice tests (荥阳 office 404)',
  'GET /api/v1/joint-notices/{id}/notice.docx': 'scoped like its notice; joint-notice tests',
  'GET /api/v1/joint-notices/{id}/items/{itemId}/history': 'scoped like its notice (404 outside, another notice’s item 404); joint-notice tests',
  'POST /api/v1/joint-notices/{id}/items/{itemId}/execute': 'scoped like its notice (404 outside), addressed department only (403); joint-notice tests',
  // Tips (issue 13): the by-id routes are probed (BY_ID_ROUTES, WRITE_ROUTES); these two carry no id.
  'PUT /api/v1/tips/settings': "the group office's own region only",
  'POST /api/v1/jobs/tip-escalation/run': 'admin job, settings:manage',
  'GET /api/v1/settings/security': 'national setting, settings:manage (admin) only',
  'PUT /api/v1/settings/security': 'national setting, settings:manage (admin) only',
  'GET /api/v1/settings/todo': 'national setting (待办提醒), settings:manage (admin) only',
  'PUT /api/v1/settings/todo': 'national setting (待办提醒), settings:manage (admin) only',
  'GET /api/v1/calendar/years/{year}': 'the national working-day calendar: not regional data',
  'PUT /api/v1/calendar/years/{year}': 'the national working-day calendar, settings:manage (admin) only',
  'GET /api/v1/calendar/add-working-days': 'pure date arithmetic',
  'GET /api/v1/calendar/deadline': 'pure date arithmetic',
  'GET /api/v1/catalogue/units': 'national catalogue, same for everyone',
  'GET /api/v1/catalogue/industries': 'national catalogue, same for everyone',
  'POST /api/v1/catalogue/industries': 'national catalogue, catalogue:manage only',
  'PUT /api/v1/catalogue/industries/{code}': 'national catalogue, catalogue:manage only',
  'GET /api/v1/catalogue/basis-items': 'national catalogue, same for everyone',
  'POST /api/v1/catalogue/basis-items': 'national catalogue, catalogue:manage only',
  'PUT /api/v1/catalogue/basis-items/{id}': 'national catalogue, catalogue:manage only',
  'GET /api/v1/audit': 'scoped by the audit module (h-audit) and its own tests',
  'GET /api/v1/audit/verify': 'chain verification, audit:read; scoped by h-audit',
  'GET /api/v1/survey-imports/template.xlsx': 'an empty form',
  'POST /api/v1/survey-imports/preview': 'rows checked against the scope by survey-import tests (no id in the path)',
  'POST /api/v1/survey-imports/commit': 'rows checked against the scope by survey-import tests (no id in the path)',
  'GET /api/v1/work-plans/templates': 'fixed templates',
  'GET /api/v1/notifications': "the user's own notifications (user_id = actor)",
  'GET /api/v1/notifications/unread-count': "the user's own notifications",
  'GET /api/v1/notifications/export.xlsx': "the user's own notifications (user_id = actor; notification-list tests)",
  'POST /api/v1/notifications/{id}/read': "the user's own notifications: another user's id is 404 (notification tests)",
  'POST /api/v1/notifications/read-all': "the user's own notifications",
  'POST /api/v1/jobs/filing-reminders/run': 'admin job, settings:manage',
  'POST /api/v1/jobs/exit-task-reminders/run': 'admin job, settings:manage',
  'GET /api/v1/todo': "the user's own to-do: each source lists through the actor's scope (todo tests)",
  'GET /api/v1/todo/count': "the user's own to-do count",
  'POST /api/v1/jobs/todo-reminders/run': 'admin job, settings:manage',
  'POST /api/v1/progress/rebuild': 'admin job, settings:manage',
  'GET /api/v1/my-deadlines': "the user's own deadlines (its filer identity)",
  'POST /api/v1/filing-attachments': 'an upload owned by its uploader until attached',
  'GET /api/v1/public/announcements': 'public site: published announcements only',
  'GET /api/v1/public/announcements/{id}': 'public site: published announcements only',
  'POST /api/v1/public/announcements/{id}/objections': 'public site: objections to an open 公示',
  'GET /api/v1/public/objections': 'public site: by query code and phone',
  'GET /api/v1/public/search': 'public site: published announcements only',
  'GET /api/v1/public/regions': 'public site: region names',
  'POST /api/v1/public/tips': 'public site: filing a tip (issue 13), no session, nothing about the client kept',
  'POST /api/v1/public/tips/lookup': 'public site: a tip by its receipt code only (wrong and unknown codes: the same 404)',
  'POST /api/v1/public/tips/messages': 'public site: a message to a tip by its receipt code only',
  'GET /api/v1/public/tip-results': 'public site: concluded tips, published without tipster data',
  'GET /api/v1/public/enterprise-names': 'public site: registered enterprise names for the tip form',
  'GET /api/v1/public/regions/children': 'public site: the region tree (names and codes only) for the tip form',
  // Creation routes take the region or record in the body; their scope is tested by each module.
  'POST /api/v1/regions/parks': 'create: county in the body, region tests',
  'POST /api/v1/enterprises': 'create: region in the body, enterprise scope tests',
  'POST /api/v1/users': 'create: region in the body, user-scope tests',
  'POST /api/v1/targets': 'create: region in the body, target tests',
  'POST /api/v1/elimination-plans': 'create: region in the body, elimination-plan tests',
  'POST /api/v1/responsibility-letters': 'create: parties in the body, letter tests',
  'POST /api/v1/work-plans': 'create: region in the body, work-plan tests',
  'POST /api/v1/filing-requirements': "create: the issuer is the actor's own region",
  'POST /api/v1/survey-filings': 'create: requirement in the body, checked against the filer (survey tests)',
  'POST /api/v1/inspections': 'create: region in the body, inspection tests',
  'GET /api/v1/inspections/leader-accounts': 'region in the query: out of scope 404, non-office 403 (inspection tests)',
  'POST /api/v1/announcements': 'create: region in the body, announcement tests',
  'POST /api/v1/cases': 'create: enterprise in the body, refused naming the field out of scope (non-compliance-case tests)',
};

/** How a record relates to an account's region. */
export type Relation = 'in' | 'out';

/** One by-id probe target: the URL of a record and the regions that put it in an account's scope. */
export interface IdRoute {
  /** Path parameters for an owner region's records; null when the region holds no such record. */
  params(rec: OwnerRecords): Record<string, string | number> | null;
  /** Regions whose scope reads the record (default: the owner region). */
  regions?(rec: OwnerRecords): string[];
  /** Region scope alone decides (regions are reference data): the enterprise user sees its region's too. */
  regionData?: boolean;
  /** Lower levels read it too (a work plan is what the levels below copy), so "below" is not probed. */
  readDown?: boolean;
  /** Reporting-tree records (filings): in the administrative scope may still be 404 (郑州 does not oversee 巩义). */
  reporting?: boolean;
  /** In scope but the sub-resource may not exist yet (no signed scan of an unconcluded record). */
  inMayBeMissing?: boolean;
}

const ent = (r: OwnerRecords) => [r.enterpriseRegion];

/** Every GET route with a path parameter, and which fixture record fills it. */
export const BY_ID_ROUTES: Record<string, IdRoute> = {
  'GET /api/v1/regions/{code}': { params: (r) => ({ code: r.region }), regionData: true },
  'GET /api/v1/regions/{code}/agencies': { params: (r) => ({ code: r.region }), regionData: true },
  'GET /api/v1/regions/{code}/leading-group': { params: (r) => ({ code: r.region }), regionData: true, inMayBeMissing: true },
  'GET /api/v1/office-settings/{code}': { params: (r) => ({ code: r.region }) },
  'GET /api/v1/enterprises/{id}': { params: (r) => ({ id: r.enterpriseId }), regions: ent },
  'GET /api/v1/users/{id}': { params: (r) => ({ id: r.userId }) },
  'GET /api/v1/targets/{id}': { params: (r) => ({ id: r.targetId }) },
  'GET /api/v1/targets/{id}/child-regions': { params: (r) => ({ id: r.targetId }) },
  'GET /api/v1/targets/{id}/line-candidates': { params: (r) => ({ id: r.targetId }), inMayBeMissing: true },
  'GET /api/v1/targets/{id}/history': { params: (r) => ({ id: r.targetId }) },
  'GET /api/v1/elimination-plans/{id}': { params: (r) => ({ id: r.planId }) },
  'GET /api/v1/elimination-plans/{id}/candidates': { params: (r) => ({ id: r.planId }), inMayBeMissing: true },
  'GET /api/v1/elimination-plans/{id}/export.xlsx': { params: (r) => ({ id: r.planId }) },
  'GET /api/v1/elimination-plans/{id}/history': { params: (r) => ({ id: r.planId }) },
  'GET /api/v1/responsibility-letters/{id}': { params: (r) => ({ id: r.letterId }), regions: (r) => r.letterRegions },
  'GET /api/v1/responsibility-letters/{id}/document.docx': { params: (r) => ({ id: r.letterId }), regions: (r) => r.letterRegions },
  'GET /api/v1/responsibility-letters/{id}/history': { params: (r) => ({ id: r.letterId }), regions: (r) => r.letterRegions },
  'GET /api/v1/responsibility-letters/{id}/signed-scan': { params: (r) => ({ id: r.letterId }), regions: (r) => r.letterRegions },
  'GET /api/v1/work-plans/{id}': { params: (r) => ({ id: r.workPlanId }), readDown: true },
  'GET /api/v1/filing-requirements/{id}': { params: (r) => ({ id: r.requirementId }), readDown: true, reporting: true },
  'GET /api/v1/filing-requirements/{id}/filings': { params: (r) => ({ id: r.requirementId }), readDown: true, reporting: true },
  'GET /api/v1/filing-requirements/{id}/non-submitters': { params: (r) => ({ id: r.requirementId }), readDown: true, reporting: true },
  'GET /api/v1/filings/{id}': { params: (r) => (r.filingId ? { id: r.filingId } : null), reporting: true },
  'GET /api/v1/filings/{id}/history': { params: (r) => (r.filingId ? { id: r.filingId } : null), reporting: true },
  'GET /api/v1/survey-filings/{id}': { params: (r) => (r.surveyFilingId ? { id: r.surveyFilingId } : null), reporting: true },
  'GET /api/v1/filing-attachments/{id}': { params: (r) => (r.attachmentId ? { id: r.attachmentId } : null), reporting: true },
  'GET /api/v1/exit-tasks/{id}': { params: (r) => ({ id: r.taskId }), regions: ent },
  'GET /api/v1/exit-tasks/{id}/commitment.docx': { params: (r) => ({ id: r.taskId }), regions: ent },
  'GET /api/v1/exit-tasks/{id}/evidence/{evidenceId}': { params: (r) => ({ id: r.taskId, evidenceId: r.evidenceId }), regions: ent },
  'GET /api/v1/inspections/{id}': { params: (r) => ({ id: r.roundId }) },
  'GET /api/v1/inspections/{id}/candidates': { params: (r) => ({ id: r.roundId }) },
  'GET /api/v1/inspections/{id}/history': { params: (r) => ({ id: r.roundId }) },
  'GET /api/v1/inspections/{id}/records/{recordId}/signed-scan': { params: (r) => ({ id: r.roundId, recordId: r.recordId }), inMayBeMissing: true },
  'GET /api/v1/announcements/{id}': { params: (r) => ({ id: r.announcementId }) },
  'GET /api/v1/announcements/{id}/objections': { params: (r) => ({ id: r.announcementId }) },
  'GET /api/v1/announcements/{id}/history': { params: (r) => ({ id: r.announcementId }) },
  // The fixture's 公示 may have no objection yet: in scope the objection is then missing (404) like out of scope.
  'GET /api/v1/announcements/{id}/objections/{objectionId}/history': { params: (r) => ({ id: r.announcementId, objectionId: 1 }), inMayBeMissing: true },
  // In scope a case is still 404 to whoever is outside its reach (another department, a town, an auditor: issue 12
  // "others 404"); out of scope it must answer exactly like a missing case.
  'GET /api/v1/cases/{id}': { params: (r) => ({ id: r.caseId }), regions: ent, inMayBeMissing: true },
  'GET /api/v1/cases/{id}/history': { params: (r) => ({ id: r.caseId }), regions: ent, inMayBeMissing: true },
  'GET /api/v1/cases/{id}/files/{fileId}': { params: (r) => ({ id: r.caseId, fileId: 1 }), regions: ent, inMayBeMissing: true },
  // In scope a tip is still 404 to towns, enterprises, other departments and the administrator (issue 13, ADR 0025).
  'GET /api/v1/tips/{id}': { params: (r) => ({ id: r.tipId }), inMayBeMissing: true },
  'GET /api/v1/tips/{id}/history': { params: (r) => ({ id: r.tipId }), inMayBeMissing: true },
  'GET /api/v1/tips/{id}/files/{fileId}': { params: (r) => ({ id: r.tipId, fileId: 1 }), inMayBeMissing: true },
};

/** A value no record has, per path parameter name (region codes are 6+ digits, ids are int4). */
export const MISSING: Record<string, string | number> = { id: 2_000_000_000, code: '419999', evidenceId: 2_000_000_000, recordId: 2_000_000_000, lineId: 2_000_000_000, planId: 2_000_000_000, objectionId: 2_000_000_000, requestId: 2_000_000_000, fileId: 2_000_000_000 };

export function fillPath(path: string, params: Record<string, string | number>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(String(params[name]));
  });
}

/** Demo accounts of the matrix, plus 洛阳's office and another province's (seedOtherAccounts). */
export const ACCOUNTS = ['admin', 'gy-office', 'xy-office', 'zz-office', 'ha-office', 'ly-office', 'gy-town', 'gy-park', 'gy-ent', 'gy-fgw', 'gy-leader', 'auditor', 'hb-office'] as const;
export type Account = (typeof ACCOUNTS)[number];

/** An account's scope as the server computes it (region level → ancestor column), and its role. */
export interface AccountScope {
  username: Account;
  role: string;
  regionCode: string;
  scope: { column: ScopeColumn; code: string };
  /** Its region and every administrative ancestor. */
  chain: string[];
  /** Its session, logged in once per file. */
  cookie: string;
}

export async function accountScopes(t: TestApp): Promise<Record<Account, AccountScope>> {
  const out = {} as Record<Account, AccountScope>;
  for (const username of ACCOUNTS) {
    const cookie = await t.login(username);
    const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).json();
    // The admin's region is the country, which is no row of the (one-province) test tree.
    const region = await regionRepository.byCode(t.ctx.db, me.regionCode);
    const level = region?.level;
    const column: ScopeColumn =
      me.role === 'admin' ? 'all' : level === 'province' ? 'provinceCode' : level === 'prefecture' ? 'prefectureCode' : level === 'county' ? 'countyCode' : 'townshipCode';
    const a = region ? ancestryOf(region) : null;
    const chain = a ? [a.provinceCode, a.prefectureCode, a.countyCode, a.townshipCode].filter((c): c is string => !!c) : [];
    out[username] = { username, role: me.role, regionCode: me.regionCode, scope: { column, code: me.regionCode }, chain, cookie };
  }
  return out;
}

/** True if any of the regions lies in the account's administrative subtree. */
const regionRows = new Map<string, Awaited<ReturnType<typeof regionRepository.byCode>>>();
export async function inAdminScope(t: TestApp, a: AccountScope, regions: string[]): Promise<boolean> {
  for (const code of regions) {
    if (!regionRows.has(code)) regionRows.set(code, await regionRepository.byCode(t.ctx.db, code));
    const r = regionRows.get(code);
    if (r && regionInScope(a, ancestryOf(r))) return true;
  }
  return false;
}

/**
 * What an account may get for a record: 'out' must answer exactly like a missing id; 'in' must answer
 * 200 (or 403, or 404 for reporting-tree records); 'any' (a record above a read-down account) is not asserted.
 */
export async function expectation(t: TestApp, a: AccountScope, route: IdRoute, rec: OwnerRecords): Promise<'in' | 'out' | 'any'> {
  const regions = route.regions?.(rec) ?? [rec.region];
  const confined = a.role === 'enterprise' && !route.regionData;
  if (!confined && (await inAdminScope(t, a, regions))) return 'in';
  if (route.readDown && regions.some((c) => a.chain.includes(c))) return 'any';
  return 'out';
}
