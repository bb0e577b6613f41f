import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { usccCheckChar } from '@taotai/shared';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiAs } from './support/api.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

/**
 * Every list page of the app exported once with a filter (issue 11 "every list exports what its filters show"):
 * the page opened with the filter in its URL, 导出 clicked, the file read back with exceljs. The data rows are
 * exactly the filtered count the API gives for the same filters, date columns hold Date cells and names stand
 * beside their codes.
 */
const MARK = '导出测试';
const YEAR = 2026;

let server: RunningServer;
let browser: Browser;
const pages = new Map<string, Page>();
const clients = new Map<string, ApiClient>();

async function pageAs(user: string): Promise<Page> {
  let p = pages.get(user);
  if (!p) {
    p = await (await newContext(browser, server.baseUrl)).newPage();
    p.setDefaultTimeout(30_000);
    await login(p, user);
    pages.set(user, p);
  }
  return p;
}

async function apiOf(user: string): Promise<ApiClient> {
  let c = clients.get(user);
  if (!c) {
    c = await apiAs(server.baseUrl, user);
    clients.set(user, c);
  }
  return c;
}

function uscc(n: number): string {
  const first17 = `91410181MAEX${String(n).padStart(5, '0')}`;
  return first17 + usccCheckChar(first17);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const gy = await apiOf('gy-office');
  const ha = await apiOf('ha-office');
  const zz = await apiOf('zz-office');
  // Two enterprises with lines, a plan approved by the province and its exit tasks (dates in every export).
  const lineIds: number[] = [];
  const entIds: number[] = [];
  for (const i of [1, 2]) {
    const ent = await gy.call<{ id: number }>('POST', '/api/v1/enterprises', {
      name: `巩义市${MARK}${i}号水泥有限公司`,
      uscc: uscc(i),
      regionCode: '410181100',
      industryCode: 'cement',
      address: '米河镇1号',
      legalRepresentative: '周振华',
      contactPerson: '孙立',
      contactPhone: '0371-64123456',
      employees: 50,
      sizeClass: 'small',
      status: 'operating',
    });
    entIds.push(ent.id);
    for (const j of [1, 2]) {
      const line = await gy.call<{ id: number }>('POST', `/api/v1/enterprises/${ent.id}/lines`, {
        name: `${MARK}${j}号立窑`,
        specification: 'Φ2.8×10m',
        quantity: 1,
        capacity: j,
        capacityUnit: 'wan_t',
        industryCode: 'cement',
        criterion: 'technology',
        basisItemId: null,
        basisText: '《产业结构调整指导目录》淘汰类 水泥机立窑',
        commissioningYear: 2004,
        plannedExitDate: `${YEAR}-12-31`,
        status: 'registered',
        note: '',
      });
      lineIds.push(line.id);
    }
  }
  const plan = await gy.call<{ id: number; version: number }>('POST', '/api/v1/elimination-plans', { regionCode: '410181', year: YEAR });
  // The first line's exit deadline has passed (31 January): its enterprise is a joint punishment and notice candidate.
  await gy.call('POST', `/api/v1/elimination-plans/${plan.id}/lines`, { version: plan.version, items: lineIds.map((lineId, k) => ({ lineId, exitDeadline: k === 0 ? `${YEAR}-01-31` : null })) });
  await gy.call('POST', `/api/v1/elimination-plans/${plan.id}/transitions`, { event: 'submit' });
  await ha.call('POST', `/api/v1/elimination-plans/${plan.id}/transitions`, { event: 'approve' });
  await gy.call('POST', `/api/v1/exit-tasks/from-plan/${plan.id}`);
  // Issue 12's lists: the overdue enterprise on the joint punishment list and in a joint notice; a punitive power
  // price delivered for the enterprise of the demo's open energy case (发改委's).
  await gy.call('POST', '/api/v1/joint-punishment', { enterpriseId: entIds[0], ground: 'missed_exit_deadline', basis: `${MARK}：退出期限${YEAR}-01-31已过，未通过验收` });
  await gy.call('POST', '/api/v1/joint-notices', { enterpriseIds: [entIds[0]] });
  const energy = await gy.call<{ items: { enterpriseId: number }[] }>('GET', '/api/v1/cases?criterion=energy&pageSize=1');
  await gy.call('POST', '/api/v1/price-measures', { enterpriseId: energy.items[0]!.enterpriseId, kind: 'punitive_power', surchargePerKwh: 0.3 });
  // A requirement from the province to every unit below (报送管理's three tabs), and two years' work plans.
  await ha.call('POST', '/api/v1/filing-requirements', {
    kind: 'implementation_plan_contacts',
    title: `${MARK}实施方案及工作联系人`,
    description: '请函告实施方案及联系人。',
    year: YEAR,
    audience: { mode: 'child_regions' },
    recurrence: 'once',
    due: { mode: 'fixed', date: `${YEAR}-12-30` },
    requiredFields: [],
  });
  await ha.call('POST', '/api/v1/work-plans', { source: 'template', year: YEAR, template: 'standard' });
  const upper = await zz.call<{ plan: { phases: { id: number; startDate: string; endDate: string }[] } }>('GET', `/api/v1/work-plans/effective?year=${YEAR}`);
  await zz.call('POST', '/api/v1/work-plans', {
    source: 'parent',
    year: YEAR,
    phases: upper.plan.phases.map((p) => ({ parentPhaseId: p.id, startDate: p.startDate, endDate: p.endDate })),
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Sheet {
  header: string[];
  rows: Record<string, unknown>[];
}

/** Clicks the export button and reads the file: the header is the autoFilter's row (a title or filters line may precede it). */
async function exportOf(page: Page, testId: string): Promise<Sheet> {
  const button = page.getByTestId(testId);
  await button.waitFor();
  await expect.poll(() => button.isEnabled()).toBe(true);
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await button.click();
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'taotai-export-')), (await download).suggestedFilename());
  expect(file).toMatch(/\.xlsx$/);
  await (await download).saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const ref = ws.autoFilter as unknown as { from: { row: number } } | string | undefined;
  expect(ref, 'autoFilter on the header').toBeTruthy();
  const headerRow = typeof ref === 'string' ? Number(/\d+/.exec(ref)![0]) : ref!.from.row;
  const header = (ws.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((r, n) => {
    if (n > headerRow) rows.push(Object.fromEntries(header.map((h, i) => [h, (r.values as unknown[])[i + 1] ?? null])));
  });
  return { header, rows };
}

interface Case {
  list: string;
  user: string;
  /** The page with its filter in the URL (a link reproduces the view). */
  url: string;
  /** The same filters on the list endpoint; `total` of its answer is the filtered count. */
  api: string;
  /** The table's test id, waited for before exporting. */
  table: string;
  /** Set up above: the filtered set is not empty. */
  rows: boolean;
  date?: string;
  /** A name column, and the code column it stands beside. */
  name: string;
  code?: string;
  button?: string;
  /** Rows per listed record when the export writes one row per sub-record (a notice's items). */
  rowsPer?: (record: never) => number;
}

const CASES: Case[] = [
  { list: '企业台账', user: 'gy-office', url: `/enterprises?q=${MARK}`, api: `/api/v1/enterprises?q=${MARK}`, table: 'enterprise-table', rows: true, date: '更新时间', name: '所在区划', code: '区划代码' },
  { list: '退出任务', user: 'gy-office', url: `/exit-tasks?q=${MARK}`, api: `/api/v1/exit-tasks?q=${MARK}`, table: 'task-table', rows: true, date: '退出期限', name: '所在区划', code: '区划代码' },
  { list: '用户管理', user: 'gy-office', url: '/users?q=gy-', api: '/api/v1/users?q=gy-', table: 'users-table', rows: true, date: '最近登录', name: '所属区划', code: '区划代码' },
  { list: '通知中心', user: 'ha-office', url: '/notifications?unread=true', api: '/api/v1/notifications?unread=true', table: 'notification-table', rows: true, date: '时间', name: '通知' },
  { list: '审计日志', user: 'admin', url: '/audit?action=exit_task.create_from_plan', api: '/api/v1/audit?action=exit_task.create_from_plan', table: 'audit-table', rows: true, date: '时间', name: '区划', code: '区划代码' },
  { list: '联合验收', user: 'gy-office', url: `/inspections?year=${YEAR}`, api: `/api/v1/inspections?year=${YEAR}`, table: 'round-table', rows: false, date: '检查开始日期', name: '区划', code: '区划代码' },
  { list: '目标责任书', user: 'zz-office', url: `/letters?year=${YEAR}`, api: `/api/v1/responsibility-letters?year=${YEAR}`, table: 'letter-table', rows: false, date: '更新时间', name: '甲方', code: '甲方区划代码' },
  { list: '数据质量', user: 'gy-office', url: '/data-quality?status=open', api: '/api/v1/data-quality/flags?status=open', table: 'dq-table', rows: false, date: '标记时间', name: '区划', code: '区划代码' },
  {
    list: '报送管理·下达给本单位',
    user: 'gy-office',
    url: `/filings?tab=addressed&year=${YEAR}`,
    api: `/api/v1/filing-requirements/list?view=addressed&year=${YEAR}`,
    table: 'addressed-table',
    rows: true,
    date: '截止日期',
    name: '下达单位',
    code: '下达区划代码',
  },
  {
    list: '报送管理·下达的要求',
    user: 'ha-office',
    url: `/filings?tab=issued&year=${YEAR}&kind=implementation_plan_contacts`,
    api: `/api/v1/filing-requirements/list?view=issued&year=${YEAR}&kind=implementation_plan_contacts`,
    table: 'issued-table',
    rows: true,
    date: '截止日期',
    name: '下达单位',
    code: '下达区划代码',
  },
  { list: '报送情况总表', user: 'ha-office', url: `/filings?tab=matrix&year=${YEAR}`, api: `/api/v1/filing-matrix/list?year=${YEAR}`, table: 'filing-matrix-table', rows: true, name: '报送单位', code: '区划代码' },
  { list: '下级工作方案', user: 'ha-office', url: `/work-plan?region=410100`, api: `/api/v1/work-plans/lower?year=${YEAR}&region=410100`, table: 'lower-plans-table', rows: true, date: '更新时间', name: '区划', code: '区划代码' },
  {
    list: '淘汰计划',
    user: 'gy-office',
    url: `/elimination-plans?year=${YEAR}&status=approved`,
    api: `/api/v1/elimination-plans?year=${YEAR}&status=approved`,
    table: 'plan-table',
    rows: true,
    date: '更新时间',
    name: '区划',
    code: '区划代码',
  },
  { list: '公告公示', user: 'gy-office', url: `/announcements?year=${YEAR}`, api: `/api/v1/announcements?year=${YEAR}`, table: 'announcement-table', rows: false, date: '发布日期', name: '区划', code: '区划代码' },
  { list: '行业目录', user: 'zz-office', url: '/catalogue?tab=industries&isKey=true', api: '/api/v1/catalogue/industries/list?isKey=true', table: 'industries-table', rows: true, name: '产能单位', code: '产能单位代码' },
  { list: '案件管理', user: 'gy-fgw', url: '/cases?criterion=energy', api: '/api/v1/cases?criterion=energy', table: 'case-table', rows: true, date: '送达日期', name: '所在地', code: '区划代码' },
  { list: '黄牌名单', user: 'gy-office', url: '/department-lists?colour=yellow', api: '/api/v1/department-lists?colour=yellow', table: 'department-list-table', rows: true, date: '送达日期', name: '所在地区', code: '区划代码' },
  { list: '价格信贷措施', user: 'gy-office', url: '/price-measures?kind=punitive_power', api: '/api/v1/price-measures?kind=punitive_power', table: 'price-measure-table', rows: true, date: '送达时间', name: '区划', code: '区划代码' },
  {
    list: '联合惩戒',
    user: 'gy-office',
    url: '/joint-punishment?ground=missed_exit_deadline',
    api: '/api/v1/joint-punishment?ground=missed_exit_deadline',
    table: 'joint-punishment-table',
    rows: true,
    date: '列入日期',
    name: '区划',
    code: '区划代码',
  },
  {
    list: '到期联合通知',
    user: 'gy-office',
    url: '/joint-notices',
    api: '/api/v1/joint-notices?sort=-id',
    table: 'joint-notice-table',
    rows: true,
    date: '发文日期',
    name: '发文区划',
    code: '发文区划代码',
    rowsPer: (n: { itemCount: number }) => n.itemCount,
  },
  { list: '判定依据', user: 'zz-office', url: '/catalogue?tab=basis&criterion=environment', api: '/api/v1/catalogue/basis-items/list?criterion=environment', table: 'basis-items-table', rows: true, name: '适用行业', code: '行业代码' },
];

describe('every list page exports exactly what its filters show', () => {
  it.each(CASES)('$list', async (c) => {
    const page = await pageAs(c.user);
    const api = await apiOf(c.user);
    let { total } = await api.call<{ total: number }>('GET', `${c.api}&pageSize=1&withTotal=true`);
    if (c.rowsPer) total = (await api.call<{ items: never[] }>('GET', `${c.api}&pageSize=100`)).items.reduce((n, r) => n + c.rowsPer!(r), 0);
    if (c.rows) expect(total, `${c.list}: the set made above`).toBeGreaterThan(0);
    await page.goto(c.url);
    await page.getByTestId(c.table).waitFor();
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    const sheet = await exportOf(page, c.button ?? 'list-export');
    expect(sheet.rows, `${c.list}: rows = the filtered count`).toHaveLength(total);
    expect(sheet.header).toContain(c.name);
    if (c.code) expect(sheet.header.indexOf(c.name), `${c.list}: the name beside its code`).toBe(sheet.header.indexOf(c.code) + 1);
    for (const r of sheet.rows) {
      expect(String(r[c.name] ?? ''), `${c.list}: a name, not empty`).not.toBe('');
      if (c.code && r[c.code]) expect(r[c.name]).not.toBe(r[c.code]);
      if (c.date && r[c.date] !== null) expect(r[c.date], `${c.list}: ${c.date} is a date`).toBeInstanceOf(Date);
    }
    if (c.date && c.rows) expect(sheet.rows.some((r) => r[c.date!] instanceof Date)).toBe(true);
  });

  it('摸底排查汇总: the tree exported, every level, names indented and upper regions named', async () => {
    const page = await pageAs('ha-office');
    await page.goto('/survey');
    await page.getByTestId('survey-rollup').locator('tbody tr.ant-table-row').first().waitFor();
    const sheet = await exportOf(page, 'rollup-export');
    const top = await (await apiOf('ha-office')).call<{ root: { nodes: { regionCode: string }[] } }>('GET', `/api/v1/survey-rollup?year=${YEAR}`);
    const first = sheet.rows.filter((r) => !String(r.区划).startsWith('　'));
    expect(first.map((r) => r.区划代码)).toEqual(top.root.nodes.map((n) => n.regionCode));
    expect(sheet.rows.length).toBeGreaterThan(first.length);
    expect(sheet.rows.find((r) => r.区划代码 === '410181101')?.上级区划).toBe('河南省 / 巩义市');
    await screenshot(page, 'exports-01-survey-rollup');
  });

  it('到期联合通知: an item opens to its 履历 (issued), at 1440 and 390 px', async () => {
    const page = await pageAs('gy-office');
    const { items } = await (await apiOf('gy-office')).call<{ items: { id: number }[] }>('GET', '/api/v1/joint-notices?pageSize=1');
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(`/joint-notices/${items[0]!.id}`);
      const expand = page.getByTestId('notice-items').locator('.ant-table-row-expand-icon').first();
      await expand.waitFor();
      const timeline = page.getByTestId('lifecycle-timeline').first();
      await expect
        .poll(async () => {
          if ((await expand.getAttribute('aria-expanded')) !== 'true') await expand.click();
          return (await timeline.isVisible()) ? timeline.textContent() : '';
        })
        .toContain('发出通知');
      await screenshot(page, `exports-joint-notice-item-history-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('the migrated pages at 1440 and 390 px', async () => {
    const page = await pageAs('ha-office');
    for (const [url, table, name] of [
      [`/filings?tab=issued&year=${YEAR}`, 'issued-table', 'filings'],
      [`/filings?tab=matrix&year=${YEAR}`, 'filing-matrix-table', 'matrix'],
      ['/work-plan', 'lower-plans-table', 'work-plan'],
      ['/catalogue?tab=basis', 'basis-items-table', 'catalogue'],
      ['/joint-punishment', 'joint-punishment-table', 'joint-punishment'],
      ['/joint-notices', 'joint-notice-table', 'joint-notices'],
    ] as const) {
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(url);
        await page.getByTestId(table).locator('tbody tr.ant-table-row').first().waitFor();
        await screenshot(page, `exports-${name}-${width}`);
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
