import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption } from './support/antd.ts';
import { apiAs } from './support/api.ts';
import { describeViolations, seriousViolations } from './support/axe.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

/** A minimal PDF (no active content): what the stored-file check accepts. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let server: RunningServer;
let browser: Browser;
let enterpriseId: number;
let lineName: string;
let caseId: number;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The demo's enterprise account (gy-ent) belongs to the first 巩义 demo enterprise: the case is opened on one of its lines.
  const ent = await apiAs(server.baseUrl, 'gy-ent');
  enterpriseId = (await ent.call<{ enterpriseId: number }>('GET', '/api/v1/auth/me')).enterpriseId;
  const e = await ent.call<{ lines: { name: string; specification: string }[] }>('GET', `/api/v1/enterprises/${enterpriseId}`);
  const l = e.lines[0]!;
  lineName = l.specification ? `${l.name}（${l.specification}）` : l.name;
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

/** Clicks `button` until `dialog` shows (a click during a re-render can be lost on a loaded machine). */
async function openDialog(button: ReturnType<Page['getByTestId']>, dialog: ReturnType<Page['locator']>) {
  await button.waitFor({ state: 'visible' });
  await expect
    .poll(async () => {
      if (!(await dialog.isVisible())) await button.click();
      return dialog.isVisible();
    })
    .toBe(true);
}

describe('不达标案件（浏览器）', () => {
  it('巩义发改委在企业页面立案（能耗不达标，6个月整改期限）', async () => {
    const fgw = await as('gy-fgw');
    await fgw.goto(`/enterprises/${enterpriseId}`);
    const modal = fgw.locator('.ant-modal').filter({ hasText: '决定书文号' });
    await openDialog(fgw.getByTestId('enterprise-open-case'), modal);
    await pickOption(fgw, modal, '生产线（不选则针对整个企业）', lineName);
    await modal.getByTestId('case-standard').fill('GB 16780 水泥单位产品能源消耗限额');
    await modal.getByTestId('case-findings').fill('单位产品综合能耗超过限额标准约18%');
    await modal.getByTestId('case-decision-no').fill('巩发改能监〔2026〕21号');
    await screenshot(fgw, 'cases-01-open-dialog', false);
    await modal.getByRole('button', { name: '立案', exact: true }).click();
    await fgw.waitForURL(/\/cases\/\d+$/);
    caseId = Number(fgw.url().split('/').at(-1));
    await fgw.getByTestId('case-status').getByText('限期整改').waitFor();
    expect(await fgw.getByTestId('case-deadline').textContent()).toMatch(/还剩 1(8[0-4]|7\d) 天/);
    // Evidence: a PDF through the case's upload, listed under 证据材料.
    await fgw.getByTestId('case-files').locator('input[type=file]').setInputFiles({ name: '检查笔录.pdf', mimeType: 'application/pdf', buffer: PDF });
    await fgw.getByTestId('case-files').getByText('检查笔录.pdf').waitFor();
    await fgw.context().close();
  });

  it('企业申请延期3个月，发改委分管负责人批准；第二次申请被拒绝并说明原因', async () => {
    const ent = await as('gy-ent');
    await ent.goto(`/cases/${caseId}`);
    const modal = ent.locator('.ant-modal').filter({ hasText: '延期理由' });
    await openDialog(ent.getByTestId('case-request-extension'), modal);
    await modal.getByTestId('extension-months').fill('3');
    await modal.getByTestId('extension-reason').fill('余热回收改造设备须待到货安装');
    await modal.getByRole('button', { name: '提交申请' }).click();
    await ent.getByTestId('case-extensions').getByText('待审批').waitFor();

    const ld = await as('gy-fgw-ld');
    await ld.goto(`/cases/${caseId}`);
    const before = await ld.getByTestId('case-deadline').textContent();
    const grant = ld.locator('.ant-modal').filter({ hasText: '审核意见' });
    await openDialog(ld.getByTestId('transition-grant'), grant);
    await grant.getByLabel('审核意见').fill('同意延期3个月');
    await grant.getByRole('button', { name: '批准延期', exact: true }).click();
    await ld.getByTestId('case-extensions').getByText('已批准').waitFor();
    await expect.poll(() => ld.getByTestId('case-deadline').textContent()).not.toBe(before);
    await ld.getByText('（已延期）').waitFor();
    await screenshot(ld, 'cases-02-extension-granted');
    await ld.context().close();

    await ent.reload();
    const again = ent.locator('.ant-modal').filter({ hasText: '延期理由' });
    await openDialog(ent.getByTestId('case-request-extension'), again);
    await again.getByTestId('extension-months').fill('1');
    await again.getByTestId('extension-reason').fill('再延一个月');
    await again.getByRole('button', { name: '提交申请' }).click();
    await again.getByTestId('extension-refusal').getByText('本案件已批准过一次延期，不能再次申请延期').waitFor();
    await screenshot(ent, 'cases-03-second-extension-refused', false);
    await ent.context().close();
  });

  it('复查不合格：责令关闭（红牌），1440 与 390 像素', async () => {
    const fgw = await as('gy-fgw');
    await fgw.goto(`/cases/${caseId}`);
    const modal = fgw.locator('.ant-modal').filter({ hasText: '复查结论' });
    await openDialog(fgw.getByTestId('case-reinspect'), modal);
    await modal.getByTestId('reinspection-inspectors').fill('张示例、李示例');
    await modal.getByTestId('reinspection-findings').fill('延期届满，能耗仍超限额');
    await modal.getByText('仍不达标').click();
    await modal.getByTestId('reinspection-closure-no').fill('巩政关〔2026〕3号');
    await modal.getByRole('button', { name: '保存' }).click();
    await fgw.getByTestId('case-status').getByText('责令关闭·红牌').waitFor();
    await fgw.getByTestId('case-red').waitFor();
    // Red: the tag's colour is the red preset.
    expect(await fgw.getByTestId('case-status').getAttribute('class')).toContain('ant-tag-red');
    await screenshot(fgw, 'cases-04-closure-ordered-1440');
    const axe1440 = await seriousViolations(fgw);
    expect(axe1440, describeViolations(axe1440)).toEqual([]);
    await fgw.setViewportSize({ width: 390, height: 844 });
    await fgw.reload();
    await fgw.getByTestId('case-red').waitFor();
    await screenshot(fgw, 'cases-05-closure-ordered-390');
    const axe390 = await seriousViolations(fgw);
    expect(axe390, describeViolations(axe390)).toEqual([]);
    await fgw.goto('/cases?list=red');
    await fgw.getByTestId('case-link').first().waitFor();
    await screenshot(fgw, 'cases-06-red-list-390');
    await fgw.setViewportSize({ width: 1440, height: 900 });
    await fgw.goto('/cases');
    await fgw.getByTestId('case-link').first().waitFor();
    await screenshot(fgw, 'cases-07-list-1440');
    await fgw.goto('/');
    await fgw.getByTestId('case-desk').waitFor();
    await screenshot(fgw, 'cases-08-home-desk-1440');
    const axeHome = await seriousViolations(fgw);
    expect(axeHome, describeViolations(axeHome)).toEqual([]);
    await fgw.context().close();
  });
});
