import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDate, fillRange, pickOption } from './support/antd.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { apiAs } from './support/api.ts';
import { type RestartableServer, startServer } from './support/server.ts';

/** The dialog's 报送 button: Ant Design spaces a two-character label (「报 送」) once it has re-rendered. */
const SUBMIT = /^报\s?送$/;

/**
 * The year's work in the browser, on the real server with its clock set by TAOTAI_FAKE_NOW:
 * Monday 23 November 2026, then (restarting on the same data) Tuesday 15 December 2026.
 * The province's survey requirement is due Friday 4 December, so on the 15th a silent county is
 * 7 working days overdue (7–11 and 14–15 December; no holidays in between).
 */
const START = '2026-11-23T09:00:00+08:00';
const LATER = '2026-12-15T10:00:00+08:00';
const PROVINCE_DUE = '2026-12-04';
const CITY_DUE = '2026-12-02';

let server: RestartableServer;
let browser: Browser;
const consoleProblems: string[] = [];

beforeAll(async () => {
  server = await startServer({ fakeNow: START });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  // Deprecation warnings and React errors show here, so a failing look has a lead.
  if (consoleProblems.length) console.warn(`浏览器控制台（${consoleProblems.length} 条）：\n${[...new Set(consoleProblems)].slice(0, 30).join('\n')}`);
});

/** A fresh browser context logged in as the user (each account its own cookies). */
async function as(username: string): Promise<Page> {
  const ctx = await newContext(browser, server.baseUrl);
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`[${username}] ${m.text().slice(0, 300)}`);
  });
  await login(page, username);
  return page;
}

/** A dialog in the viewport, after its opening animation (a picture taken mid-zoom is washed out). */
async function dialogShot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear, .ant-fade-enter'));
  await screenshot(page, name, false);
}

/**
 * The server's log of the survey submissions: each POST's request id with its status, or 未应答 while it is still
 * being handled, and whatever the server printed that is not a request line (warnings such as a transaction held open).
 */
function serverSaw(log: string): string {
  const lines = log.split('\n').filter(Boolean);
  const json = lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as { reqId?: string; req?: { method: string; url: string }; res?: { statusCode: number }; level?: number; msg?: string }];
    } catch {
      return [];
    }
  });
  const posts = json.filter((j) => j.req?.method === 'POST' && /survey-filings/.test(j.req.url)).map((j) => j.reqId);
  const answered = (id?: string) => json.find((j) => j.reqId === id && j.res)?.res?.statusCode ?? '未应答';
  const other = [...json.filter((j) => (j.level ?? 30) >= 40).map((j) => j.msg), ...lines.filter((l) => !l.startsWith('{'))];
  return `${posts.map((id) => `${id}→${answered(id)}`).join('，')}${other.length ? `；${other.slice(-5).join(' | ').slice(0, 1500)}` : ''}`;
}

const dialog = (p: Page) => p.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal').last();
const text = async (l: Locator) => (await l.textContent()) ?? '';

let requirementUrl = '';

