import { EXIT_TASK_STAGES, type ExitTaskStage, fromQ, type ProgressFigures, type ProgressTotals, toQ } from '@taotai/shared';

/**
 * Pure assembly of the progress figures of one region from its rollup rows. Capacities are kept as
 * integers of 1/10,000 (toQ) so sums and differences are exact; nothing is added across units.
 */

export interface Cell {
  tasks: number;
  q: number;
}

/** Counts of one region: per "industry|unit" and stage, plus the enterprise and overdue counts. */
export interface RegionCounts {
  cells: Map<string, Record<ExitTaskStage, Cell>>;
  enterprisesPlanned: number;
  enterprisesAccepted: number;
  overdueTasks: number;
}

export const emptyCounts = (): RegionCounts => ({ cells: new Map(), enterprisesPlanned: 0, enterprisesAccepted: 0, overdueTasks: 0 });

const emptyStages = (): Record<ExitTaskStage, Cell> =>
  Object.fromEntries(EXIT_TASK_STAGES.map((s) => [s, { tasks: 0, q: 0 }])) as Record<ExitTaskStage, Cell>;

export const cellKey = (industryCode: string, unit: string) => `${industryCode}|${unit}`;

export function addCell(c: RegionCounts, industryCode: string, unit: string, stage: ExitTaskStage, tasks: number, capacity: string | number): void {
  const key = cellKey(industryCode, unit);
  const stages = c.cells.get(key) ?? emptyStages();
  stages[stage].tasks += tasks;
  stages[stage].q += toQ(capacity);
  c.cells.set(key, stages);
}

/** a − Σ parts: what a region holds that none of the given parts (its children) hold. */
export function remainder(a: RegionCounts, parts: readonly RegionCounts[]): RegionCounts {
  const out = emptyCounts();
  const apply = (c: RegionCounts, sign: 1 | -1) => {
    for (const [key, stages] of c.cells) {
      const target = out.cells.get(key) ?? emptyStages();
      for (const s of EXIT_TASK_STAGES) {
        target[s].tasks += sign * stages[s].tasks;
        target[s].q += sign * stages[s].q;
      }
      out.cells.set(key, target);
    }
    out.enterprisesPlanned += sign * c.enterprisesPlanned;
    out.enterprisesAccepted += sign * c.enterprisesAccepted;
    out.overdueTasks += sign * c.overdueTasks;
  };
  apply(a, 1);
  for (const p of parts) apply(p, -1);
  for (const [key, stages] of out.cells) if (EXIT_TASK_STAGES.every((s) => stages[s].tasks === 0 && stages[s].q === 0)) out.cells.delete(key);
  return out;
}

export const isEmpty = (c: RegionCounts) => c.cells.size === 0 && c.enterprisesPlanned === 0 && c.enterprisesAccepted === 0 && c.overdueTasks === 0;

export interface IndustryInfo {
  name: string;
  sortOrder: number;
}

/**
 * The totals of a region: one figure per industry and unit that has tasks or a target (a target in
 * another unit than the tasks stays a separate figure), ordered as the industry catalogue.
 */
export function totalsOf(c: RegionCounts, industries: ReadonlyMap<string, IndustryInfo>, targets: ReadonlyMap<string, number> | null): ProgressTotals {
  const keys = new Set([...c.cells.keys(), ...(targets?.keys() ?? [])]);
  const figures: ProgressFigures[] = [...keys].map((key) => {
    const [industryCode, unit] = key.split('|') as [string, string];
    const s = c.cells.get(key) ?? emptyStages();
    const allQ = EXIT_TASK_STAGES.reduce((n, st) => n + s[st].q, 0);
    const allTasks = EXIT_TASK_STAGES.reduce((n, st) => n + s[st].tasks, 0);
    const targetQ = targets?.get(key);
    return {
      industryCode,
      industryName: industries.get(industryCode)?.name ?? industryCode,
      unit,
      plannedCapacity: fromQ(allQ),
      sealedCapacity: fromQ(s.sealed.q),
      dismantledCapacity: fromQ(s.dismantled.q),
      acceptedCapacity: fromQ(s.accepted.q),
      closedCapacity: fromQ(s.closed.q),
      plannedTasks: allTasks,
      sealedTasks: s.sealed.tasks,
      dismantledTasks: s.dismantled.tasks,
      acceptedTasks: s.accepted.tasks,
      closedTasks: s.closed.tasks,
      targetCapacity: targetQ === undefined ? null : fromQ(targetQ),
      completionRate: targetQ === undefined || targetQ <= 0 ? null : (s.accepted.q + s.closed.q) / targetQ,
    };
  });
  const order = (f: ProgressFigures) => industries.get(f.industryCode)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
  figures.sort((a, b) => order(a) - order(b) || a.industryCode.localeCompare(b.industryCode) || a.unit.localeCompare(b.unit));
  const tasks = figures.reduce((n, f) => n + f.plannedTasks, 0);
  const done = figures.reduce((n, f) => n + f.acceptedTasks + f.closedTasks, 0);
  return {
    figures,
    enterprisesPlanned: c.enterprisesPlanned,
    enterprisesAccepted: c.enterprisesAccepted,
    overdueTasks: c.overdueTasks,
    tasks,
    taskCompletionRate: tasks > 0 ? done / tasks : null,
  };
}
