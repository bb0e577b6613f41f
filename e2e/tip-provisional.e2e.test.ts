import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { type RestartableServer, startServer } from './support/server.ts';

/**
 * A tip filed late in December is due in January of a year whose holidays nobody has entered (the package ends
 * with 2026): its deadline reads 暂定 on the office's list, on the tip page and on the tipster's lookup.
 */
const START = '2026-12-24T10:00:00+08:00';
let server: RestartableServer;
let browser: Browser;
let receiptCode = '';

beforeAll(async () => {
  server = await startServer({ fakeNow: START });
  browser = await launchBrowser();
  const form = new FormData();
  for (const [k, v] of Object.entries({ regionCode: '410181100', matter: 'resumed_production', enterpriseName: '巩义市暂定测试建材厂（虚构）', content: '该厂已封存的立窑最近夜间又在生产，烟囱冒烟。' })) form.append(k, v);
  const filed = await fetch(`${server.baseUrl}/api/v1/public/tips`, { method: 'POST', headers: { origin: server.baseUrl }, body: form });
  if (!filed.ok) throw new Error(`举报提交失败：HTTP ${filed.status} ${await filed.text()}`);
  receiptCode = ((await filed.json()) as { receiptCode: string }).receiptCode;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function page(width: number): Promise<Page> {
  const ctx = await newContext(browser, server.baseUrl);
  const p = await ctx.newPage();
  await p.setViewportSize({ width, height: 900 });
  p.setDefaultTimeout(20_000);
  return p;
}

describe('举报办理期限跨入未录入节假日的年度：标注暂定（浏览器）', () => {
  it('举报列表和举报详情', async () => {
    const p = await page(1440);
    await login(p, 'gy-office');
    await p.goto('/tips');
    const row = p.locator('tr', { hasText: '巩义市暂定测试建材厂' });
    await row.getByTestId('provisional-date').waitFor();
    await screenshot(p, 'i13-tip-list-provisional-1440', false);
    await row.getByTestId('tip-link').click();
    await p.waitForURL(/\/tips\/\d+$/);
    // The list's deadline cell has the same test ids: wait for the page's own facts first.
    await p.getByTestId('tip-identity-label').waitFor();
    await p.getByTestId('tip-deadline').getByTestId('provisional-date').waitFor();
    await screenshot(p, 'i13-tip-page-provisional-1440', false);
    await p.context().close();
  });

  it('举报人凭查询码查询（手机）', async () => {
    const p = await page(390);
    await p.goto('/public/tips/lookup');
    await p.getByTestId('tip-lookup-code').fill(receiptCode);
    await p.getByTestId('tip-lookup-submit').click();
    await p.getByTestId('provisional-date').waitFor();
    await screenshot(p, 'i13-tip-lookup-provisional-390', false);
    await p.context().close();
  });
});
