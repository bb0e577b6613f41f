import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { describeViolations, seriousViolations } from './support/axe.ts';
import { launchBrowser, login, newContext } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

/**
 * The officials' app at a desk (1440), on a tablet (768) and on a phone (390) (issue 11, "Layout" and
 * "Accessibility"): on every page of the menu and the detail pages the demo data reaches, the header stays on one
 * line, there is one h1, the tab has the page's title, and axe finds nothing serious. Every page is photographed
 * into a directory under TMPDIR (printed) so a person can look at them.
 */
const APP_NAME = '落后产能退出综合管理平台';
const WIDTHS = [1440, 768, 390] as const;
const USERS = ['admin', 'gy-office', 'gy-custodian'] as const;
/** At least this many menu pages each (the identity custodian sees 工作台, 公告公示, 举报管理 and its own account). */
const MIN_MENU_PAGES: Record<(typeof USERS)[number], number> = { admin: 10, 'gy-office': 10, 'gy-custodian': 2 };

/**
 * Faults of list pages that this round's list-page rebuild replaces (ADR 0014), which this layout work must not
 * touch: filter selects named only by a placeholder (axe "label"), and the enterprise list's region tree beside its
 * table on a phone. Tolerated by name and printed, until that rebuild lands; then delete the entry.
 */
const KNOWN_LIST_PAGE_FAULTS: Record<string, string[]> = {};
const known = (route: string, width: number, fault: string) =>
  [...(KNOWN_LIST_PAGE_FAULTS[route] ?? []), ...(KNOWN_LIST_PAGE_FAULTS[`${route}@${width}`] ?? [])].includes(fault);

let server: RunningServer;
let browser: Browser;
let shots: string;
const detailPages: Record<(typeof USERS)[number], string[]> = { admin: [], 'gy-office': [], 'gy-custodian': [] };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Under the run's TMPDIR, which is removed at the end; LAYOUT_SCREENSHOTS=<dir> keeps them for looking at.
  shots = await mkdtemp(path.join(process.env.LAYOUT_SCREENSHOTS ?? tmpdir(), 'taotai-layout-shots-'));
  console.log(`布局截图目录：${shots}`);
  // An approved plan of a demo enterprise's line and its exit task: the detail pages field staff open.
  const gy = await apiAs(server.baseUrl, 'gy-office');
  const province = await apiAs(server.baseUrl, 'ha-office');
  const ents = await gy.call<{ items: { id: number; lineCount: number }[] }>('GET', '/api/v1/enterprises?limit=50');
  const ent = ents.items.find((e) => e.lineCount > 0);
  if (!ent) throw new Error('演示数据中没有带生产线的企业');
  const detail = await gy.call<{ lines: { id: number }[] }>('GET', `/api/v1/enterprises/${ent.id}`);
  const plan = await gy.call<{ id: number; version: number }>('POST', '/api/v1/elimination-plans', { regionCode: '410181', year: 2026 });
  await gy.call('POST', `/api/v1/elimination-plans/${plan.id}/lines`, { version: plan.version, items: [{ lineId: detail.lines[0]?.id }] });
  await gy.call('POST', `/api/v1/elimination-plans/${plan.id}/transitions`, { event: 'submit' });
  await province.call('POST', `/api/v1/elimination-plans/${plan.id}/transitions`, { event: 'approve' });
  const made = await gy.call<{ tasks: { id: number }[] }>('POST', `/api/v1/exit-tasks/from-plan/${plan.id}`);
  const task = made.tasks[0]?.id;
  detailPages['gy-office'] = [`/enterprises/${ent.id}`, `/elimination-plans/${plan.id}`, `/exit-tasks/${task}`];
  detailPages.admin = [`/enterprises/${ent.id}`, `/exit-tasks/${task}`];
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pageAt(width: number, user: string): Promise<Page> {
  const ctx = await newContext(browser, server.baseUrl);
  const page = await ctx.newPage();
  await page.setViewportSize({ width, height: 900 });
  page.setDefaultTimeout(20_000);
  await login(page, user);
  return page;
}

/** The paths of the menu the user sees (read from the sider at desk width, where it is always rendered). */
async function menuPaths(page: Page): Promise<string[]> {
  const ids = await page.locator('.ant-layout-sider [data-menu-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu-id') ?? ''));
  return ids.map((id) => id.slice(id.indexOf('-/') + 1)).filter((p) => p.startsWith('/'));
}

