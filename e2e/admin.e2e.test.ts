import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption } from './support/antd.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function freshPage(): Promise<Page> {
  const ctx = await newContext(browser, server.baseUrl);
  const p = await ctx.newPage();
  p.setDefaultTimeout(20_000);
  return p;
}

async function logout(p: Page): Promise<void> {
  await p.getByRole('button', { name: '退出' }).click();
  await p.waitForURL(/\/login/);
}

/**
 * Picks a node of the lazily loaded region tree. The tree re-renders while it reveals the current
 * value's branch, which can swallow a click, so the choice is checked and retried.
 */
async function pickRegion(p: Page, scope: Locator, label: string, name: string): Promise<void> {
  const openTree = p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree');
  const field = scope.getByLabel(label, { exact: true });
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await openTree.isVisible())) await field.click({ timeout: 3_000 });
      // Searching narrows the tree to the one node, so it neither scrolls away nor moves.
      await field.fill(name, { timeout: 3_000 });
      await openTree.getByText(name, { exact: true }).click({ timeout: 3_000 });
      // The select shows the chosen node's title.
      await scope.getByTitle(name, { exact: true }).first().waitFor({ timeout: 3_000 });
      break;
    } catch (e) {
      if (attempt >= 5) throw e;
      await p.keyboard.press('Escape');
    }
  }
  if (await openTree.isVisible()) await p.keyboard.press('Escape');
  await openTree.waitFor({ state: 'hidden' });
}

const townUser = { username: 'e2e-town', displayName: '米河镇测试员', initial: 'Mihe#2026x', changed: 'Town@2026new' };

describe('系统管理（浏览器）', () => {
  it('gy-office 在用户管理中为米河镇新增用户，弱密码被拒', async () => {
    page = await freshPage();
    await login(page, 'gy-office');
    await page.goto('/users');
    await page.getByText('用户管理', { exact: true }).first().waitFor();
    await page.getByText(/共 \d+ 个用户/).waitFor();
    await screenshot(page, 'adm-01-users');

    await page.getByRole('button', { name: '新增用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新增用户' });
    await dialog.getByLabel('用户名').fill(townUser.username);
    await dialog.getByLabel('姓名').fill(townUser.displayName);
    await pickOption(page, dialog, '角色', '乡镇（街道）/园区');
    await pickRegion(page, dialog, '所属区划', '米河镇');
    // Two character classes only: the server's policy message lands next to the field.
    await dialog.getByLabel('初始密码').fill('abcd12345');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('密码须包含大写字母、小写字母、数字、特殊字符中的至少3类（当前2类）').waitFor();
    await screenshot(page, 'adm-02-weak-password', false);

    await dialog.getByLabel('初始密码').fill(townUser.initial);
    // The field's old message clears as it is typed; click 创建 until the dialog closes (a click during that
    // re-render can be lost on a loaded machine), and show what the dialog said if it never does.
    await expect
      .poll(async () => {
        if (await dialog.isHidden()) return '已关闭';
        await dialog.getByRole('button', { name: '创建' }).click({ timeout: 3000 }).catch(() => undefined);
        await dialog.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => undefined);
        return (await dialog.isHidden()) ? '已关闭' : ((await dialog.textContent()) ?? '');
      })
      .toBe('已关闭');
    await page.getByText(`用户 ${townUser.username} 已创建，首次登录须修改密码`).waitFor();
    const row = page.getByRole('row', { name: new RegExp(townUser.username) });
    await expect.poll(() => row.textContent()).toContain(townUser.displayName);
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('乡镇（街道）/园区');
    expect(rowText).toContain('米河镇');
    expect(rowText).toContain('正常');
    await screenshot(page, 'adm-03-user-created');
    await logout(page);
  });

  it('新用户首次登录被引导修改密码，修改后进入系统', async () => {
    await page.getByLabel('用户名').fill(townUser.username);
    await page.getByLabel('密码').fill(townUser.initial);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/change-password/);
    await page.getByText('首次登录或密码已到期，请先修改密码后再使用系统').waitFor();
    await page.getByLabel('原密码').fill(townUser.initial);
    await page.getByLabel('新密码', { exact: true }).fill(townUser.changed);
    await page.getByLabel('确认新密码').fill(townUser.changed);
    await screenshot(page, 'adm-04-change-password');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByTestId('header-user').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('header-region').textContent()).toContain('米河镇');
    // A town user manages no accounts: no 系统管理 menu.
    expect(await page.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);
    await logout(page);

    // The new password is the one that works now.
    await login(page, townUser.username, townUser.changed);
    expect(new URL(page.url()).pathname).toBe('/');
    await logout(page);
  });

  it('admin 查看安全设置默认值', async () => {
    await login(page, 'admin');
    await page.goto('/settings/security');
    const card = page.locator('.ant-card').filter({ has: page.getByText('安全设置', { exact: true }) }).first();
    await card.getByText('登录失败锁定').waitFor();
    await expect.poll(() => page.getByLabel('空闲超时').inputValue()).toBe('30');
    expect(await page.getByLabel('连续失败次数').inputValue()).toBe('5');
    expect(await page.getByLabel('统计时间窗口').inputValue()).toBe('15');
    expect(await page.getByLabel('锁定时长').inputValue()).toBe('15');
    expect(await page.getByLabel('最小长度').inputValue()).toBe('8');
    await page.getByText('超过该时间无操作须重新登录').waitFor();
    await screenshot(page, 'adm-05-security');
  });

  it('admin 按操作人筛选审计日志并校验哈希链', async () => {
    await page.goto('/audit');
    await page.getByLabel('操作人').fill('gy-office');
    await page.getByRole('button', { name: '查询' }).click();
    const createRow = page.getByRole('row', { name: /新增用户/ });
    await createRow.first().waitFor();
    expect(await createRow.first().textContent()).toContain('gy-office');
    // Every row shown was done by gy-office (polled: the unfiltered first page may still be on screen for a moment).
    const actorCells = page.getByTestId('audit-table').locator('.ant-table-tbody tr.ant-table-row td[data-col="actorName"]');
    await expect.poll(async () => {
      const actors = await actorCells.allTextContents();
      return actors.length > 0 && actors.every((a) => a === 'gy-office');
    }).toBe(true);

    await page.getByRole('button', { name: '校验哈希链' }).click();
    const verify = page.getByTestId('audit-verify');
    await verify.getByText('哈希链及锚点完整').waitFor();
    await screenshot(page, 'adm-06-audit');
  });

  it('admin 在行业与判定依据中新增行业', async () => {
    await page.goto('/catalogue');
    await page.getByRole('tab', { name: /行业（\d+）/ }).waitFor();
    await page.getByRole('button', { name: '新增行业' }).click();
    const dialog = page.getByRole('dialog', { name: '新增行业' });
    await dialog.getByLabel('行业代码').fill('e2e_test');
    await dialog.getByLabel('行业名称').fill('测试行业');
    await pickOption(page, dialog, '产能单位', '万吨');
    await screenshot(page, 'adm-07-industry-form', false);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('行业已保存').waitFor();
    // The catalogue pages by its sort number: the new industry (sort 100) is found with the list's own query.
    await page.getByPlaceholder('名称或代码').fill('e2e_test');
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row', { name: /e2e_test/ });
    await expect.poll(() => row.textContent()).toContain('测试行业');
    expect(await row.textContent()).toContain('万吨');
    await screenshot(page, 'adm-08-industry-listed');
  });
});
