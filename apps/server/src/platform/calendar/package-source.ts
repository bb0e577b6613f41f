import { createRequire } from 'node:module';
import type { DayKind } from './working-calendar.ts';

const require = createRequire(import.meta.url);

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The holiday data shipped in `chinese-days` (State Council notices 2004–2026 at version 1.5.7). */
export function packageCalendarDays(): { days: Map<string, { kind: DayKind; name: string }>; years: Set<number> } {
  const data = require('chinese-days/dist/chinese-days.json') as PackageData;
  const days = new Map<string, { kind: DayKind; name: string }>();
  const years = new Set<number>();
  const nameOf = (v: string) => v.split(',')[1] ?? v;
  for (const [d, v] of Object.entries(data.holidays)) {
    days.set(d, { kind: 'holiday', name: nameOf(v) });
    years.add(Number(d.slice(0, 4)));
  }
  for (const [d, v] of Object.entries(data.workdays)) days.set(d, { kind: 'workday', name: `${nameOf(v)}调休上班` });
  return { days, years };
}
