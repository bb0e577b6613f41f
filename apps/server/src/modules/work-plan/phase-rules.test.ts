import { describe, expect, it } from 'vitest';
import { locateDate, phaseListProblems, tighteningProblem } from './phase-rules.ts';
import { templatePhases } from './templates.ts';

describe('work plan templates', () => {
  it('seed 002: 摸底排查 1 Jan–30 Apr, 组织退出 1 May–30 Sep, 检查验收 1 Oct–30 Nov', () => {
    expect(templatePhases('standard', 2026).map((p) => [p.name, p.startDate, p.endDate])).toEqual([
      ['摸底排查', '2026-01-01', '2026-04-30'],
      ['组织退出', '2026-05-01', '2026-09-30'],
      ['检查验收', '2026-10-01', '2026-11-30'],
    ]);
  });

  it('seed 003 清零行动: four phases, the last in the following January', () => {
    expect(templatePhases('clear_zero', 2026).map((p) => [p.name, p.startDate, p.endDate])).toEqual([
      ['宣传动员', '2026-10-08', '2026-10-15'],
      ['年度排查上报', '2026-10-16', '2026-11-15'],
      ['集中攻坚', '2026-11-16', '2026-12-15'],
      ['检查验收', '2027-01-01', '2027-01-03'],
    ]);
  });

  it('both templates pass the phase-list rules', () => {
    expect(phaseListProblems(2026, templatePhases('standard', 2026))).toEqual([]);
    expect(phaseListProblems(2026, templatePhases('clear_zero', 2026))).toEqual([]);
  });
});

describe('phase rules', () => {
  it('refuses overlaps, reversed ranges, invalid dates and duplicate names, naming the phase', () => {
    const problems = phaseListProblems(2026, [
      { name: '摸底', startDate: '2026-01-01', endDate: '2026-04-30' },
      { name: '退出', startDate: '2026-04-30', endDate: '2026-04-01' },
      { name: '摸底', startDate: '2026-02-30', endDate: '2026-12-01' },
    ]);
    const messages = problems.map((p) => p.message);
    expect(messages).toContain('阶段“退出”的结束日期早于开始日期');
    expect(messages).toContain('阶段“退出”应在上一阶段“摸底”结束（2026-04-30）之后开始');
    expect(messages).toContain('阶段名称“摸底”重复');
    expect(messages).toContain('阶段“摸底”的开始日期“2026-02-30”无效');
  });

  it('requires the plan to start in its year', () => {
    expect(phaseListProblems(2027, templatePhases('standard', 2026))[0]?.message).toBe('第一个阶段应在2027年开始');
  });

  it('allows narrowing a phase and refuses widening it, naming the phase and the allowed range', () => {
    const parent = { name: '摸底排查', startDate: '2026-01-01', endDate: '2026-04-30' };
    expect(tighteningProblem('p', { ...parent, startDate: '2026-02-01', endDate: '2026-04-20' }, parent)).toBeNull();
    expect(tighteningProblem('p', parent, parent)).toBeNull();
    expect(tighteningProblem('p', { ...parent, endDate: '2026-05-10' }, parent)?.message).toBe(
      '阶段“摸底排查”只能在上级方案的时间范围内（2026-01-01至2026-04-30）调整，不能改为2026-01-01至2026-05-10',
    );
    expect(tighteningProblem('p', { ...parent, startDate: '2025-12-31' }, parent)).not.toBeNull();
  });

  it('locates a date: in a phase, between two, before or after the plan', () => {
    const phases = templatePhases('clear_zero', 2026);
    expect(locateDate(phases, '2026-10-20')).toMatchObject({ state: 'in_phase', phase: { name: '年度排查上报' }, next: { name: '集中攻坚' } });
    expect(locateDate(phases, '2026-12-20')).toMatchObject({ state: 'between', phase: null, next: { name: '检查验收' } });
    expect(locateDate(phases, '2026-03-01')).toMatchObject({ state: 'before', next: { name: '宣传动员' } });
    expect(locateDate(phases, '2027-01-04')).toMatchObject({ state: 'after', phase: null, next: null });
  });
});