describe('年度工作（浏览器）', () => {
  it('ha-office 按“清零行动”模板制定工作方案，工作台显示当前阶段和剩余工作日', async () => {
    const ha = await as('ha-office');
    await ha.getByRole('menuitem', { name: '工作方案' }).click();
    await ha.getByRole('button', { name: '制定本级方案' }).click();
    const dlg = dialog(ha);
    await pickOption(ha, dlg, '方案模板', '清零行动');
    await dlg.getByText('2026-11-16 至 2026-12-15').waitFor();
    await ha.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await dialogShot(ha, 'y3-01-work-plan-create');
    await dlg.getByRole('button', { name: '制定', exact: true }).click();
    await dlg.waitFor({ state: 'hidden' });
    await ha.getByTestId('phase-table').getByText('进行中').waitFor();
    expect(await text(ha.getByTestId('phase-table').getByRole('row', { name: /进行中/ }))).toContain('集中攻坚');
    await screenshot(ha, 'y3-02-work-plan');

    await ha.getByRole('menuitem', { name: '工作台' }).click();
    const left = ha.getByTestId('phase-days-left');
    await left.waitFor();
    // 24 November … 15 December: 16 working days.
    expect(await left.textContent()).toBe('剩余 16 个工作日');
    expect(await text(ha.getByTestId('current-phase'))).toContain('集中攻坚');
    await screenshot(ha, 'y3-03-home');
    await ha.context().close();
  });

  it('zz-office 依据省方案制定本级方案；放宽阶段时间被拒绝并显示原因', async () => {
    const zz = await as('zz-office');
    await zz.goto('/work-plan');
    await zz.getByText('尚未制定2026年工作方案').waitFor();
    await zz.getByRole('button', { name: '制定本级方案' }).click();
    let dlg = dialog(zz);
    await dlg.getByText('依据河南省工作方案制定').waitFor();
    await dlg.getByRole('button', { name: '制定', exact: true }).click();
    await dlg.waitFor({ state: 'hidden' });
    await zz.getByTestId('phase-table').getByText('上级阶段（河南省）').waitFor();

    await zz.getByRole('button', { name: '调整阶段时间' }).click();
    dlg = dialog(zz);
    await fillRange(zz, dlg.locator('.ant-picker-range').first(), '2026-10-01', '2026-10-15');
    await dlg.getByRole('button', { name: '保存' }).click();
    const err = zz.getByTestId('plan-error');
    await err.waitFor();
    expect(await err.textContent()).toContain('只能在上级方案的时间范围内（2026-10-08至2026-10-15）调整');
    await dialogShot(zz, 'y3-04-plan-loosen-refused');
    await dlg.getByRole('button', { name: '取消' }).click();

    // 郑州 asks its own counties for their survey; 巩义 (省直管) reports to the province instead.
    await zz.getByRole('menuitem', { name: '报送管理' }).click();
    await zz.getByRole('button', { name: '下达报送要求' }).click();
    dlg = dialog(zz);
    await pickOption(zz, dlg, '报送种类', '摸底排查结果');
    await dlg.getByLabel('标题').fill('郑州市2026年落后产能摸底排查结果');
    await fillDate(dlg.getByLabel('截止日期', { exact: true }), CITY_DUE);
    await dlg.getByRole('button', { name: '下达', exact: true }).click();
    await zz.waitForURL(/\/filing-requirements\/\d+/);
    const title = await text(zz.getByTestId('requirement-title'));
    expect(title).toBe('郑州市2026年落后产能摸底排查结果');
    await zz.getByRole('tab', { name: /未报送单位/ }).click();
    // The tab's table loads after the click: read it once its rows are there.
    const nonSubmitters = () => zz.getByTestId('non-submitters').locator('tbody tr td:first-child').allTextContents();
    await expect.poll(nonSubmitters).toContain('荥阳市');
    expect(await nonSubmitters()).not.toContain('巩义市');
    await zz.context().close();
  });

  it('ha-office 向全部下一级下达摸底排查结果报送要求', async () => {
    const ha = await as('ha-office');
    await ha.goto('/filings');
    await ha.getByRole('button', { name: '下达报送要求' }).click();
    const dlg = dialog(ha);
    await pickOption(ha, dlg, '报送种类', '摸底排查结果');
    await dlg.getByLabel('标题').fill('2026年落后产能摸底排查结果报送');
    await fillDate(dlg.getByLabel('截止日期', { exact: true }), PROVINCE_DUE);
    await dlg.getByLabel('报送说明').fill('请各地于12月4日前报送摸底排查结果；未发现落后产能的请报送零报告。');
    await dialogShot(ha, 'y3-05-issue-requirement');
    await dlg.getByRole('button', { name: '下达', exact: true }).click();
    await ha.waitForURL(/\/filing-requirements\/\d+/);
    requirementUrl = new URL(ha.url()).pathname;
    await ha.getByText('未报送单位（').waitFor();
    await screenshot(ha, 'y3-06-requirement-issuer');
    await ha.context().close();
  });

  it('gy-office 看到剩余工作日，从台账选择生产线报送摸底排查结果', async () => {
    const gy = await as('gy-office');
    await gy.getByRole('menuitem', { name: '报送管理' }).click();
    const table = gy.getByTestId('addressed-table');
    const row = table.getByRole('row', { name: /2026年落后产能摸底排查结果报送/ });
    await row.waitFor();
    // 24–27 November, 30 November – 4 December: 9 working days.
    expect(await row.textContent()).toContain('剩余 9 个工作日');
    await screenshot(gy, 'y3-07-addressed');

    await row.getByRole('link').click();
    await gy.getByRole('button', { name: '报送排查结果' }).click();
    const dlg = dialog(gy);
    const boxes = dlg.getByTestId('candidate-lines').locator('tbody .ant-checkbox-input');
    await boxes.first().waitFor();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect.poll(() => text(dlg.getByTestId('survey-selection'))).toMatch(/已选 2 条，产能合计：\d/);
    await dialogShot(gy, 'y3-08-survey-submit');
    await dlg.getByRole('button', { name: SUBMIT }).click();
    await dlg.waitFor({ state: 'hidden' });
    const mine = gy.getByTestId('my-filing');
    await mine.getByText('已报送').first().waitFor();
    expect(await mine.textContent()).toContain('按时');
    await screenshot(gy, 'y3-09-my-filing');
    await gy.context().close();
  });

  it('米河镇的零报告因台账中仍有落后产能被拒（逐条列出），逐条说明后报送；说明作为数据质量标记出现在巩义和郑州的数据质量视图，由巩义核实处理', async () => {
    // 巩义 asks its towns for their survey (issue 10: the town 米河镇 files to 巩义, 巩义 to the province).
    const gy = await as('gy-office');
    await gy.goto('/filings');
    await gy.getByRole('button', { name: '下达报送要求' }).click();
    let dlg = dialog(gy);
    await pickOption(gy, dlg, '报送种类', '摸底排查结果');
    await dlg.getByLabel('标题').fill('巩义市2026年乡镇落后产能摸底排查结果');
    await fillDate(dlg.getByLabel('截止日期', { exact: true }), CITY_DUE);
    await dlg.getByRole('button', { name: '下达', exact: true }).click();
    await gy.waitForURL(/\/filing-requirements\/\d+/);
    await gy.getByRole('tab', { name: /未报送单位/ }).click();
    await expect.poll(() => gy.getByTestId('non-submitters').locator('tbody tr td:first-child').allTextContents()).toContain('米河镇');
    await gy.context().close();

    const town = await as('gy-town');
    // What the server answered to each survey submission, for the message if the dialog never closes.
    const answers: string[] = [];
    const clickErrors: string[] = [];
    // Sent, answered or failed as the browser saw it, so a dialog that never closes tells a request never sent from
    // one the server never answered (the server's own account is in the message too: serverSaw).
    const surveyPost = (r: { method: () => string; url: () => string }) => r.method() === 'POST' && /survey-filings/.test(r.url());
    town.on('request', (r) => {
      if (surveyPost(r)) answers.push('已发出');
    });
    town.on('requestfailed', (r) => {
      if (surveyPost(r)) answers.push(`请求失败 ${r.failure()?.errorText ?? ''}`);
    });
    town.on('response', async (r) => {
      if (surveyPost(r.request())) answers.push(`${r.status()} ${(await r.text().catch(() => '')).slice(0, 300)}`);
    });
    await town.goto('/filings?tab=addressed');
    const row = town.getByTestId('addressed-table').getByRole('row', { name: /巩义市2026年乡镇落后产能摸底排查结果/ });
    await row.getByRole('link').click();
    await town.getByRole('button', { name: '报送排查结果' }).click();
    dlg = dialog(town);
    // The modal may still be opening when the first click lands: click until the zero-report form shows.
    const statement = dlg.getByRole('textbox', { name: '情况说明' });
    await expect
      .poll(async () => {
        await dlg.getByText('零报告（未发现落后产能）').click();
        return statement.isVisible();
      })
      .toBe(true);
    await statement.fill('经全面排查，米河镇未发现落后产能（设备），特此零报告。');
    await dlg.getByRole('button', { name: SUBMIT }).click();
    // Issue 10 §3: the registry still holds 米河镇's backward lines, so silence is refused and the lines are named.
    const refusal = dlg.locator('.ant-alert-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/米河镇台账中尚有\d+条未淘汰的落后产能生产线，不能报送零报告/);
    const panel = dlg.getByTestId('zero-explanations');
    await panel.waitFor();
    expect(await panel.getByTestId('zero-explanations-missing').textContent()).toMatch(/还有 \d+ 条未说明/);
    await dialogShot(town, 'y3-10-zero-report-refused');
    // Every line explained (here all at once: the lines moved out with their enterprises), then reported again.
    await panel.locator('.ant-radio-button-wrapper', { hasText: '已迁出本地区' }).click();
    await panel.getByLabel('批量具体情况').fill('企业已于2025年整体搬迁至外省，设备随迁');
    await panel.getByRole('button', { name: '应用到全部' }).click();
    await panel.getByText('已全部说明').waitFor();
    // Under load the footer re-renders as the explanations settle and a click can miss: click until the dialog closes
    // (the filing's 已报送 below proves the report went through).
    // A failure shows what the dialog said instead of closing.
    await expect
      .poll(
        async () => {
          if (await dlg.isHidden()) return '已关闭';
          const submit = dlg.getByRole('button', { name: SUBMIT });
          await submit.click({ timeout: 3000 }).catch((e: Error) => clickErrors.push(e.message.split('\n').slice(-4).join(' ; ')));
          await dlg.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => undefined);
          if (await dlg.isHidden()) return '已关闭';
          const missing = await panel.getByTestId('zero-explanations-missing').textContent().catch(() => '');
          return `${await dlg.locator('.ant-alert-error').allTextContents()} / ${missing} / 浏览器：${answers.join(' | ')} / 点击：${clickErrors.join(' | ')} / 服务器：${serverSaw(server.log())}`;
        },
        { timeout: 40_000 },
      )
      .toBe('已关闭');
    await town.getByTestId('my-filing').getByText('已报送').first().waitFor();
    await town.context().close();

    // The explanation reaches the levels above as a data-quality flag: 郑州 sees it (巩义 lies in 郑州's region) …
    const flagRow = (p: Page) => p.getByTestId('dq-table').getByRole('row', { name: /米河镇.*零报告与台账不符/ });
    const zz = await as('zz-office');
    await zz.goto('/data-quality');
    await flagRow(zz).waitFor();
    await screenshot(zz, 'y3-11-data-quality');
    await zz.context().close();

    // … and 巩义, the level 米河镇 files to, checks it and resolves it with a note.
    const gyAgain = await as('gy-office');
    await gyAgain.goto('/data-quality');
    const flag = flagRow(gyAgain);
    await flag.waitFor();
    await flag.getByRole('button', { name: '处理' }).click();
    const resolve = dialog(gyAgain);
    await resolve.getByLabel('处理意见').fill('已到米河镇现场核实，迁出企业的迁入地证明已补充备案');
    await resolve.getByRole('button', { name: '确认处理' }).click();
    await resolve.waitFor({ state: 'hidden' });
    // Off the open list, never deleted: the flag stays with its resolution note, for 巩义 and 郑州 alike.
    await flag.waitFor({ state: 'detached' });
    await gyAgain.context().close();
    for (const office of ['gy-office', 'zz-office']) {
      const api = await apiAs(server.baseUrl, office);
      const resolved = await api.call<{ items: { regionName: string; status: string; resolutionNote: string }[] }>(
        'GET',
        '/api/v1/data-quality/flags?status=resolved&kind=zero_report_explained',
      );
      expect(resolved.items.find((f) => f.regionName === '米河镇'), office).toMatchObject({
        status: 'resolved',
        resolutionNote: '已到米河镇现场核实，迁出企业的迁入地证明已补充备案',
      });
    }
  });

  it('ha-office 接收巩义的报送并现场核查，发现不符退回；巩义收到通知后重新报送', async () => {
    const ha = await as('ha-office');
    await ha.goto(requirementUrl);
    const row = ha.getByTestId('filings-table').getByRole('row', { name: /巩义市/ });
    await row.getByRole('button').click();
    const drawer = ha.locator('.ant-drawer-content-wrapper');
    await drawer.getByRole('button', { name: '接收' }).click();
    await drawer.getByText('已接收').first().waitFor();
    await drawer.getByRole('button', { name: '排查明细与核查' }).click();
    await ha.waitForURL(/\/survey-filings\/\d+/);
    await ha.getByTestId('survey-lines').waitFor();
    await ha.getByRole('button', { name: '现场核查' }).click();
    const dlg = dialog(ha);
    const first = dlg.getByTestId('verify-table').locator('tbody tr').first();
    // 与上报不符 opens the found-capacity field; under load the dropdown's option click can be lost: pick until it shows.
    const found = first.locator('.ant-input-number input');
    await expect
      .poll(async () => {
        if (await found.isVisible()) return true;
        await first.locator('.ant-select').click({ timeout: 3000 }).catch(() => undefined);
        const option = ha.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '与上报不符' });
        await option.click({ timeout: 3000 }).catch(() => undefined);
        return found.isVisible();
      })
      .toBe(true);
    await found.fill('3.5');
    await first.locator('input.ant-input').fill('现场仅一台设备在用，另一台已拆除');
    await dialogShot(ha, 'y3-10-verify');
    await dlg.getByRole('button', { name: '保存核查结果' }).click();
    await dlg.waitFor({ state: 'hidden' });
    await ha.getByText('已退回修改').first().waitFor();
    expect(await text(ha.getByTestId('survey-lines'))).toContain('与上报不符');
    await screenshot(ha, 'y3-11-survey-filing-verified');
    await ha.context().close();

    const gy = await as('gy-office');
    const count = gy.getByTestId('notification-count');
    await expect.poll(() => text(count)).toMatch(/[1-9]/);
    await gy.getByTestId('notification-bell').click();
    // The popover fills in after its list loads; clicking before that can hit a notification moving under the pointer.
    await gy.locator('.ant-popover').getByText('【退回修改】').first().waitFor();
    await gy.getByRole('button', { name: '查看全部通知' }).click();
    const list = gy.getByTestId('notification-table');
    await list.getByText('报送被退回').first().waitFor();
    await screenshot(gy, 'y3-12-notifications');
    await list.locator('a.ant-typography').first().click();
    await gy.waitForURL(/\/filing-requirements\/\d+/);
    const reason = gy.getByTestId('return-reason');
    await reason.waitFor();
    expect(await reason.textContent()).toContain('与上报不符');
    await gy.getByRole('button', { name: '修改后重新报送' }).click();
    const redo = dialog(gy);
    await expect.poll(() => text(redo.getByTestId('survey-selection'))).toContain('已选 2 条');
    await redo.getByRole('button', { name: '重新报送', exact: true }).click();
    await redo.waitFor({ state: 'hidden' });
    await gy.getByTestId('my-filing').getByText('已重新报送').first().waitFor();
    await gy.context().close();
  });

  it('时间推进到12月15日：未报送的兰考县在省级名单中逾期 7 个工作日', async () => {
    await server.restart({ fakeNow: LATER });
    const ha = await as('ha-office');
    await ha.goto(requirementUrl);
    await ha.getByRole('tab', { name: /未报送单位/ }).click();
    const missing = ha.getByTestId('non-submitters');
    const lankao = missing.getByRole('row', { name: /兰考县/ });
    await lankao.waitFor();
    expect(await lankao.textContent()).toContain('逾期 7 个工作日');
    const names = await missing.locator('tbody tr td:first-child').allTextContents();
    expect(names).not.toContain('巩义市');
    expect(names).toContain('郑州市');
    await screenshot(ha, 'y3-13-non-submitters');

    await ha.goto('/filings?tab=matrix');
    const matrix = ha.getByTestId('filing-matrix');
    await matrix.getByRole('row', { name: /兰考县/ }).getByText('逾期未报').waitFor();
    expect(await matrix.getByRole('row', { name: /巩义市/ }).textContent()).toContain('已重新报送');
    await screenshot(ha, 'y3-14-matrix');

    await ha.getByRole('menuitem', { name: '摸底排查' }).click();
    const rollup = ha.getByTestId('survey-rollup');
    const gyRow = rollup.getByRole('row', { name: /巩义市/ });
    await gyRow.waitFor();
    expect(await gyRow.textContent()).toContain('已报 2 条');
    expect(await rollup.getByRole('row', { name: /兰考县/ }).textContent()).toContain('未报');
    // 米河镇's zero report (explained line by line) counts in 巩义's row of the province's rollup.
    expect(await gyRow.textContent()).toContain('零报告 1');
    await gyRow.locator('.ant-table-row-expand-icon').click();
    const miheRow = rollup.getByRole('row', { name: /米河镇/ });
    await miheRow.waitFor();
    expect(await miheRow.textContent()).toContain('零报告');
    await screenshot(ha, 'y3-15-survey-rollup');
    await ha.context().close();
  });

  it('zz-office 分解水泥目标到巩义、荥阳，生成并下载责任书（.docx），上传签字扫描件', async () => {
    const zz = await as('zz-office');
    await zz.getByRole('menuitem', { name: '目标任务' }).click();
    await zz.getByRole('button', { name: '录入目标任务' }).click();
    let dlg = dialog(zz);
    await pickOption(zz, dlg, '行业', '水泥');
    await dlg.getByLabel('淘汰产能目标').fill('50');
    await dlg.getByLabel('下达文号').fill('豫工信产业〔2026〕8号');
    await dlg.getByRole('button', { name: '录入', exact: true }).click();
    await zz.waitForURL(/\/targets\/\d+$/);
    await zz.getByRole('button', { name: '分解到下级' }).click();
    dlg = dialog(zz);
    await dlg.getByLabel('分解产能：巩义市').fill('30');
    await dlg.getByLabel('分解产能：荥阳市').fill('12.5');
    // Short of the target: the sum shows the gap before saving.
    await expect.poll(() => text(dlg.getByTestId('allocation-sum'))).toBe('42.5 万吨');
    await dlg.getByRole('button', { name: '保存分解' }).click();
    await dlg.waitFor({ state: 'hidden' });
    const allocations = zz.getByTestId('allocations');
    await allocations.getByRole('row', { name: /荥阳市/ }).waitFor();
    expect(await text(zz.locator('.ant-descriptions'))).toContain('分解不足，少 7.5 万吨');
    await screenshot(zz, 'y3-16-target-decomposed');

    await zz.getByRole('menuitem', { name: '目标任务' }).click();
    const progress = zz.getByTestId('progress-table');
    const cement = progress.getByRole('row', { name: /水泥/ }).first();
    await cement.waitFor();
    expect(await cement.textContent()).toContain('分解不足');
    await cement.locator('.ant-table-row-expand-icon').click();
    await progress.getByText('荥阳市').waitFor();
    await screenshot(zz, 'y3-17-target-progress');

    await cement.getByRole('link', { name: '水泥' }).click();
    await allocations.getByRole('row', { name: /巩义市/ }).getByRole('button', { name: '生成责任书' }).click();
    await zz.waitForURL(/\/letters\/\d+$/);
    await zz.getByTestId('letter-status').getByText('待签订').waitFor();
    const [docx] = await Promise.all([zz.waitForEvent('download'), zz.getByRole('button', { name: '下载责任书（Word）' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'taotai-letter-')), docx.suggestedFilename());
    await docx.saveAs(file);
    const xml = await (await JSZip.loadAsync(await readFile(file))).file('word/document.xml')!.async('string');
    expect(xml).toContain('巩义');
    expect(xml).toContain('水泥');
    expect(xml).toContain('万吨');
    expect(xml).toContain('30');

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await zz.locator('input[type=file]').setInputFiles({ name: '巩义市目标责任书（签字盖章）.pdf', mimeType: 'application/pdf', buffer: pdf });
    await zz.getByTestId('letter-status').getByText('已签订').waitFor();
    await zz.getByText('巩义市目标责任书（签字盖章）.pdf').waitFor();
    await screenshot(zz, 'y3-18-letter-signed');
    await zz.context().close();
  });

  it('gy-office 编制淘汰计划并报送，ha-office（巩义为省直管县，由省审批）批准并导出清单', async () => {
    const gy = await as('gy-office');
    await gy.getByRole('menuitem', { name: '淘汰计划' }).click();
    await gy.getByRole('button', { name: /编制本级2026年淘汰计划/ }).click();
    const create = dialog(gy);
    await create.getByRole('button', { name: '创建', exact: true }).click();
    await gy.waitForURL(/\/elimination-plans\/\d+$/);
    await gy.getByRole('button', { name: '列入生产线' }).click();
    const dlg = dialog(gy);
    const boxes = dlg.getByTestId('plan-candidates').locator('tbody .ant-checkbox-input');
    await boxes.first().waitFor();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await fillDate(dlg.getByLabel('统一淘汰期限'), '2026-12-31');
    await dlg.locator('.ant-modal-title').click();
    await dialogShot(gy, 'y3-22-plan-add-lines');
    await dlg.getByRole('button', { name: /列入计划（2 条）/ }).click();
    await dlg.waitFor({ state: 'hidden' });
    const lines = gy.getByTestId('plan-lines');
    await expect.poll(() => lines.locator('tbody tr.ant-table-row').count()).toBe(2);
    await gy.getByTestId('transition-submit').click();
    await dialog(gy).getByRole('button', { name: SUBMIT }).click();
    await gy.getByTestId('plan-status').getByText('已报送').waitFor();
    const planUrl = new URL(gy.url()).pathname;
    await gy.context().close();

    // 四眼原则: 巩义 reports to the province, so ha-office approves; gy-office sees no 批准 button.
    const ha = await as('ha-office');
    await ha.goto(planUrl);
    await ha.getByTestId('transition-approve').click();
    await dialog(ha).getByRole('button', { name: '批准', exact: true }).click();
    await ha.getByTestId('plan-status').getByText('已批准').waitFor();
    const statuses = await ha.getByTestId('plan-lines').locator('tbody tr.ant-table-row').allTextContents();
    expect(statuses.every((r) => r.includes('已列入计划'))).toBe(true);
    const [xlsx] = await Promise.all([ha.waitForEvent('download'), ha.getByRole('button', { name: '导出' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    await screenshot(ha, 'y3-23-plan-approved');
    await ha.context().close();
  });

  it('gy-office 日历显示本月截止事项；管理员查看节假日设置', async () => {
    const gy = await as('gy-office');
    await gy.getByRole('menuitem', { name: '我的日历' }).click();
    const cell = gy.getByTestId(`cal-${PROVINCE_DUE}`);
    await cell.getByText('2026年落后产能摸底排查结果报送').waitFor();
    await screenshot(gy, 'y3-19-my-calendar');
    await gy.context().close();

    const admin = await as('admin');
    await admin.goto('/settings/holidays');
    await admin.getByTestId('calendar-source').waitFor();
    expect(await text(admin.locator('.ant-table').first())).toContain('国庆节');
    await screenshot(admin, 'y3-20-holidays');
    await admin.getByRole('button', { name: /录入2026年放假安排/ }).click();
    await dialog(admin).getByText('放假安排').first().waitFor();
    await dialogShot(admin, 'y3-21-holiday-notice');
    await dialog(admin).getByRole('button', { name: '取消' }).click();

    // A year the built-in data does not cover: weekends only until the notice is entered.
    await pickOption(admin, admin, '年度', '2028年');
    await admin.getByText('2028年尚无节假日安排').waitFor();
    expect(await text(admin.getByTestId('calendar-source'))).toBe('未覆盖');
    await admin.getByRole('button', { name: /录入2028年放假安排/ }).click();
    const notice = dialog(admin);
    await notice.getByLabel('节日名称').first().fill('元旦');
    await fillRange(admin, notice.locator('.ant-picker-range').first(), '2028-01-01', '2028-01-03');
    await notice.getByRole('button', { name: '保存', exact: true }).click();
    await notice.waitFor({ state: 'hidden' });
    await expect.poll(() => text(admin.getByTestId('calendar-source'))).toBe('手工录入');
    expect(await text(admin.locator('.ant-table').first())).toContain('2028-01-01（周六）至 2028-01-03（周一）');
    await admin.context().close();
  });
});
