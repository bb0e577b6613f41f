import type { TestApp } from './support/test-app.ts';

/** Logs in again after the clock moved (sessions expire after 30 idle minutes). */
export async function relogin(t: TestApp, users: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const u of users) out[u] = await t.login(u);
  return out;
}

/** A one-off requirement body with a fixed due date, addressed to every region one level down. */
export function onceRequirement(over: Record<string, unknown> = {}) {
  return {
    kind: 'implementation_plan_contacts',
    title: '实施方案及工作联系人',
    description: '请于截止日期前函告实施方案、工作联系人及联系方式。',
    year: 2026,
    audience: { mode: 'child_regions' },
    recurrence: 'once',
    due: { mode: 'fixed', date: '2026-04-20' },
    requiredFields: [
      { key: 'contact', label: '联系人', type: 'text', required: true },
      { key: 'phone', label: '联系电话', type: 'text', required: true },
    ],
    ...over,
  };
}

/** Moves the clock to 09:00 Beijing time on a date. */
export function setBeijingDate(t: TestApp, date: string): void {
  t.clock.set(new Date(`${date}T01:00:00.000Z`));
}
