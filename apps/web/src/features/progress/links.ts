import type { ExitTaskStage } from '@taotai/shared';

/** The filters of the task list a dashboard figure counts (the same names as ExitTaskQuery). */
export interface TaskFilter {
  region?: string;
  year?: number | null;
  industry?: string;
  unit?: string;
  /** Absent for "planned": that figure counts every task, whatever its stage. */
  stage?: ExitTaskStage;
  enterprise?: number;
  overdue?: boolean;
  /** Only enterprises registered at `region` itself (the （本级） row), not in its children. */
  ownLevel?: boolean;
}

/**
 * The link behind a number: /exit-tasks with exactly the filters the figure was counted with, so the list's
 * total equals the number clicked. Parameter order is fixed so equal filters give equal links.
 */
export function taskListLink(f: TaskFilter): string {
  const p = new URLSearchParams();
  if (f.region) p.set('region', f.region);
  if (f.stage) p.set('stage', f.stage);
  if (f.industry) p.set('industry', f.industry);
  if (f.unit) p.set('unit', f.unit);
  if (f.year) p.set('year', String(f.year));
  if (f.enterprise !== undefined) p.set('enterprise', String(f.enterprise));
  if (f.overdue) p.set('overdue', 'true');
  if (f.ownLevel) p.set('ownLevel', 'true');
  const s = p.toString();
  return s ? `/exit-tasks?${s}` : '/exit-tasks';
}

/** The filters of the enterprise list an enterprise count was counted with (ExitTaskEnterpriseQuery). */
export interface EnterpriseFilter {
  region?: string;
  year?: number | null;
  industry?: string;
  unit?: string;
  /** true: 已完成退出 (every task accepted or closed by order); false: the others; absent: 计划退出 (all). */
  finished?: boolean;
  ownLevel?: boolean;
}

/** The link behind an enterprise count: /exit-tasks/enterprises, whose total equals it. */
export function enterpriseListLink(f: EnterpriseFilter): string {
  const p = new URLSearchParams();
  if (f.region) p.set('region', f.region);
  if (f.industry) p.set('industry', f.industry);
  if (f.unit) p.set('unit', f.unit);
  if (f.year) p.set('year', String(f.year));
  if (f.finished !== undefined) p.set('finished', String(f.finished));
  if (f.ownLevel) p.set('ownLevel', 'true');
  const s = p.toString();
  return s ? `/exit-tasks/enterprises?${s}` : '/exit-tasks/enterprises';
}

/** The dashboard's own address for a region and year (drill-down state lives in the URL). */
export function progressLink(region: string | undefined, year: number | undefined): string {
  const p = new URLSearchParams();
  if (region) p.set('region', region);
  if (year) p.set('year', String(year));
  const s = p.toString();
  return s ? `/progress?${s}` : '/progress';
}

/** 1.375 → "137.5%"; no target → "—". */
export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}%`;
