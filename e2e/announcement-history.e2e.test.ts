import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { noticeWithObjection } from './support/exit-task-fixture.ts';
import { type RestartableServer, startServer } from './support/server.ts';

/**
 * Issue 10 leftovers in the browser: an objection to a 公示 shows its own history (the answer, who and when) under
 * it, and the issuing office archives the published list by hand, giving a reason that the list's history keeps.
 */
const START = '2026-11-23T09:00:00+08:00';
const ANSWER = '经核查，该生产线已列入本年度淘汰计划，名单无误。';
const REASON = '本年度计划已调整，本公示由新公示替代';
let server: RestartableServer;
let browser: Browser;
let announcementId = 0;
let receiptCode = '';

beforeAll(async () => {
  server = await startServer({ fakeNow: START });
  browser = await launchBrowser();
  ({ announcementId, receiptCode } = await noticeWithObjection(server.baseUrl, 5401, '巩义市履历测试建材有限公司（虚构）', '4号机立窑生产线'));
  const gy = await apiAs(server.baseUrl, 'gy-office');
  const [objection] = await gy.call<{ id: number; version: number }[]>('GET', `/api/v1/announcements/${announcementId}/objections`);
  await gy.call('POST', `/api/v1/announcements/${announcementId}/objections/${objection!.id}/answer`, { answer: ANSWER, version: objection!.version });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(username: string): Promise<Page> {
  const ctx = await newContext(browser, server.baseUrl);
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  await login(page, username);
  return page;
}

describe('异议履历与手动归档（浏览器）', () => {
  it('展开异议可见其办理履历：答复、答复人', async () => {
    const gy = await as('gy-office');
    await gy.goto(`/announcements/${announcementId}`);
    const row = gy.getByTestId('objections').getByRole('row', { name: new RegExp(receiptCode) });
    await row.waitFor();
    const detail = gy.getByTestId(`objection-detail-${receiptCode}`);
    await expect.poll(async () => {
      if (!(await detail.isVisible())) await row.locator('.ant-table-row-expand-icon').click();
      return detail.isVisible();
    }).toBe(true);
    expect(await detail.textContent()).toContain(ANSWER);
    const timeline = detail.getByTestId('lifecycle-timeline');
    await timeline.getByText('答复', { exact: true }).waitFor();
    expect(await timeline.textContent()).toContain('核实中 → 已答复');
    await screenshot(gy, 'i10-objection-history', false);
    await gy.context().close();
  });

  it('gy-office 手动归档已发布的公示：须填写归档原因，原因记入办理记录', async () => {
    const gy = await as('gy-office');
    await gy.goto(`/announcements/${announcementId}`);
    const archive = gy.getByTestId('transition-archive');
    await archive.waitFor();
    const dialog = gy.locator('.ant-modal').filter({ hasText: '归档原因（必填）' });
    await expect.poll(async () => {
      if (!(await dialog.isVisible())) await archive.click();
      return dialog.isVisible();
    }).toBe(true);
    const ok = dialog.getByRole('button', { name: '归档' });
    expect(await ok.isDisabled()).toBe(true);
    await dialog.getByLabel('归档原因').fill(REASON);
    await expect.poll(() => ok.isDisabled()).toBe(false);
    await ok.click();
    await gy.locator('.ant-message').getByText('已归档').first().waitFor();
    await gy.getByTestId('detail-page').getByText('已归档').first().waitFor();
    await expect.poll(() => archive.count()).toBe(0);
    await gy.getByRole('tab', { name: '办理记录' }).click();
    const timeline = gy.getByTestId('lifecycle-timeline').last();
    await timeline.getByText(`原因：${REASON}`).waitFor();
    await screenshot(gy, 'i10-announcement-archived', false);
    await gy.context().close();
  });
});
