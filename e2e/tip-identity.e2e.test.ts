import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDialog, pickOption } from './support/antd.ts';
import { apiAs } from './support/api.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

/**
 * Issue 13's sealed identity, clicked through: a real-name tip filed from a phone; the handling office sees only
 * 实名举报（身份已封存）; the identity custodian (`gy-custodian`) reveals it giving a reason, and the thread (the office's
 * and the tipster's) and the office's notifications say it was viewed; then the office forwards (转办) the tip once to
 * a member department of 巩义.
 */
const PHONE_VIEW = { width: 390, height: 844 };
const ENTERPRISE = '巩义市实名举报测试铸造厂（虚构）';
const NAME = '张三';
const MOBILE = '13800138000';
// 17 digits of a 巩义 number and its check digit (GB 11643: weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; sum mod 11 → "10X98765432").
const ID_NUMBER = '41018119900101123X';
const VIEWED = '举报人身份已由身份保管人依规查看';
const DEPARTMENT = '巩义市生态环境局';

let server: RunningServer;
let browser: Browser;
let receiptCode = '';
let tipId = 0;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function page(width = 1440, height = 900): Promise<Page> {
  const ctx = await newContext(browser, server.baseUrl);
  const p = await ctx.newPage();
  await p.setViewportSize({ width, height });
  p.setDefaultTimeout(20_000);
  return p;
}

async function desk(username: string, width = 1440): Promise<Page> {
  const p = await page(width);
  await login(p, username);
  return p;
}

/** Picks the option whose title starts with `option` of the select labelled `label`, among those on screen (as tips.e2e does). */
async function pickVisible(p: Page, label: string, option: string) {
  const field = p.getByLabel(label, { exact: true });
  const item = p.locator(`.ant-select-item-option[title^="${option}"]`).filter({ visible: true }).first();
  await expect.poll(() => field.isEnabled()).toBe(true);
  await expect
    .poll(async () => {
      if (!(await item.isVisible())) {
        await field.click();
        await field.fill(option);
      }
      return item.isVisible();
    })
    .toBe(true);
  await item.click();
}

/** All the text in the element, hidden text included (nothing sealed may be anywhere in the page). */
/** A dialog's picture once its opening animation is over (as year-work.e2e does). */
async function dialogShot(p: Page, name: string): Promise<void> {
  await p.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear, .ant-fade-enter'));
  await screenshot(p, name, false);
}

const text = async (l: Locator) => (await l.textContent()) ?? '';
const pageText = (p: Page) => text(p.locator('body'));
/** The value of the detail page's fact labelled `label`. */
const fact = (p: Page, label: string) => p.locator('th.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::td[1]');

