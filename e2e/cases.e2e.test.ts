import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDate, openDialog, pickOption } from './support/antd.ts';
import { apiAs, serverToday } from './support/api.ts';
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
let enterpriseName: string;
let plainLineName: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The demo's enterprise account (gy-ent) belongs to the first 巩义 demo enterprise: the case is opened on one of its lines.
  const ent = await apiAs(server.baseUrl, 'gy-ent');
  enterpriseId = (await ent.call<{ enterpriseId: number }>('GET', '/api/v1/auth/me')).enterpriseId;
  const e = await ent.call<{ name: string; lines: { name: string; specification: string }[] }>('GET', `/api/v1/enterprises/${enterpriseId}`);
  const l = e.lines[0]!;
  enterpriseName = e.name;
  plainLineName = l.name;
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

  // The story goes on (issue 12, "Tests that must exist"): the line ordered closed is a candidate of 巩义's plan, the
  // 发改委's red list is approved, published and seen on /public, and 供电 applies the punitive electricity price.
  it('责令关闭的生产线成为巩义年度淘汰计划的候选，办公室一键列入计划', { timeout: 180_000 }, async () => {
    // Set-up: this year's plan as a draft (the demo has none; a user would build it on the plan page first).
    const office = await apiAs(server.baseUrl, 'gy-office');
    const year = Number((await serverToday(server.baseUrl)).slice(0, 4));
    const existing = await office.call<{ items: { id: number; regionCode: string; status: string }[] }>('GET', `/api/v1/elimination-plans?region=410181&year=${year}`);
    const own = existing.items.find((p) => p.regionCode === '410181');
    const planId = own ? own.id : (await office.call<{ id: number }>('POST', '/api/v1/elimination-plans', { regionCode: '410181', year })).id;

    const gy = await as('gy-office');
    await gy.goto(`/elimination-plans/${planId}`);
    const card = gy.getByTestId('case-candidates');
    const row = card.locator('tr', { hasText: enterpriseName });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(plainLineName);
    expect(text).toMatch(/能耗不达标.*巩发改能监〔2026〕21号 \/ 巩政关〔2026〕3号/);
    await screenshot(gy, 'cases-09-plan-candidate-1440');
    await gy.setViewportSize({ width: 390, height: 844 });
    await screenshot(gy, 'cases-10-plan-candidate-390');
    const axe = await seriousViolations(gy);
    expect(axe, describeViolations(axe)).toEqual([]);
    await gy.setViewportSize({ width: 1440, height: 900 });
    // One click adds the line through the plan's own path: it leaves the candidates and joins the plan's lines.
    const add = row.getByRole('button', { name: `将${plainLineName}列入计划` });
    await expect
      .poll(async () => {
        if (await add.isVisible()) await add.click();
        return gy.getByTestId('plan-lines').locator('tr', { hasText: enterpriseName }).count();
      })
      .toBe(1);
    await expect.poll(() => card.count()).toBe(0);
    await gy.context().close();
  });

  it('巩义发改委生成能耗红牌名单并提交，分管领导审核发布，公众网站（手机）可见', { timeout: 240_000 }, async () => {
    const fgw = await as('gy-fgw');
    await fgw.goto('/announcements');
    const modal = fgw.locator('.ant-modal').filter({ hasText: '公告内容' });
    await openDialog(fgw.getByRole('button', { name: '生成公告' }), modal);
    const kind = modal.getByText('能耗不达标责令关闭企业名单（红牌）', { exact: true });
    await kind.waitFor({ state: 'visible' });
    expect(await modal.getByText('环保不达标责令关闭企业名单（红牌）').count()).toBe(0); // another department's ground
    await expect
      .poll(async () => {
        await kind.click();
        return modal.getByText('列入本地区该类别复查仍不达标、已责令关闭的案件').isVisible();
      })
      .toBe(true);
    await screenshot(fgw, 'cases-11-red-list-create', false);
    await modal.getByRole('button', { name: '生成草稿' }).click();
    await fgw.waitForURL(/\/announcements\/\d+$/);
    const announcementPath = new URL(fgw.url()).pathname;
    await fgw.getByText(enterpriseName).first().waitFor();
    const submit = fgw.locator('.ant-modal').filter({ hasText: '提交后由领导小组组长或上级审核' });
    await openDialog(fgw.getByTestId('transition-submit'), submit);
    await submit.getByRole('button', { name: '提交审核' }).click();
    await fgw.getByText('待审核').first().waitFor();
    // The department drafts and submits, but does not approve or publish its own list (ADR 0023).
    expect(await fgw.getByTestId('transition-approve').count()).toBe(0);
    await screenshot(fgw, 'cases-12-red-list-submitted-1440');
    await fgw.context().close();

    const leader = await as('gy-leader');
    await leader.goto(announcementPath);
    const approve = leader.locator('.ant-modal').filter({ hasText: '审核意见' });
    await openDialog(leader.getByTestId('transition-approve'), approve);
    await approve.getByRole('button', { name: '审核通过' }).click();
    await leader.getByText('已审核').first().waitFor();
    const publish = leader.locator('.ant-modal').filter({ hasText: '发布到公众网站' });
    await openDialog(leader.getByTestId('transition-publish'), publish);
    await publish.getByRole('button', { name: /发\s*布/ }).click();
    await leader.getByText('在公众网站查看').waitFor();
    const title = ((await leader.getByTestId('detail-title').textContent()) ?? '').trim();
    expect(title).toContain('红牌');
    await screenshot(leader, 'cases-13-red-list-published-1440');
    await leader.setViewportSize({ width: 390, height: 844 });
    await screenshot(leader, 'cases-13-red-list-published-390');
    await leader.context().close();

    const pub = await (await newContext(browser, server.baseUrl)).newPage();
    await pub.setViewportSize({ width: 390, height: 844 });
    await pub.goto('/public');
    await pub.getByText(title, { exact: true }).first().click();
    expect(await pub.getByTestId('ann-item-card').first().textContent()).toContain(enterpriseName);
    expect(await pub.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(pub, 'cases-14-public-red-list-390');
    const axe = await seriousViolations(pub);
    expect(axe, describeViolations(axe)).toEqual([]);
    await pub.context().close();
  });

  it('办公室向供电送达惩罚性电价（每千瓦时加价），供电公司签收并登记执行', { timeout: 240_000 }, async () => {
    const gy = await as('gy-office');
    await gy.goto('/price-measures');
    const modal = gy.locator('.ant-modal').filter({ hasText: '送达价格、信贷措施' });
    await openDialog(gy.getByTestId('send-measure'), modal);
    const ent = modal.getByLabel('企业（须有黄牌或红牌案件）', { exact: true });
    const option = gy.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: enterpriseName }).first();
    await expect
      .poll(async () => {
        if (!(await option.isVisible())) {
          await ent.click();
          await ent.fill(enterpriseName.slice(0, 6));
        }
        return option.isVisible();
      })
      .toBe(true);
    await option.click();
    await pickOption(gy, modal, '措施', '惩罚性电价');
    await modal.getByLabel('加价标准（元/千瓦时）').fill('0.3');
    await modal.getByLabel('说明').fill('红牌企业，依法执行惩罚性电价');
    await gy.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
    await screenshot(gy, 'cases-15-send-price-measure', false);
    await modal.getByRole('button', { name: /送\s*达/ }).click();
    await gy.waitForURL(/\/price-measures\/\d+$/);
    const deliveryPath = new URL(gy.url()).pathname;
    await gy.getByTestId('delivery-status').getByText('待签收').waitFor();
    const facts = (await gy.getByTestId('detail-page').textContent()) ?? '';
    expect(facts).toContain('0.3 元/千瓦时');
    expect(facts).toContain('巩发改能监〔2026〕21号');
    await gy.context().close();

    const gd = await as('gy-gdgs');
    await gd.goto('/price-measures');
    const row = gd.getByTestId('price-measure').locator('tr', { hasText: enterpriseName });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/惩罚性电价.*待签收/);
    await screenshot(gd, 'cases-16-power-inbox-1440');
    await row.getByRole('link', { name: enterpriseName }).click();
    await gd.waitForURL(new RegExp(`${deliveryPath}$`));
    const ack = gd.locator('.ant-modal').filter({ hasText: '签收后请在期限内执行措施' });
    await openDialog(gd.getByTestId('transition-acknowledge'), ack);
    await ack.getByRole('button', { name: /签\s*收/ }).click();
    await gd.getByTestId('delivery-status').getByText('已签收').waitFor();
    const apply = gd.locator('.ant-modal').filter({ hasText: '执行的措施' });
    await openDialog(gd.getByTestId('transition-apply'), apply);
    await apply.getByLabel('执行的措施').fill('自本月起执行惩罚性电价，每千瓦时加价0.30元');
    await fillDate(apply.getByLabel('执行日期'), await serverToday(server.baseUrl));
    await expect
      .poll(async () => {
        if (await apply.isVisible()) await apply.getByRole('button', { name: /执\s*行/ }).click();
        return gd.getByTestId('delivery-status').textContent();
      })
      .toBe('已执行');
    expect(await gd.getByTestId('detail-page').textContent()).toContain('每千瓦时加价0.30元');
    await screenshot(gd, 'cases-17-price-applied-1440');
    const axe1440 = await seriousViolations(gd);
    expect(axe1440, describeViolations(axe1440)).toEqual([]);
    await gd.setViewportSize({ width: 390, height: 844 });
    await gd.reload();
    await gd.getByTestId('delivery-status').waitFor();
    await screenshot(gd, 'cases-18-price-applied-390');
    const axe390 = await seriousViolations(gd);
    expect(axe390, describeViolations(axe390)).toEqual([]);
    await gd.goto('/price-measures');
    await row.waitFor();
    await screenshot(gd, 'cases-19-power-inbox-390');
    await gd.context().close();
  });
});
