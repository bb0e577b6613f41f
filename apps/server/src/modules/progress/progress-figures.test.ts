import { describe, expect, it } from 'vitest';
import { addCell, emptyCounts, isEmpty, remainder, totalsOf } from './progress-figures.ts';

const industries = new Map([
  ['cement', { name: '水泥', sortOrder: 9 }],
  ['flat_glass', { name: '平板玻璃', sortOrder: 10 }],
]);

describe('progress figures', () => {
  it('keeps each unit apart and counts planned as every stage', () => {
    const c = emptyCounts();
    addCell(c, 'cement', 'wan_t', 'planned', 2, '10.1234');
    addCell(c, 'cement', 'wan_t', 'accepted', 1, '0.0002');
    addCell(c, 'flat_glass', 'wan_weight_box', 'sealed', 1, '30');
    // Same industry in another unit (a data error) stays its own figure rather than being added.
    addCell(c, 'cement', 'wan_m', 'closed', 1, '5');
    const t = totalsOf(c, industries, new Map([['cement|wan_t', 20_000]]));
    expect(t.figures.map((f) => [f.industryCode, f.unit, f.plannedCapacity, f.plannedTasks])).toEqual([
      ['cement', 'wan_m', 5, 1],
      ['cement', 'wan_t', 10.1236, 3],
      ['flat_glass', 'wan_weight_box', 30, 1],
    ]);
    expect(t.figures[1]).toMatchObject({ acceptedCapacity: 0.0002, targetCapacity: 2, completionRate: 0.0001 });
    expect(t.figures[0]).toMatchObject({ targetCapacity: null, completionRate: null });
    expect(t).toMatchObject({ tasks: 5, taskCompletionRate: 2 / 5 });
  });

  it('shows a target without tasks as a figure at zero', () => {
    const t = totalsOf(emptyCounts(), industries, new Map([['flat_glass|wan_weight_box', 1_000_000]]));
    expect(t.figures).toEqual([expect.objectContaining({ industryName: '平板玻璃', plannedTasks: 0, targetCapacity: 100, completionRate: 0 })]);
    expect(t.taskCompletionRate).toBeNull();
  });

  it('leaves as remainder exactly what the children do not hold', () => {
    const parent = emptyCounts();
    addCell(parent, 'cement', 'wan_t', 'planned', 3, '3.0003');
    parent.enterprisesPlanned = 2;
    parent.overdueTasks = 1;
    const child = emptyCounts();
    addCell(child, 'cement', 'wan_t', 'planned', 2, '2.0002');
    child.enterprisesPlanned = 1;
    child.overdueTasks = 1;
    const own = remainder(parent, [child]);
    expect(totalsOf(own, industries, null).figures[0]).toMatchObject({ plannedTasks: 1, plannedCapacity: 1.0001 });
    expect(own).toMatchObject({ enterprisesPlanned: 1, overdueTasks: 0 });
    expect(isEmpty(remainder(parent, [parent]))).toBe(true);
  });
});
