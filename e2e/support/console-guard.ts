import { afterEach, expect } from 'vitest';
import { takePageErrors } from './browser.ts';

// Every browser test fails on a console error or an uncaught exception in any page it opened (issue 9):
// collected in ./browser.ts, where the few known-benign messages are listed with their reasons.
afterEach(() => {
  expect(takePageErrors(), '浏览器控制台出现错误').toEqual([]);
});
