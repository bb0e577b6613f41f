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

/** Every name made here carries this marker, so the name filter isolates this file's rows from the demo data. */
const MARK = '列表页';
const ENTERPRISES = [`巩义市${MARK}甲水泥有限公司`, `巩义市${MARK}乙水泥有限公司`, `巩义市${MARK}丙水泥有限公司`];
const LINES_EACH = 4;

let server: RunningServer;
let browser: Browser;
let page: Page;
let gy: ApiClient;

function uscc(n: number): string {
  const first17 = `91410181MALP${String(n).padStart(5, '0')}`;
  return first17 + usccCheckChar(first17);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  gy = await apiAs(server.baseUrl, 'gy-office');
  const province = await apiAs(server.baseUrl, 'ha-office');
  const lineIds: number[] = [];
  for (const [i, name] of ENTERPRISES.entries()) {
    const ent = await gy.call<{ id: number }>('POST', '/api/v1/enterprises', {
      name,
      uscc: uscc(i + 1),
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
    for (let j = 1; j <= LINES_EACH; j++) {
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
        plannedExitDate: '2026-12-31',
        status: 'registered',
        note: '',
      });
      lineIds.push(line.id);
    }
  }
  const plan = await gy.call<{ id: number; version: number }>('POST', '/api/v1/elimination-plans', { regionCode: '410181', year: 2026 });
  await gy.call('POST', `/api/v1/elimination-plans/${plan.id}/lines`, { version: plan.version, items: lineIds.map((lineId) => ({ lineId })) });
  await gy.call('POST', `/api/v1/elimination-plans/${plan.id}/transitions`, { event: 'submit' });
  await province.call('POST', `/api/v1/elimination-plans/${plan.id}/transitions`, { event: 'approve' });
  await gy.call('POST', `/api/v1/exit-tasks/from-plan/${plan.id}`);

  const ctx = await newContext(browser, server.baseUrl);
  page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  await login(page, 'gy-office');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The texts of one column of the visible table rows. */
async function columnTexts(table: string, index: number): Promise<string[]> {
  const rows = page.getByTestId(table).locator('tbody tr.ant-table-row');
  return rows.evaluateAll((trs, i) => trs.map((tr) => tr.children[i]?.textContent?.trim() ?? ''), index);
}

/** The page loads over a busy machine: assertions are retried up to 20 s (a timeout is not an assertion). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 250 });

const headers = (table: string) => page.getByTestId(table).locator('thead th').allInnerTexts();

/** Opens a toolbar menu or popover by its button and retries the click until `shown` appears (clicks can be lost under load). */
async function openBy(buttonLabel: string, shown: () => Promise<boolean>) {
  const button = page.getByRole('button', { name: buttonLabel, exact: true });
  await button.waitFor();
  await expect
    .poll(
      async () => {
        if (await shown()) return true;
        await button.click();
        return shown();
      },
      // A second click while the first is still opening would close it again: one try a second.
      { timeout: 20_000, interval: 1_000 },
    )
    .toBe(true);
}

async function downloadRows(): Promise<Record<string, unknown>[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'taotai-list-')), download.suggestedFilename());
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const head = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((r, n) => {
    if (n > 1) out.push(Object.fromEntries(head.map((h, i) => [h, (r.values as unknown[])[i + 1] ?? null])));
  });
  expect(ws.autoFilter).toBeTruthy();
  return out;
}

