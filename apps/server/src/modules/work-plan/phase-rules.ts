/**
 * Rules on phase dates (pure). A plan's phases follow one another without overlapping; a plan copied
 * from the upper level keeps the upper phases and may only narrow each one's range.
 */
export interface PhaseDates {
  name: string;
  startDate: string;
  endDate: string;
}

export interface PhaseProblem {
  path: string;
  message: string;
}

const validDate = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/** Problems of a plan's own phase list: real dates, start ≤ end, in order without overlap, within the plan's year (+1). */
export function phaseListProblems(year: number, phases: PhaseDates[]): PhaseProblem[] {
  const out: PhaseProblem[] = [];
  const names = new Set<string>();
  phases.forEach((p, i) => {
    const at = `phases.${i}`;
    if (!validDate(p.startDate)) out.push({ path: `${at}.startDate`, message: `阶段“${p.name}”的开始日期“${p.startDate}”无效` });
    if (!validDate(p.endDate)) out.push({ path: `${at}.endDate`, message: `阶段“${p.name}”的结束日期“${p.endDate}”无效` });
    if (p.startDate > p.endDate) out.push({ path: `${at}.endDate`, message: `阶段“${p.name}”的结束日期早于开始日期` });
    if (names.has(p.name)) out.push({ path: `${at}.name`, message: `阶段名称“${p.name}”重复` });
    names.add(p.name);
    const prev = phases[i - 1];
    if (prev && p.startDate <= prev.endDate) {
      out.push({ path: `${at}.startDate`, message: `阶段“${p.name}”应在上一阶段“${prev.name}”结束（${prev.endDate}）之后开始` });
    }
  });
  const first = phases[0];
  if (first && Number(first.startDate.slice(0, 4)) !== year) {
    out.push({ path: 'phases.0.startDate', message: `第一个阶段应在${year}年开始` });
  }
  const last = phases[phases.length - 1];
  if (last && Number(last.endDate.slice(0, 4)) > year + 1) {
    out.push({ path: `phases.${phases.length - 1}.endDate`, message: `阶段“${last.name}”不能晚于${year + 1}年结束` });
  }
  return out;
}

/** A narrowed phase must lie within its upper-level phase: the message names the phase and the allowed range. */
export function tighteningProblem(path: string, child: PhaseDates, parent: PhaseDates): PhaseProblem | null {
  if (child.startDate < parent.startDate || child.endDate > parent.endDate) {
    return {
      path,
      message: `阶段“${parent.name}”只能在上级方案的时间范围内（${parent.startDate}至${parent.endDate}）调整，不能改为${child.startDate}至${child.endDate}`,
    };
  }
  return null;
}

/** Where a date falls in a plan's phases. */
export function locateDate<P extends PhaseDates>(
  phases: P[],
  date: string,
): { state: 'in_phase' | 'between' | 'before' | 'after'; phase: P | null; next: P | null } {
  if (phases.length === 0) return { state: 'after', phase: null, next: null };
  const inPhase = phases.find((p) => p.startDate <= date && date <= p.endDate);
  const next = phases.find((p) => p.startDate > date) ?? null;
  if (inPhase) return { state: 'in_phase', phase: inPhase, next: phases[phases.indexOf(inPhase) + 1] ?? null };
  if (date < phases[0]!.startDate) return { state: 'before', phase: null, next };
  if (date > phases[phases.length - 1]!.endDate) return { state: 'after', phase: null, next: null };
  return { state: 'between', phase: null, next };
}
