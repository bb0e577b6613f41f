import { describe, expect, it } from 'vitest';
import { breakTitle } from './title-break.ts';

describe('breakTitle (GB/T 9704 §7.3.3)', () => {
  it('keeps a short title on one line', () => {
    expect(breakTitle('巩义市2026年淘汰落后产能目标责任书', 20)).toEqual(['巩义市2026年淘汰落后产能目标责任书']);
  });
  it('never breaks inside 落后产能 or 恢复生产, and balances the lines', () => {
    const lines = breakTitle('淘汰落后产能生产线（设备）封存及不再恢复生产公开承诺书', 20);
    expect(lines.join('')).toBe('淘汰落后产能生产线（设备）封存及不再恢复生产公开承诺书');
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l.length).toBeLessThanOrEqual(20);
      expect(l.length).toBeGreaterThanOrEqual(11);
    }
    const joints = lines.slice(1).map((l, i) => `${lines[i]!.slice(-1)}|${l[0]}`);
    expect(joints).not.toContain('落|后');
    expect(joints).not.toContain('复|生');
  });
  it('does not start a line with a closing bracket or end one with an opening bracket', () => {
    for (const max of [8, 10, 12, 14]) {
      const lines = breakTitle('关于巩义市示例水泥有限公司（第一批）淘汰落后产能联合验收意见', max);
      for (const l of lines) {
        expect('）、，'.includes(l[0]!)).toBe(false);
        expect(l.endsWith('（')).toBe(false);
        expect([...l].length).toBeLessThanOrEqual(max);
      }
    }
  });
  it('keeps a year with its 年', () => {
    const lines = breakTitle('河南省工业和信息化厅关于下达2026年淘汰落后产能目标任务的通知', 16);
    expect(lines.some((l) => l.includes('2026年'))).toBe(true);
    expect(lines.join('')).toBe('河南省工业和信息化厅关于下达2026年淘汰落后产能目标任务的通知');
  });
});
