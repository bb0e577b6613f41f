import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { plannedTask, type TaskFixture } from './support/exit-task-fixture.ts';
import { type RestartableServer, startServer } from './support/server.ts';

/**
 * Issue 11 "Photos": the town clerk photographs the sealed equipment with a phone held upright. The camera stores
 * the pixels sideways and says so in EXIF (Orientation 6: turn 90° clockwise to show). The display copy the server
 * makes drops all metadata, EXIF orientation included, so it must turn the pixels itself or the photo shows lying
 * on its side (platform/files/images.ts).
 */
const START = '2026-11-23T09:00:00+08:00';
let server: RestartableServer;
let browser: Browser;
let task: TaskFixture;

/**
 * 400 × 200 stored pixels, left half red and right half blue, tagged Orientation 6. Shown upright it is
 * 200 wide and 400 high, red on top and blue below.
 */
async function sidewaysPhonePhoto(): Promise<Buffer> {
  const red = await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: 220, g: 20, b: 20 } } }).png().toBuffer();
  return sharp({ create: { width: 400, height: 200, channels: 3, background: { r: 20, g: 20, b: 220 } } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

beforeAll(async () => {
  server = await startServer({ fakeNow: START });
  browser = await launchBrowser();
  task = await plannedTask(server.baseUrl, 5101, '巩义市竖拍建材有限公司（虚构）', '1号机立窑生产线');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('手机照片方向（浏览器，390 px）', () => {
  it('手机竖拍的封存照片（EXIF 方向 6）上传后按正确方向显示，展示副本已旋转且不含元数据', async () => {
    const photo = await sidewaysPhonePhoto();
    const meta = await sharp(photo).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([400, 200, 6]);

    const ctx = await newContext(browser, server.baseUrl);
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    page.setDefaultTimeout(20_000);
    await login(page, 'gy-office');
    await page.goto(`/exit-tasks/${task.taskId}`);
    await page.getByTestId('seal-card').waitFor();
    await page.getByTestId('upload-seal_photo').setInputFiles({ name: '手机竖拍.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByTestId('count-seal_photo').getByText('已上传 1 份').waitFor();

    const img = page.getByTestId('evidence-item').locator('img').first();
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const shown = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight, bw: el.getBoundingClientRect().width, bh: el.getBoundingClientRect().height }));
    // Upright: taller than wide, on the page as in the file the browser received.
    expect(shown.h).toBeGreaterThan(shown.w);
    expect(shown.bh).toBeGreaterThan(shown.bw);
    await screenshot(page, 'i11-photo-upright-390');

    // The served display copy itself: turned (not left to the browser to read EXIF), metadata gone, red on top.
    const src = await img.getAttribute('src');
    const res = await page.request.get(src ?? '');
    expect(res.status()).toBe(200);
    const served = Buffer.from(await res.body());
    const m = await sharp(served).metadata();
    expect(m.orientation).toBeUndefined();
    expect(m.exif).toBeUndefined();
    expect(m.height).toBeGreaterThan(m.width ?? 0);
    const { data, info } = await sharp(served).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return { r: data[i] ?? 0, b: data[i + 2] ?? 0 };
    };
    const top = at(Math.floor(info.width / 2), Math.floor(info.height / 4));
    const bottom = at(Math.floor(info.width / 2), Math.floor((info.height * 3) / 4));
    expect(top.r).toBeGreaterThan(top.b);
    expect(bottom.b).toBeGreaterThan(bottom.r);

    // The full display copy (the link under the thumbnail) is upright too, at the photo's own size.
    const full = await page.request.get((src ?? '').replace(/[?&]display=true/, ''));
    const fm = await sharp(Buffer.from(await full.body())).metadata();
    expect([fm.width, fm.height, fm.orientation]).toEqual([200, 400, undefined]);
    await ctx.close();
  });
});
