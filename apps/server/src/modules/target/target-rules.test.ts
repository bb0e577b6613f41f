import { describe, expect, it } from 'vitest';
import { deadlineProblem, defaultLineDeadline, firstDuplicate, laterThanParent, overAllocation } from './target-rules.ts';

describe('target rules', () => {
  it('accepts deadlines in the year or the next, refuses others and non-dates', () => {
    expect(deadlineProblem('2026-12-31', 2026)).toBeNull();
    expect(deadlineProblem('2027-03-31', 2026)).toBeNull();
    expect(deadlineProblem('2025-12-31', 2026)).toContain('2026-01-01至2027-12-31');
    expect(deadlineProblem('2026-02-30', 2026)).toContain('不是有效日期');
  });
  it('keeps a part due no later than the whole', () => {
    expect(laterThanParent('2026-11-30', '2026-12-31')).toBeNull();
    expect(laterThanParent('2027-01-31', '2026-12-31')).toContain('不能晚于');
  });
  it('defaults a named line to its planned exit date only when that is in time', () => {
    expect(defaultLineDeadline('2026-09-30', '2026-12-31')).toBe('2026-09-30');
    expect(defaultLineDeadline('2027-06-30', '2026-12-31')).toBe('2026-12-31');
    expect(defaultLineDeadline(null, '2026-12-31')).toBe('2026-12-31');
  });
  it('finds the first duplicate', () => {
    expect(firstDuplicate(['a', 'b', 'a'])).toEqual({ index: 2, firstIndex: 0 });
    expect(firstDuplicate([1, 2, 3])).toBeNull();
  });
});

describe('overAllocation', () => {
  it('is null within the target and names the excess above it (exact in 1/10,000)', () => {
    expect(overAllocation(3_000_000, [2_000_000, 1_000_000])).toBeNull();
    expect(overAllocation(3_000_000, [2_000_000, 1_500_000])).toEqual({ sumQ: 3_500_000, overQ: 500_000 });
    // 0.1 + 0.2 as floats is 0.30000000000000004; as ten-thousandths it is exactly 3,000.
    expect(overAllocation(3_000, [1_000, 2_000])).toBeNull();
    expect(overAllocation(0, [])).toBeNull();
  });
});
