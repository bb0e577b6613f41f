import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let planId: number;
const OPINION = '同意。请按期拆除并报送验收材料。';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(username: string): Promise<Page> {
  const ctx = await newContext(browser, server.baseUrl);
  const p = await ctx.newPage();
  p.setDefaultTimeout(20_000);
  await login(p, username);
  return p;
}

const badgeCount = async (p: Page) => Number(await p.getByTestId('todo-badge').getAttribute('data-count'));

describe('待办（浏览器）', () => {
  it('荥阳报送计划后，郑州（上级）在待办卡片、待办页和角标上看到它，批准并写审核意见后它离开待办', async () => {
    // 四眼原则: 巩义 is a 省直管县 whose plan the province approves, so 郑州's to-do is fed by 荥阳, a county under it.
    const xy = await apiAs(server.baseUrl, 'xy-office');
    const plan = await xy.call<{ id: number; version: number }>('POST', '/api/v1/elimination-plans', { regionCode: '410182', year: 2026 });
    planId = plan.id;
    const candidates = await xy.call<{ items: { lineId: number }[] }>('GET', `/api/v1/elimination-plans/${planId}/candidates?limit=1`);
    await xy.call('POST', `/api/v1/elimination-plans/${planId}/lines`, { version: plan.version, items: [{ lineId: candidates.items[0]!.lineId }] });
    await xy.call('POST', `/api/v1/elimination-plans/${planId}/transitions`, { event: 'submit' });

    const zz = await as('zz-office');
    // The badge in the header and the card on the 工作台.
    await expect.poll(() => badgeCount(zz)).toBe(1);
    const card = zz.getByTestId('todo-card');
    await card.getByText('荥阳市2026年淘汰计划').waitFor();
    // Due 10 working days after it arrived (the machine's period), counted on the working-day calendar.
    expect(await card.textContent()).toMatch(/剩 (10|9) 个工作日/);
    await screenshot(zz, 'todo-01-home-card');

    // The 待办 page lists it; opening it leads to the plan.
    await zz.getByTestId('todo-badge').click();
    await zz.waitForURL(/\/todo$/);
    const row = zz.getByTestId('todo-table').getByRole('row', { name: /荥阳市2026年淘汰计划/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('待审批');
    await screenshot(zz, 'todo-02-list');
    await row.getByTestId('todo-item-link').click();
    await zz.waitForURL(new RegExp(`/elimination-plans/${planId}$`));

    // Approve with an opinion in the one transition dialog.
    const approve = zz.getByTestId('transition-approve');
    await approve.waitFor({ state: 'visible' });
    const dialog = zz.locator('.ant-modal').filter({ hasText: '审核意见' });
    await expect
      .poll(async () => {
        if (!(await dialog.isVisible())) await approve.click();
        return dialog.isVisible();
      })
      .toBe(true);
    await dialog.getByLabel('审核意见').fill(OPINION);
    await screenshot(zz, 'todo-03-approve-dialog', false);
    await dialog.getByRole('button', { name: '批准', exact: true }).click();
    await zz.getByTestId('plan-status').getByText('已批准').waitFor();
    // The opinion is in the timeline.
    await zz.getByTestId('lifecycle-timeline').getByText(`审核意见：${OPINION}`).waitFor();
    await screenshot(zz, 'todo-04-approved-timeline');

    // Gone from the list, and the badge drops.
    await expect.poll(() => badgeCount(zz)).toBe(0);
    await zz.goto('/todo');
    await zz.getByTestId('todo-table').getByText('暂无待办事项').waitFor();
    expect(await zz.getByTestId('todo-table').textContent()).not.toContain('荥阳市2026年淘汰计划');
    await zz.context().close();
  });

  it('荥阳的报送通知到了郑州的通知中心', async () => {
    const zz = await apiAs(server.baseUrl, 'zz-office');
    const page = await zz.call<{ items: { title: string; link: string }[] }>('GET', '/api/v1/notifications?limit=20');
    expect(page.items.filter((n) => n.title === '荥阳市2026年淘汰计划待审批').map((n) => n.link)).toEqual([`/elimination-plans/${planId}`]);
  });
});
