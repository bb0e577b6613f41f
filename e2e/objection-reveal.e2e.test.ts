import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { noticeWithObjection } from './support/exit-task-fixture.ts';
import { type RestartableServer, startServer } from './support/server.ts';

/**
 * Issue 13 "The objection form on announcements gets the same treatment": the issuing office sees the objector's
 * phone masked and sealed; the identity custodian opens the 公示 and reveals it giving a reason (查看事由).
 */
const START = '2026-11-23T09:00:00+08:00';
let server: RestartableServer;
let browser: Browser;
let announcementId = 0;
let receiptCode = '';

beforeAll(async () => {
  server = await startServer({ fakeNow: START });
  browser = await launchBrowser();
  ({ announcementId, receiptCode } = await noticeWithObjection(server.baseUrl, 5403, '巩义市号码查看测试建材有限公司（虚构）', '5号机立窑生产线', { name: '王先生' }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(username: string, width: number): Promise<Page> {
  const ctx = await newContext(browser, server.baseUrl);
  const page = await ctx.newPage();
  await page.setViewportSize({ width, height: 900 });
  page.setDefaultTimeout(20_000);
  await login(page, username);
  return page;
}

describe('异议人号码：发布单位只见掩码，身份保管人填写事由后查看（浏览器）', () => {
  for (const width of [1440, 390]) {
    it(`发布单位（${width}px）：号码已封存，没有查看入口`, async () => {
      const gy = await as('gy-office', width);
      await gy.goto(`/announcements/${announcementId}`);
      const panel = gy.getByTestId('objections');
      await panel.getByText('号码已封存，仅身份保管人可查看').waitFor();
      expect(await panel.textContent()).toContain('138****8000');
      expect(await panel.getByText('查看完整号码').count()).toBe(0);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(gy, `i13-objection-office-${width}`, false);
      await gy.context().close();
    });

    it(`身份保管人（${width}px）：打开公示，填写查看事由后看到完整号码`, async () => {
      const cu = await as('gy-custodian', width);
      await cu.goto(`/announcements/${announcementId}`);
      const link = cu.getByTestId(`objection-reveal-${receiptCode}`);
      await link.waitFor();
      const dialog = cu.locator('.ant-modal').filter({ hasText: '查看事由（必填）' });
      await expect.poll(async () => {
        if (!(await dialog.isVisible())) await link.click();
        return dialog.isVisible();
      }).toBe(true);
      const confirm = cu.getByTestId(`objection-reveal-${receiptCode}-confirm`);
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByLabel('查看事由').fill('异议人来电要求回访，需核实号码');
      await screenshot(cu, `i13-objection-custodian-reason-${width}`, false);
      await confirm.click();
      await cu.getByTestId('objection-phone').getByText('13800138000').waitFor();
      await screenshot(cu, `i13-objection-custodian-${width}`, false);
      await cu.context().close();
    });
  }

  it('身份保管人的菜单有公告公示，列表可打开', async () => {
    const cu = await as('gy-custodian', 1440);
    await cu.goto('/announcements');
    await cu.locator('.ant-layout-sider').getByText('公告公示').waitFor();
    await cu.getByText('巩义市', { exact: false }).first().waitFor();
    await screenshot(cu, 'i13-announcements-custodian-1440', false);
    await cu.context().close();
  });
});
