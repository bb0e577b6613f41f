import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens an Ant Design select by its form label and clicks the option with that text. */
export async function pickOption(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
  await field.waitFor({ state: 'visible' });
  // On a loaded machine a click during a modal's opening animation can be lost: open the list again until it shows.
  for (let attempt = 0; ; attempt++) {
    await field.click();
    try {
      await item.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
  await item.click();
}

/** Types a date into an Ant Design picker input (YYYY-MM-DD) and confirms it. */
export async function fillDate(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Sets both ends of an Ant Design RangePicker (the `.ant-picker-range` element). */
export async function fillRange(page: Page, picker: Locator, from: string, to: string): Promise<void> {
  const inputs = picker.locator('input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(from);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
  // Close the panel if it stayed open.
  await page.keyboard.press('Escape').catch(() => undefined);
}

/** Clicks `button` until `dialog` shows (a click during a re-render can be lost on a loaded machine). */
export async function openDialog(button: Locator, dialog: Locator): Promise<void> {
  await button.waitFor({ state: 'visible' });
  await expect
    .poll(async () => {
      if (!(await dialog.isVisible())) await button.click();
      return dialog.isVisible();
    })
    .toBe(true);
}
