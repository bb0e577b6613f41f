import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '@taotai/shared';
import { apiAs } from './support/api.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('数据质量：重新检查与下钻（浏览器）', () => {
  it('gy-office 重新检查，发现无生产线的企业，在抽屉中查看并打开该企业；进度总览显示待处理数', async () => {
    const api = await apiAs(server.baseUrl, 'gy-office');
    const ent = await api.call<{ id: number }>('POST', '/api/v1/enterprises', {
      name: '巩义市浏览器无产线测试有限公司',
      uscc: `91410181TTE2EDQ1X${usccCheckChar('91410181TTE2EDQ1X')}`,
      regionCode: '410181100',
      industryCode: 'cement',
      address: '米河镇测试路9号',
      legalRepresentative: '张三',
      contactPerson: '李四',
      contactPhone: '0371-12345678',
      employees: 50,
      sizeClass: 'small',
      status: 'operating',
    });
    const page = await (await newContext(browser, server.baseUrl)).newPage();
    page.setDefaultTimeout(30_000);
    await login(page, 'gy-office');
    await page.goto('/data-quality');
    const recheck = page.getByTestId('dq-recheck');
    await recheck.waitFor();
    await recheck.click();
    await page.getByText(/检查完成：新标记 \d+ 条/).waitFor();
    const message = page.getByTestId('dq-table').getByRole('button', { name: /巩义市浏览器无产线测试有限公司/ });
    await message.waitFor();
    await expect.poll(async () => {
      if (!(await page.getByTestId('dq-drawer').isVisible())) await message.click();
      return page.getByTestId('dq-record-link').isVisible();
    }).toBe(true);
    await screenshot(page, 'dq-1-drawer');
    await page.getByTestId('dq-record-link').click();
    await page.waitForURL(new RegExp(`/enterprises/${ent.id}$`));

    await page.goto('/progress');
    const card = page.getByTestId('dq-count-card');
    await card.waitFor();
    expect(Number((await card.locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    await screenshot(page, 'dq-2-progress-count');
    await card.getByRole('link').click();
    await page.waitForURL(/\/data-quality\?region=/);
    await page.getByTestId('dq-table').waitFor();
    await page.context().close();
  });
});
