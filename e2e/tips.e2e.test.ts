import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDialog } from './support/antd.ts';
import { apiAs } from './support/api.ts';
import { describeViolations, seriousViolations } from './support/axe.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { distinctJpeg, sealedTask, type TaskFixture } from './support/exit-task-fixture.ts';
import { type RunningServer, startServer } from './support/server.ts';

/**
 * Issue 13's scenario: a passer-by reports, anonymously and from a phone, that a sealed 巩义 line is running again,
 * with a photo; `gy-office` accepts the tip, records the check, finds it substantiated, links the reopened exit task
 * (the task is back to 待退出) and drafts the reply; another account of the office (`gy-leader`) concludes it (the
 * drafter cannot); the tipster reads the reply with the receipt code alone; the result is published on /public.
 */
const PHONE = { width: 390, height: 844 };
const ENTERPRISE = '巩义市举报测试耐材有限公司';
const LINE = '2号倒焰窑';
const REPLY = '经现场核查，您反映的情况属实：该生产线封存后擅自恢复生产。已责令立即停产，并重新开启退出任务。感谢您的监督。';
const MEASURES = '责令立即停止生产，重新开启退出任务，限期拆除主体设备。';

let server: RunningServer;
let browser: Browser;
let task: TaskFixture;
let receiptCode = '';
let tipId = 0;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  task = await sealedTask(server.baseUrl, 13_001, ENTERPRISE, LINE);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function phone(): Promise<Page> {
  const ctx = await newContext(browser, server.baseUrl);
  const p = await ctx.newPage();
  await p.setViewportSize(PHONE);
  p.setDefaultTimeout(20_000);
  return p;
}

async function desk(username: string): Promise<Page> {
  const ctx = await newContext(browser, server.baseUrl);
  const p = await ctx.newPage();
  p.setDefaultTimeout(20_000);
  await login(p, username);
  return p;
}

/** The page scrolls only up and down on a phone (issue 13: usable on a 390-px phone). */
const noSideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * Picks the option whose title starts with `option` (an exit task reads 2号倒焰窑（2026年 · 已封存）) of the select labelled `label`, among the options on screen: the enterprise
 * name search's list stays in the page after its choice (hidden), and its suggestion names the region too.
 */
async function pickVisible(p: Page, label: string, option: string, search = false) {
  const field = p.getByLabel(label, { exact: true });
  const item = p.locator(`.ant-select-item-option[title^="${option}"]`).filter({ visible: true }).first();
  await expect.poll(() => field.isEnabled()).toBe(true);
  await expect
    .poll(async () => {
      if (!(await item.isVisible())) {
        await field.click();
        // A long list (34 provinces) renders only what is in view: typing narrows it to the one wanted.
        if (search) await field.fill(option);
      }
      return item.isVisible();
    })
    .toBe(true);
  await item.click();
}

/** Fires a lifecycle event through TransitionActions: opens its dialog, fills it, and confirms with the event's label. */
async function fire(p: Page, event: string, label: string, fill: (modal: ReturnType<Page['locator']>) => Promise<void> = async () => undefined) {
  const modal = p.locator('.ant-modal').filter({ hasText: label });
  await openDialog(p.getByTestId(`transition-${event}`), modal);
  await fill(modal);
  await modal.getByRole('button', { name: label, exact: true }).click();
  await modal.waitFor({ state: 'hidden' });
}

