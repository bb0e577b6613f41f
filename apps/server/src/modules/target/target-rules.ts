/** Checks shared by targets and their decompositions (pure, so they are unit-tested directly). */

export const isCalendarDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const yearEnd = (year: number) => `${year}-12-31`;

/**
 * A year's target is due within that year or, for work that runs into the following winter
 * (sealed equipment dismantled later, 002 §二(二)1), the next one.
 */
export function deadlineProblem(deadline: string, year: number): string | null {
  if (!isCalendarDate(deadline)) return `完成时限“${deadline}”不是有效日期`;
  const from = `${year}-01-01`;
  const to = `${year + 1}-12-31`;
  if (deadline < from || deadline > to) return `完成时限应在${from}至${to}之间`;
  return null;
}

/** A part of a target cannot be due after the whole. */
export function laterThanParent(deadline: string, parentDeadline: string): string | null {
  return deadline > parentDeadline ? `完成时限${deadline}不能晚于上级目标任务的完成时限${parentDeadline}` : null;
}

/** Default deadline of a named line: its planned exit date when that is in time, else the target's. */
export function defaultLineDeadline(plannedExitDate: string | null, targetDeadline: string): string {
  return plannedExitDate && isCalendarDate(plannedExitDate) && plannedExitDate <= targetDeadline ? plannedExitDate : targetDeadline;
}

/** First duplicate in a list, for "第N项与第M项重复" messages. */
export function firstDuplicate<T>(xs: readonly T[]): { index: number; firstIndex: number } | null {
  const seen = new Map<T, number>();
  for (let i = 0; i < xs.length; i++) {
    const prev = seen.get(xs[i]!);
    if (prev !== undefined) return { index: i, firstIndex: prev };
    seen.set(xs[i]!, i);
  }
  return null;
}

/**
 * Children's sum above the parent (in 1/10,000 units, exact), or null when within it. Children of a
 * target share its unit, so one sum per target is one sum per unit.
 */
export function overAllocation(parentQ: number, childQs: readonly number[]): { sumQ: number; overQ: number } | null {
  const sumQ = childQs.reduce((a, b) => a + b, 0);
  return sumQ > parentQ ? { sumQ, overQ: sumQ - parentQ } : null;
}
