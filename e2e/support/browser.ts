import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../.tmp/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  ctx.on('page', watchPage);
  return ctx;
}

/**
 * Console errors that are not faults, each with the reason. Everything else a page logs as an error, and every
 * uncaught exception, fails the test it happened in (e2e/support/console-guard.ts; issue 9).
 */
const BENIGN_CONSOLE_ERRORS: RegExp[] = [
  // Chromium logs every 4xx response as a console error. The app answers refusals this way by design (401 before
  // login and after logout, 400/409/422 for the validation messages the tests provoke, 404 for out-of-scope ids)
  // and shows them in the page; a 5xx is still an error.
  /^Failed to load resource: the server responded with a status of 4\d\d\b/,
];
const pageErrors: string[] = [];

function watchPage(page: Page): void {
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (BENIGN_CONSOLE_ERRORS.some((re) => re.test(text))) return;
    pageErrors.push(`${page.url()}：${text.slice(0, 500)}`);
  });
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}：未捕获的异常 ${e.message.slice(0, 500)}`));
}

/** The console errors and uncaught exceptions collected since the last call. */
export function takePageErrors(): string[] {
  return pageErrors.splice(0);
}

/** Full page by default; dialogs read better in the viewport (their mask covers only the viewport). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // Let tables finish loading so the picture shows data, not a spinner over the previous page.
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

export const DEMO_PASSWORD = 'Taotai@2026';

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('header-user').waitFor();
}
