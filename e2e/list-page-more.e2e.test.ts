import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiAs } from './support/api.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let gy: ApiClient;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  gy = await apiAs(server.baseUrl, 'gy-office');
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
  return rows.evaluateAll((trs, i) => trs.map((tr) => (tr.children[i] as HTMLElement | undefined)?.textContent?.trim() ?? ''), index);
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

describe('one list page: the lists migrated after 退出任务 and 企业台账', () => {
  it('用户管理: filter, sort by 编号, page by the URL and an export of exactly the filtered set', async () => {
    await page.goto('/users');
    await page.getByTestId('users-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByLabel('用户名/姓名').fill('gy-');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.url()).toContain('q=gy-');
    const api = await gy.call<{ items: { id: number; username: string }[]; total: number }>('GET', '/api/v1/users?q=gy-&pageSize=200');
    expect(api.total).toBeGreaterThan(3);
    await page.getByTestId('users-total').getByText(`共 ${api.total} 个用户`).waitFor();

    // Sort by 编号 descending: the newest account first.
    const idHeader = page.getByTestId('users-table').locator('thead th', { hasText: '编号' });
    await idHeader.click();
    await expect.poll(() => page.url()).toContain('sort=id');
    // The header is under the table's loading mask while the ascending page loads: click again until descending.
    await expect
      .poll(async () => {
        if (!page.url().includes('sort=-id')) await idHeader.click();
        return page.url();
      })
      .toContain('sort=-id');
    const newest = Math.max(...api.items.map((u) => u.id));
    await expect.poll(async () => Number((await columnTexts('users-table', 0))[0])).toBe(newest);

    // A link reproduces the view: three a page, page 2 shows the next three.
    await page.goto('/users?q=gy-&sort=id&pageSize=3&page=2');
    const ids = api.items.map((u) => u.id).sort((a, b) => a - b);
    await expect.poll(async () => (await columnTexts('users-table', 0)).map(Number)).toEqual(ids.slice(3, 6));
    await screenshot(page, 'list-03-users');

    // 导出: every matching account, not the page on screen, with dates as dates.
    const rows = await downloadRows();
    expect(rows.map((r) => r.编号)).toEqual(ids);
    expect(rows.every((r) => String(r.用户名).includes('gy-') || String(r.姓名).includes('gy-'))).toBe(true);
    expect(rows.find((r) => r.用户名 === 'gy-office')!.最近登录).toBeInstanceOf(Date);
  });
});