describe('实名举报：身份封存、身份保管人查看、转办（浏览器）', () => {
  it('手机上实名举报（姓名、手机号码、身份证号码），自由填写企业名称，选到巩义的乡镇', async () => {
    const p = await page(PHONE_VIEW.width, PHONE_VIEW.height);
    await p.goto('/public/tips/new');
    await p.getByTestId('tip-privacy').waitFor();
    await p.getByTestId('tip-enterprise').locator('input').fill(ENTERPRISE);
    for (const [level, name] of [['省（自治区、直辖市）', '河南省'], ['市（地区、州）', '郑州市'], ['县（市、区）', '巩义市'], ['乡镇（街道）', '米河镇']] as const) {
      await pickVisible(p, level, name);
    }
    await p.getByLabel('隐瞒或少报落后产能').check();
    await p.getByLabel('举报内容').fill(`${ENTERPRISE}有一台冲天炉没有上报，一直在夜间生产，请核查。`);
    await p.getByTestId('tip-real-name').check();
    await p.getByLabel('姓名', { exact: true }).fill(NAME);
    await p.getByLabel('手机号码').fill(MOBILE);
    await p.getByLabel('身份证号码').fill(ID_NUMBER);
    await screenshot(p, 'tip-identity-01-form-390');
    await p.getByTestId('tip-submit').click();

    const code = p.getByTestId('receipt-code');
    await code.waitFor();
    receiptCode = (await text(code)).replace(/[^0-9A-Z]/g, '');
    expect(receiptCode).toMatch(/^[2-9A-HJKMNP-Z]{20}$/);
    await p.context().close();
  });

  it('gy-office 打开举报：实名举报（身份已封存），页面上没有姓名、手机号码、身份证号码，也没有查看入口', async () => {
    const p = await desk('gy-office');
    await p.goto('/tips');
    const link = p.locator('tr', { hasText: ENTERPRISE }).getByTestId('tip-link');
    await link.waitFor();
    await link.click();
    await p.waitForURL(/\/tips\/\d+$/);
    tipId = Number(p.url().split('/').at(-1));
    await p.getByTestId('tip-identity-label').getByText('实名举报（身份已封存）').waitFor();
    await p.getByTestId('tip-content').getByText('冲天炉').waitFor();
    const body = await pageText(p);
    for (const secret of [NAME, MOBILE, ID_NUMBER, '138****8000']) expect(body).not.toContain(secret);
    expect(await p.getByTestId('tip-reveal').count()).toBe(0);
    expect(await p.getByText('查看举报人身份').count()).toBe(0);
    await p.context().close();
  });

  for (const width of [1440, 390]) {
    it(`gy-custodian（${width}px）填写查看事由后看到举报人身份；关闭后身份不留在页面上`, async () => {
      const p = await desk('gy-custodian', width);
      await p.goto(`/tips/${tipId}`);
      await p.getByTestId('tip-identity-label').getByText('实名举报（身份已封存）').waitFor();
      const dialog = p.locator('.ant-modal').filter({ hasText: '查看事由（必填）' });
      await openDialog(p.getByTestId('tip-reveal'), dialog);
      const confirm = p.getByTestId('tip-reveal-confirm');
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByLabel('查看事由').fill('举报人反映的情况需要当面核实，依规联系本人');
      await dialogShot(p, `tip-identity-02-reason-${width}`);
      await confirm.click();
      const identity = p.getByTestId('tip-identity');
      await identity.getByText(NAME).waitFor();
      expect(await text(identity)).toContain(MOBILE);
      expect(await text(identity)).toContain(ID_NUMBER);
      await dialogShot(p, `tip-identity-03-revealed-${width}`);
      await p.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
      await identity.waitFor({ state: 'detached' });
      await p.getByText(`${VIEWED}（已记录）`).waitFor();
      const body = await pageText(p);
      for (const secret of [MOBILE, ID_NUMBER]) expect(body).not.toContain(secret);
      await p.context().close();
    });
  }

  it('办理单位看到举报人身份已被查看：沟通记录的系统消息、页面提示、通知', async () => {
    const p = await desk('gy-office');
    await p.goto(`/tips/${tipId}`);
    await p.getByTestId('tip-msg-system').filter({ hasText: VIEWED }).first().waitFor();
    await p.getByText(`${VIEWED}（已记录）`).waitFor();
    expect(await pageText(p)).not.toContain(NAME);

    // The header bell: the count, then the notice in its popover.
    await expect.poll(async () => text(p.getByTestId('notification-count'))).toMatch(/[1-9]/);
    const popover = p.locator('.ant-popover');
    await openDialog(p.getByTestId('notification-bell'), popover);
    await popover.getByText('【举报人身份已被查看】').first().waitFor();
    await screenshot(p, 'tip-identity-04-office-notice-1440', false);

    const gy = await apiAs(server.baseUrl, 'gy-office');
    const notes = await gy.call<{ items: { title: string; link: string; body: string }[] }>('GET', '/api/v1/notifications?limit=20');
    const note = notes.items.find((n) => n.link === `/tips/${tipId}` && n.title.startsWith('【举报人身份已被查看】'));
    expect(note?.body).toContain('理由已记入审计日志');
    // The notice says that, not who the tipster is.
    expect(JSON.stringify(note)).not.toContain(NAME);
    await p.context().close();
  });

  it('举报人在手机上凭查询码看到“身份已被查看”的系统消息', async () => {
    const p = await page(PHONE_VIEW.width, PHONE_VIEW.height);
    await p.goto('/public/tips/lookup');
    await p.getByTestId('tip-lookup-code').fill(receiptCode);
    await p.getByTestId('tip-lookup-submit').click();
    await p.getByTestId('tip-lookup-result').waitFor();
    await p.getByTestId('tip-msg-system').filter({ hasText: VIEWED }).first().waitFor();
    await screenshot(p, 'tip-identity-05-lookup-390');
    await p.context().close();
  });

  it('gy-office 转办给巩义的成员单位（填写理由）；办理单位随之改变，不能再次转办', async () => {
    const p = await desk('gy-office');
    await p.goto(`/tips/${tipId}`);
    const modal = p.locator('.ant-modal').filter({ hasText: '转办举报' });
    await openDialog(p.getByTestId('transition-forward'), modal);
    // 转办至: the region tree (the office's own county at its root), then the department in it.
    const region = modal.locator('.ant-select').first();
    const county = p.locator('.ant-select-tree-node-content-wrapper[title="巩义市"]').filter({ visible: true }).first();
    await expect
      .poll(async () => {
        if (!(await county.isVisible())) await region.click();
        return county.isVisible();
      })
      .toBe(true);
    await county.click();
    await pickOption(p, modal, '成员单位', DEPARTMENT);
    // The list closes over the reason and the buttons before anything else is clicked.
    await p.locator('.ant-select-dropdown').filter({ visible: true }).first().waitFor({ state: 'hidden' });
    await modal.getByLabel('转办理由').fill('举报涉及未批先建和排放问题，由生态环境部门牵头核查');
    await dialogShot(p, 'tip-identity-06-forward-1440');
    await modal.getByRole('button', { name: '转办', exact: true }).click();
    // The dialog closes only when the server took the forward (a refusal keeps it open with the message).
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => text(fact(p, '办理单位'))).toBe(DEPARTMENT);
    expect(await p.getByTestId('transition-forward').count()).toBe(0);
    await screenshot(p, 'tip-identity-07-forwarded-1440');

    // As the department sees it: its own to handle, with where it came from, and no second 转办 either.
    const d = await desk('gy-sthj');
    await d.goto(`/tips/${tipId}`);
    await expect.poll(() => text(fact(d, '办理单位'))).toBe(DEPARTMENT);
    expect(await text(fact(d, '转办'))).toContain('由巩义市转来：举报涉及未批先建');
    expect(await d.getByTestId('transition-forward').count()).toBe(0);
    await p.context().close();
    await d.context().close();
  });
});
