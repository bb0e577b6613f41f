import { type ExitTaskPage, type ExitTaskStage, type ExitTaskSummary, type ProgressPicture, type Region, STAGE_OF_STATUS } from '@taotai/shared';
import { api } from '../../shared/api.ts';

export const progressApi = {
  /** The region's picture (its whole subtree); without a region the server answers the user's own. */
  picture: (region: string | undefined, year: number) => api.get<ProgressPicture>('/progress', { region, year }),
  region: (code: string) => api.get<Region>(`/regions/${code}`),
};

/** One enterprise's tasks in a region and year, counted per stage (drill-down region → enterprise). */
export interface EnterpriseTasks {
  enterpriseId: number;
  enterpriseName: string;
  tasks: number;
  stages: Record<ExitTaskStage, number>;
  overdue: number;
}

const PAGE = 200;
/** A county rarely has more; past this the table says it is cut short and the list has the rest. */
const MAX_TASKS = 2000;

/**
 * The enterprises behind a county's or township's figures, read from the same task list the numbers link
 * to (so an enterprise's counts equal that list filtered by the enterprise).
 */
export async function enterpriseTasks(region: string, year: number): Promise<{ rows: EnterpriseTasks[]; complete: boolean }> {
  const tasks: ExitTaskSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<ExitTaskPage>('/exit-tasks', { region, year, cursor, limit: PAGE });
    tasks.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && tasks.length < MAX_TASKS);
  const byId = new Map<number, EnterpriseTasks>();
  for (const t of tasks) {
    let e = byId.get(t.enterpriseId);
    if (!e) {
      e = { enterpriseId: t.enterpriseId, enterpriseName: t.enterpriseName, tasks: 0, stages: { planned: 0, sealed: 0, dismantled: 0, accepted: 0, closed: 0 }, overdue: 0 };
      byId.set(t.enterpriseId, e);
    }
    e.tasks += 1;
    e.stages[STAGE_OF_STATUS[t.status]] += 1;
    if (t.overdue) e.overdue += 1;
  }
  const rows = [...byId.values()].sort((a, b) => b.tasks - a.tasks || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'));
  return { rows, complete: !cursor };
}

/**
 * The breadcrumb from the user's own region (or the country for an administrator) down to `code`, by
 * walking parents; the walk stops at the user's region, above which nothing is visible anyway.
 */
export async function regionChain(code: string, stopAt: string | undefined): Promise<Region[]> {
  const chain: Region[] = [];
  let cur: Region | null = await progressApi.region(code);
  while (cur) {
    chain.unshift(cur);
    if (cur.code === stopAt || !cur.parentCode) break;
    cur = await progressApi.region(cur.parentCode).catch(() => null);
  }
  return chain;
}