async function settle(page: Page): Promise<void> {
  await page.locator('h1.page-title').waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

/** The viewport at this width, once the layout has switched between sider (≥ 992 px) and drawer. */
async function resize(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await expect.poll(() => page.locator('.ant-layout-sider').count()).toBe(width >= 992 ? 1 : 0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Every check of one page at one width; soft, so one run lists every page's faults. */
async function checkAt(page: Page, user: string, width: number, route: string): Promise<void> {
  await resize(page, width);
  const where = `${user} ${width}px ${route}`;
  const header = await page.locator('header.app-header').evaluate((h) => ({ scroll: h.scrollWidth, client: h.clientWidth, height: h.getBoundingClientRect().height }));
  expect.soft(header.scroll, `${where}：页头横向溢出`).toBeLessThanOrEqual(header.client);
  expect.soft(header.height, `${where}：页头换行`).toBeLessThanOrEqual(64);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (known(route, width, 'overflow')) console.warn(`${where}：列表页待重做，页面宽 ${pageWidth}px`);
  else expect.soft(pageWidth, `${where}：页面横向溢出`).toBeLessThanOrEqual(width);
  expect.soft(await page.locator('h1').count(), `${where}：h1 个数`).toBe(1);
  const title = await page.title();
  expect.soft(title, `${where}：页面标题`).not.toBe(APP_NAME);
  expect.soft(title, `${where}：页面标题`).toBe(`${(await page.locator('h1').first().textContent())?.trim()} - ${APP_NAME}`);
  const all = await seriousViolations(page);
  const violations = all.filter((v) => !known(route, width, `axe:${v.id}`));
  if (violations.length < all.length) console.warn(`${where}：列表页待重做\n${describeViolations(all.filter((v) => !violations.includes(v)))}`);
  expect.soft(violations, `${where}：axe 严重问题\n${describeViolations(violations)}`).toEqual([]);
  await page.screenshot({ path: path.join(shots, `${user}-${width}-${route.replace(/\W+/g, '_') || 'home'}.png`), fullPage: true });
}

describe('响应式布局、页面标题与无障碍（浏览器）', () => {
  for (const user of USERS) {
    // Each page is opened once and looked at in three widths (the layout follows the window, as on a rotated tablet).
    it(`${user}：每个菜单页与详情页在 1440、768、390px 下`, { timeout: 1_200_000 }, async () => {
      const page = await pageAt(1440, user);
      const routes = [...(await menuPaths(page)), ...detailPages[user]];
      expect(routes.length).toBeGreaterThan(detailPages[user].length + MIN_MENU_PAGES[user]);
      for (const route of routes) {
        await resize(page, 1440);
        await page.goto(route);
        await settle(page);
        for (const width of WIDTHS) await checkAt(page, user, width, route);
      }
      await page.context().close();
    });
  }

  it('admin 在 900px 高的窗口中能滚动菜单到最后一项', async () => {
    const page = await pageAt(1440, 'admin');
    const last = page.locator('.ant-layout-sider .ant-menu-item').last();
    await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(900 - 48); // above the collapse trigger
    await last.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('审计日志');
    expect(await page.evaluate(() => window.scrollY)).toBe(0); // the menu scrolled, not the page
    await page.context().close();
  });

  it('手机宽度：菜单按钮打开抽屉导航，现场照片调用相机', async () => {
    const page = await pageAt(390, 'gy-office');
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    const drawerItem = page.locator('.ant-drawer .ant-menu-item', { hasText: '退出任务' });
    await expect
      .poll(async () => {
        if (!(await drawerItem.isVisible())) await page.getByRole('button', { name: '打开菜单' }).click();
        return drawerItem.isVisible();
      })
      .toBe(true);
    await drawerItem.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('退出任务');
    await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });

    await page.goto(detailPages['gy-office'][2] ?? '/');
    await settle(page);
    const photo = page.getByTestId('upload-seal_photo');
    expect(await photo.getAttribute('accept')).toBe('image/*');
    expect(await photo.getAttribute('capture')).toBe('environment');
    const scan = page.getByTestId('upload-commitment_scan');
    expect(await scan.getAttribute('capture')).toBeNull();
    await page.context().close();
  });
});
