import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { usccCheckChar } from '@taotai/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption } from './support/antd.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { readSheetRows, type SurveyRow, surveyFormXlsx } from './support/survey-form.ts';

/** A valid USCC registered in 巩义 (410181), unique to this run. */
function uscc(): string {
  const first17 = `91410181MAE2E${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
  return first17 + usccCheckChar(first17)!;
}
const withWrongCheckDigit = (u: string) => u.slice(0, 17) + (u[17] === '0' ? '1' : '0');

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

const text = (p: Page, t: string) => p.getByText(t, { exact: false }).first();

describe('企业台账（浏览器）', () => {
  const created = { name: '巩义市翠岭耐火材料有限公司', uscc: uscc(), id: '' };
  const imported = { name: '巩义市澜沧示例焦化有限公司', uscc: uscc(), id: '' };
  const surveyRows = (createdUscc: string): SurveyRow[] => [
    {
      town: '米河镇',
      name: imported.name,
      uscc: imported.uscc,
      industry: '焦炭',
      lineName: '4.3米以下焦炉',
      spec: '炭化室高3.2米',
      quantity: 2,
      capacity: 30,
      unit: '万吨',
      criterion: '技术',
      basis: '产业结构调整指导目录（2011年本）（2013年修正）淘汰类',
      plannedExitDate: '2026-09-30',
    },
    {
      town: '410181100',
      name: created.name,
      uscc: createdUscc,
      industry: '水泥',
      lineName: '水泥粉磨机',
      spec: 'Φ2.2×6.5m',
      quantity: 1,
      capacity: 8,
      unit: '万吨',
      criterion: '技术',
      basis: '直径3米以下水泥粉磨设备',
      plannedExitDate: '2026/10/31',
    },
  ];

  it('gy-office 登记企业与生产线', async () => {
    page = await freshPage();
    await login(page, 'gy-office');
    await expect.poll(() => page.getByTestId('count-all').textContent()).toMatch(/\d+\s*家/);
    await screenshot(page, '01-home');

    await page.getByRole('menuitem', { name: '企业台账' }).click();
    await page.getByTestId('enterprise-total').getByText(/共 \d+ 家企业/).waitFor();
    await screenshot(page, '02-enterprise-list');

    await page.getByRole('button', { name: '新增企业' }).click();
    await page.waitForURL(/\/enterprises\/new/);
    await page.getByRole('textbox', { name: '企业名称' }).fill(created.name);
    // The check digit is verified in the browser before anything is sent.
    await page.getByRole('textbox', { name: '统一社会信用代码' }).fill(withWrongCheckDigit(created.uscc));
    await page.getByRole('textbox', { name: '企业名称' }).click();
    await text(page, '统一社会信用代码校验位错误').waitFor();
    await page.getByRole('textbox', { name: '统一社会信用代码' }).fill(created.uscc.toLowerCase());
    await page.getByLabel('所在区划').click();
    await page.locator('.ant-select-tree').getByText('米河镇', { exact: true }).click();
    await page.getByLabel('行业').fill('水泥');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: '联系人' }).fill('王建国');
    await screenshot(page, '03-enterprise-form');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    created.id = page.url().split('/').pop()!;
    await text(page, created.name).waitFor();
    await page.getByText('河南省 / 郑州市 / 巩义市 / 米河镇').waitFor();
    await text(page, created.uscc).waitFor();

    await page.getByRole('button', { name: '添加生产线' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('生产线（设备）名称').fill('φ3.0m以下水泥磨');
    await dialog.getByLabel('产能', { exact: true }).fill('12.5');
    // The unit came from the industry (水泥 → 万吨) without the user choosing it.
    await dialog.getByText('万吨', { exact: true }).waitFor();
    await pickOption(page, dialog, '不达标类别', '技术');
    await pickOption(page, dialog, '判定依据（目录条目）', '直径3米以下水泥粉磨设备');
    await screenshot(page, '04-line-form', false);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const lineRow = page.getByTestId('line-table').getByRole('row', { name: /φ3\.0m以下水泥磨/ });
    await expect.poll(() => lineRow.textContent()).toContain('12.5');
    const rowText = (await lineRow.textContent()) ?? '';
    expect(rowText).toContain('万吨');
    expect(rowText).toContain('技术');
    expect(rowText).toContain('直径3米以下水泥粉磨设备');
    await screenshot(page, '05-enterprise-detail');
  });

  it('导入排查登记表：错误行不导入，修正后导入', async () => {
    await page.goto('/enterprises');
    await page.getByRole('button', { name: '导入排查登记表' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('请使用《落后产能排查登记表》模板填写').waitFor();

    const [template] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载模板' }).click()]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    const templateRows = await readSheetRows(await template.path());
    expect(templateRows.some((r) => r.includes('统一社会信用代码') && r.includes('不达标类别'))).toBe(true);

    const bad = await surveyFormXlsx('郑州市（巩义市）2026年落后产能排查登记表', surveyRows(withWrongCheckDigit(created.uscc)));
    await dialog.locator('input[type=file]').setInputFiles({ name: '巩义排查登记表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    // Header on row 3, so the second data row is spreadsheet row 5.
    const errorRow = errors.getByRole('row', { name: /校验位/ });
    const cells = await errorRow.getByRole('cell').allTextContents();
    expect(cells[0]).toBe('5');
    expect(cells[1]).toContain('统一社会信用代码');
    await text(page, '未导入任何数据').waitFor();
    expect(await dialog.getByRole('button', { name: '确认导入' }).count()).toBe(0);
    await screenshot(page, '06-import-errors', false);

    const good = await surveyFormXlsx('郑州市（巩义市）2026年落后产能排查登记表', surveyRows(created.uscc));
    await dialog.locator('input[type=file]').setInputFiles({ name: '巩义排查登记表（修正）.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await dialog.getByText('校验通过，可以导入').waitFor();
    const summary = (await dialog.textContent()) ?? '';
    expect(summary).toContain('2 条');
    expect(summary).toContain('38 万吨');
    expect(summary).toContain('其中新增 1 家');
    await screenshot(page, '07-import-preview', false);
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await dialog.getByText('导入完成').waitFor();
    expect(await dialog.textContent()).toContain('新增企业 1 家，匹配已有企业 1 家，新增生产线（设备）2 条');
    await dialog.getByRole('button', { name: '完成' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('两字检索找到导入的企业并按筛选导出', async () => {
    await page.getByLabel('名称/信用代码').fill('澜沧');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('enterprise-total').getByText('共 1 家企业').waitFor();
    const link = page.getByTestId('enterprise-table').getByRole('link', { name: imported.name });
    await link.waitFor();
    await screenshot(page, '08-search');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出排查登记表' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'taotai-export-')), download.suggestedFilename());
    await download.saveAs(file);
    const rows = await readSheetRows(file);
    const hit = rows.filter((r) => r.includes(imported.uscc));
    expect(hit).toHaveLength(1);
    expect(hit[0]).toContain(imported.name);
    expect(hit[0]).toContain('4.3米以下焦炉');
    expect(hit[0]).toContain('万吨');
    // The export follows the list's filter: the other enterprise is not in it.
    expect(rows.some((r) => r.includes(created.uscc))).toBe(false);

    await link.click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    imported.id = page.url().split('/').pop()!;
    await page.getByTestId('line-table').getByText('4.3米以下焦炉').waitFor();

    // The enterprise created by hand picked up its second line from the form.
    await page.goto(`/enterprises/${created.id}`);
    await page.getByTestId('line-table').getByText('水泥粉磨机').waitFor();
    expect(await page.getByTestId('line-table').getByRole('row').count()).toBe(3);
  });

  it('荥阳 xy-office 看不到巩义的企业', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/login/);
    await login(page, 'xy-office');
    expect(await page.getByTestId('header-region').textContent()).toContain('荥阳市');

    await page.goto('/enterprises?q=%E6%BE%9C%E6%B2%A7');
    await page.getByTestId('enterprise-total').getByText('共 0 家企业').waitFor();
    await page.getByLabel('名称/信用代码').fill('翠岭');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('enterprise-total').getByText('共 0 家企业').waitFor();
    await page.getByLabel('名称/信用代码').fill(created.uscc);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('enterprise-total').getByText('共 0 家企业').waitFor();

    for (const id of [created.id, imported.id]) {
      await page.goto(`/enterprises/${id}`);
      await text(page, '不存在或无权访问').waitFor();
      expect(await page.getByText(imported.name).count()).toBe(0);
      expect(await page.getByText(created.name).count()).toBe(0);
    }
    await screenshot(page, '09-xy-office-not-found');
  });
});
