import type { Locator, Page } from 'playwright-core';

/** Opens an Ant Design select by its form label and clicks the option with that text. */
export async function pickOption(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}
