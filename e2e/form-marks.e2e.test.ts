import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { distinctJpeg, sealedTask, type TaskFixture } from './support/exit-task-fixture.ts';
import { type RestartableServer, startServer } from './support/server.ts';

/**
 * Issue 11 "Forms": a refused state change marks the fields it names (the server's refusal carries the field keys,
 * `payload.officials`, `evidence.photo_before`), and each mark stays after the toast has gone, until that field is
 * fixed. The seal step is covered in e2e/exit-acceptance.e2e.test.ts; this is the dismantle step.
 */
const START = '2026-11-23T09:00:00+08:00';
let server: RestartableServer;
let browser: Browser;
let task: TaskFixture;

beforeAll(async () => {
  server = await startServer({ fakeNow: START });
  browser = await launchBrowser();
  task = await sealedTask(server.baseUrl, 5201, '巩义市标红建材有限公司（虚构）', '2号机立窑生产线');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('拆除被拒时标红所缺字段（浏览器）', () => {
  it('缺少材料时：各缺项标红并保持到补齐为止；补齐后拆除成功', async () => {
    const ctx = await newContext(browser, server.baseUrl);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    await login(page, 'gy-office');
    await page.goto(`/exit-tasks/${task.taskId}`);
    const card = page.getByTestId('dismantle-card');
    await card.waitFor();
    const errors = card.locator('.ant-form-item-explain-error');
    const legal = page.getByLabel('见证记录签字的法定代表人');
    await legal.fill('');

    await page.getByTestId('do-dismantle').click();
    const toast = page.locator('.ant-message').getByText(/拆除还缺/);
    await toast.waitFor();
    for (const kind of ['photo_before', 'photo_during', 'photo_after', 'witness_record']) {
      await page.getByTestId(`missing-${kind}`).getByText(/^还缺：/).waitFor();
      expect(await page.getByTestId(`slot-${kind}`).getAttribute('aria-invalid')).toBe('true');
    }
    await errors.getByText('还缺：见证记录上签字的法定代表人姓名').waitFor();
    await errors.getByText('还缺：见证记录上签字的政府工作人员姓名（至少1人）').waitFor();
    await errors.getByText('还缺：设备去向（报废、出售或其他）').waitFor();
    await screenshot(page, 'i11-form-marks-refused', false);

    // The toast fades; the marks on the form do not.
    await toast.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await errors.count()).toBe(3);
    expect(await page.locator('[data-testid^="missing-"]').count()).toBe(4);

    // Each mark goes when its own field is fixed, and only that one.
    await page.getByTestId('upload-photo_before').setInputFiles({ name: '拆除前.jpg', mimeType: 'image/jpeg', buffer: await distinctJpeg(11) });
    await page.getByTestId('count-photo_before').getByText('已上传 1 份').waitFor();
    await page.getByTestId('missing-photo_before').waitFor({ state: 'detached' });
    expect(await page.getByTestId('missing-photo_during').isVisible()).toBe(true);
    expect(await errors.count()).toBe(3);

    await legal.fill('周振华');
    await errors.getByText('还缺：见证记录上签字的法定代表人姓名').waitFor({ state: 'detached' });
    const officials = page.getByLabel('政府工作人员');
    await officials.fill('米河镇 赵建设');
    await officials.press('Enter');
    await errors.getByText('还缺：见证记录上签字的政府工作人员姓名（至少1人）').waitFor({ state: 'detached' });
    expect(await errors.count()).toBe(1);
    await card.getByText('报废', { exact: true }).click();
    await expect.poll(() => errors.count()).toBe(0);
    expect(await page.locator('[data-testid^="missing-"]').count()).toBe(3);

    for (const [i, kind] of ['photo_during', 'photo_after', 'witness_record'].entries()) {
      await page.getByTestId(`upload-${kind}`).setInputFiles({ name: `${kind}.jpg`, mimeType: 'image/jpeg', buffer: await distinctJpeg(20 + i) });
      await page.getByTestId(`count-${kind}`).getByText('已上传 1 份').waitFor();
    }
    await expect.poll(() => page.locator('[data-testid^="missing-"]').count()).toBe(0);
    await page.getByTestId('do-dismantle').click();
    await page.getByTestId('exit-status').getByText('已拆除').waitFor();
    await ctx.close();
  });
});