describe('群众举报（浏览器）', () => {
  it('手机上匿名举报：按名称找到企业、选到乡镇、附照片；查询码只显示一次', async () => {
    const p = await phone();
    await p.goto('/public/tips/new');
    await p.getByTestId('tip-privacy').getByText('我们不记录您的IP地址').waitFor();
    expect(await noSideways(p)).toBe(true);
    const axe = await seriousViolations(p);
    expect(axe, describeViolations(axe)).toEqual([]);

    await p.getByTestId('tip-enterprise').locator('input').fill('举报测试耐材');
    await p.locator('.ant-select-item-option', { hasText: ENTERPRISE }).first().click();
    // The place, one level at a time down to the township (each level loads when the one above is chosen).
    for (const [level, name] of [['省（自治区、直辖市）', '河南省'], ['市（地区、州）', '郑州市'], ['县（市、区）', '巩义市'], ['乡镇（街道）', '米河镇']] as const) {
      await pickVisible(p, level, name, true);
    }
    await p.getByLabel('封存或验收后恢复生产').check();
    await p.getByLabel('举报内容').fill(`${ENTERPRISE}的${LINE}去年已经封存，最近一周每天夜里又在生产，烟囱冒烟。`);
    await p.getByTestId('tip-files').locator('input[type=file]').setInputFiles({ name: '夜间冒烟.jpg', mimeType: 'image/jpeg', buffer: await distinctJpeg(13) });
    await p.getByText('夜间冒烟.jpg').waitFor();
    await screenshot(p, 'tips-01-form-390');
    await p.getByTestId('tip-submit').click();

    const code = p.getByTestId('receipt-code');
    await code.waitFor();
    receiptCode = ((await code.textContent()) ?? '').replace(/[^0-9A-Z]/g, '');
    expect(receiptCode).toMatch(/^[2-9A-HJKMNP-Z]{20}$/);
    // Grouped by four for reading off the screen, with the plain warning.
    expect(await code.textContent()).toMatch(/^(\w{4} ){4}\w{4}/);
    await p.getByText('没有查询码将无法查询办理结果，我们也无法找回').waitFor();
    expect(await noSideways(p)).toBe(true);
    await screenshot(p, 'tips-02-receipt-390');
    const axeReceipt = await seriousViolations(p);
    expect(axeReceipt, describeViolations(axeReceipt)).toEqual([]);
    await p.context().close();
  });

  it('gy-office 受理、记录核查、认定属实、关联重新开启的退出任务，提交办结', async () => {
    const p = await desk('gy-office');
    await p.goto('/tips');
    await p.getByTestId('tip-link').first().waitFor();
    await screenshot(p, 'tips-03-list-1440');
    const axeList = await seriousViolations(p);
    expect(axeList, describeViolations(axeList)).toEqual([]);
    await p.locator('tr', { hasText: ENTERPRISE }).getByTestId('tip-link').click();
    await p.waitForURL(/\/tips\/\d+$/);
    tipId = Number(p.url().split('/').at(-1));
    await p.getByTestId('tip-identity-label').getByText('匿名举报').waitFor();
    await expect.poll(() => p.getByTestId('tip-file-image').count()).toBe(1);

    await fire(p, 'accept', '受理核查');
    await p.getByTestId('tip-status').getByText('核查中').waitFor();

    await p.getByTestId('tip-check-add').click();
    const check = p.getByTestId('tip-check-form');
    await check.getByLabel('核查人员').fill('王建国、刘红');
    await check.getByLabel('核查情况').fill(`${LINE}封条已被撕毁，窑体有余温，现场堆放当日产品。`);
    await check.getByTestId('tip-check-submit').click();
    await p.getByTestId('tip-checks').getByText('王建国、刘红').waitFor();
    const axeDetail = await seriousViolations(p);
    expect(axeDetail, describeViolations(axeDetail)).toEqual([]);

    const links = p.getByTestId('tip-link-form');
    await pickVisible(p, '办理结果类型', '重新开启退出任务（复产）');
    await pickVisible(p, '关联对象', LINE);
    await links.getByLabel('关联说明').fill('封存后擅自恢复生产');
    await links.getByTestId('tip-link-submit').click();
    await p.getByTestId('tip-links').locator('tr', { hasText: LINE }).waitFor();

    await fire(p, 'submit_conclusion', '提交办结', async (m) => {
      await m.getByLabel('属实', { exact: true }).check();
      await m.getByLabel('答复举报人').fill(REPLY);
      await m.getByLabel('处理措施').fill(MEASURES);
    });
    await p.getByTestId('tip-status').getByText('办结待审定').waitFor();
    await screenshot(p, 'tips-04-detail-1440');
    // The drafter does not conclude what it drafted (四眼原则): the button is absent, or refused with the rule.
    if (await p.getByTestId('transition-conclude').count()) {
      const modal = p.locator('.ant-modal').filter({ hasText: '审定办结' });
      await openDialog(p.getByTestId('transition-conclude'), modal);
      await modal.getByRole('button', { name: '审定办结', exact: true }).click();
      await p.locator('.ant-message-error').first().waitFor();
      await modal.getByRole('button', { name: '取消' }).click();
      await p.getByTestId('tip-status').getByText('办结待审定').waitFor();
    }

    // The line's exit task is back to 待退出 on its own page.
    await p.goto(`/exit-tasks/${task.taskId}`);
    await p.getByTestId('exit-status').getByText('待退出').waitFor();
    await p.context().close();
  });

  it('本办另一账号（gy-leader）审定办结；办理人自己不能审定', async () => {
    const gy = await apiAs(server.baseUrl, 'gy-office');
    const t = await gy.call<{ version: number }>('GET', `/api/v1/tips/${tipId}`);
    await expect(gy.call('POST', `/api/v1/tips/${tipId}/transition`, { event: 'conclude', version: t.version })).rejects.toThrow(/HTTP 40[34]/);

    const p = await desk('gy-leader');
    await p.goto(`/tips/${tipId}`);
    await fire(p, 'conclude', '审定办结');
    await p.getByTestId('tip-status').getByText('已办结').waitFor();
    await p.context().close();
  });

  it('举报人在手机上凭查询码看到答复；办结后不能再补充；结果在公开网站公布', async () => {
    const p = await phone();
    await p.goto('/public/tips/lookup');
    await p.getByTestId('tip-lookup-code').fill(receiptCode.replace(/(.{4})(?=.)/g, '$1 ').toLowerCase());
    await p.getByTestId('tip-lookup-submit').click();
    await p.getByTestId('tip-lookup-status').getByText('已办结').waitFor();
    expect(await p.getByTestId('tip-lookup-reply').textContent()).toContain('您反映的情况属实');
    expect(await noSideways(p)).toBe(true);
    await screenshot(p, 'tips-05-lookup-390');
    const axe = await seriousViolations(p);
    expect(axe, describeViolations(axe)).toEqual([]);

    await p.getByTestId('tip-thread-input').fill('谢谢，请继续关注。');
    await p.getByTestId('tip-thread-send').click();
    await p.getByTestId('tip-thread-error').getByText('已办结').waitFor();

    // A wrong code: the server's one answer for wrong and unknown codes.
    await p.getByTestId('tip-lookup-code').fill('2345 6789 ABCD EFGH JKMN');
    await p.getByTestId('tip-lookup-submit').click();
    await p.getByTestId('tip-lookup-error').getByText('查询码不存在或有误').waitFor();

    await p.goto('/public');
    await p.locator('.pub-nav').getByText('举报办理结果').click();
    await p.waitForURL(/\/public\/tip-results/);
    const result = p.getByTestId('tip-result').filter({ hasText: ENTERPRISE });
    await result.getByText('属实').waitFor();
    expect(await result.textContent()).toContain('重新开启退出任务');
    expect(await noSideways(p)).toBe(true);
    await screenshot(p, 'tips-06-results-390');
    const axeResults = await seriousViolations(p);
    expect(axeResults, describeViolations(axeResults)).toEqual([]);
    await p.context().close();
  });
});