describe('one list page: 退出任务 and 企业台账', () => {
  it('退出任务: filter, page, sort, 列设置, 密度, 刷新 and an export of exactly the filtered set', async () => {
    await page.getByRole('menuitem', { name: '退出任务' }).click();
    await page.getByTestId('task-table').waitFor();
    await page.getByLabel('名称', { exact: true }).fill(MARK);
    await page.getByRole('button', { name: '查询' }).click();
    await poll(() => page.getByTestId('task-total').textContent()).toContain(`共 ${ENTERPRISES.length * LINES_EACH} 项`);
    expect(page.url()).toContain(`q=${encodeURIComponent(MARK)}`);

    // A link reproduces the view: ten a page, page 2 shows the rest.
    await page.goto(`/exit-tasks?q=${encodeURIComponent(MARK)}&pageSize=10`);
    await poll(() => columnTexts('task-table', 0).then((c) => c.length)).toBe(10);
    await page.getByTestId('task').getByText('共 12 条').waitFor();
    await page.getByTestId('task').locator('.ant-pagination-item-2').click();
    await poll(() => columnTexts('task-table', 0).then((c) => c.length)).toBe(2);
    expect(page.url()).toContain('page=2');

    // Sort by 编号: ascending, then descending (the server's whitelist has the task number only).
    const idHeader = page.getByTestId('task-table').locator('thead th', { hasText: '编号' });
    await idHeader.click();
    await poll(() => page.url()).toContain('sort=id');
    // A click while the table re-renders with the sorted page can be lost under load: click until the URL says so.
    await poll(async () => {
      if (!page.url().includes('sort=-id')) await idHeader.click();
      return page.url();
    }).toContain('sort=-id');
    await poll(async () => {
      const ids = (await columnTexts('task-table', 0)).map(Number);
      return ids.length === 10 && ids.every((x, i) => i === 0 || ids[i - 1]! > x);
    }).toBe(true);
    const apiAll = await gy.call<{ items: { id: number }[] }>('GET', `/api/v1/exit-tasks?q=${encodeURIComponent(MARK)}&pageSize=200`);
    expect(Number((await columnTexts('task-table', 0))[0])).toBe(Math.max(...apiAll.items.map((x) => x.id)));

    // 列设置 hides 行业, and the choice survives a reload.
    expect(await headers('task-table')).toContain('行业');
    const settings = page.getByTestId('column-settings');
    await openBy('列设置', () => settings.isVisible());
    await settings.getByRole('checkbox', { name: '行业' }).uncheck();
    await poll(() => headers('task-table')).not.toContain('行业');
    await page.reload();
    await page.getByTestId('task-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await headers('task-table')).not.toContain('行业');

    // 密度: 紧凑 makes the table small.
    const compact = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByRole('menuitem', { name: '紧凑' });
    await openBy('密度', () => compact.isVisible());
    await compact.click();
    await poll(() => page.getByTestId('task').locator('.ant-table').first().getAttribute('class')).toContain('ant-table-small');

    // 刷新 asks the server again with the same view.
    const [refetch] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/exit-tasks?') && r.url().includes('sort=-id')),
      page.getByRole('button', { name: '刷新' }).click(),
    ]);
    expect(refetch.status()).toBe(200);
    await screenshot(page, 'list-01-exit-tasks');

    // 导出: the whole filtered set (both pages), not just the page on screen.
    const rows = await downloadRows();
    expect(rows.map((r) => r.任务编号).sort()).toEqual(apiAll.items.map((x) => x.id).sort());
    expect(rows.every((r) => r.退出期限 instanceof Date && r.所在区划 !== r.区划代码)).toBe(true);
  });

  it('企业台账: filter, sort by name, page, 列设置, 密度 and an export of exactly the filtered set', async () => {
    await page.getByRole('menuitem', { name: '企业台账' }).click();
    await page.getByTestId('enterprise-total').getByText(/共 \d+ 家企业/).waitFor();
    await page.getByLabel('名称/信用代码').fill(MARK);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('enterprise-total').getByText(`共 ${ENTERPRISES.length} 家企业`).waitFor();

    const nameHeader = page.getByTestId('enterprise-table').locator('thead th', { hasText: '企业名称' });
    await nameHeader.click();
    await poll(() => page.url()).toContain('sort=name');
    const sorted = [...ENTERPRISES].sort((a, b) => (a < b ? -1 : 1));
    await poll(() => columnTexts('enterprise-table', 0)).toEqual(sorted);

    await page.goto(`/enterprises?q=${encodeURIComponent(MARK)}&sort=name&pageSize=2`);
    await poll(() => columnTexts('enterprise-table', 0)).toEqual(sorted.slice(0, 2));
    await page.getByTestId('enterprise').locator('.ant-pagination-item-2').click();
    await poll(() => columnTexts('enterprise-table', 0)).toEqual(sorted.slice(2));

    const settings = page.getByTestId('column-settings');
    await openBy('列设置', () => settings.isVisible());
    await settings.getByRole('checkbox', { name: '统一社会信用代码' }).uncheck();
    await poll(() => headers('enterprise-table')).not.toContain('统一社会信用代码');

    const middle = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByRole('menuitem', { name: '紧凑' });
    await openBy('密度', () => middle.isVisible());
    await middle.click();
    await poll(() => page.getByTestId('enterprise').locator('.ant-table').first().getAttribute('class')).toContain('ant-table-small');
    await screenshot(page, 'list-02-enterprises');

    const rows = await downloadRows();
    expect(rows.map((r) => r.企业名称).sort()).toEqual([...ENTERPRISES].sort());
    expect(rows.every((r) => r.区划代码 === '410181100' && r.所在区划 !== '410181100' && r.更新时间 instanceof Date)).toBe(true);
  });
});
