import { describe, expect, it } from 'vitest';
import { enterpriseListLink, percent, progressLink, taskListLink } from './links.ts';

describe('dashboard links', () => {
  it('carries exactly the figure’s filters to the task list', () => {
    expect(taskListLink({ region: '410181', stage: 'sealed', industry: 'cement', unit: 'wt', year: 2026 })).toBe(
      '/exit-tasks?region=410181&stage=sealed&industry=cement&unit=wt&year=2026',
    );
    // "planned" counts every task: no stage filter at all.
    expect(taskListLink({ region: '410000', industry: 'cement', unit: 'wt', year: 2026 })).toBe(
      '/exit-tasks?region=410000&industry=cement&unit=wt&year=2026',
    );
    expect(taskListLink({ region: '410181', year: 2026, overdue: true })).toBe('/exit-tasks?region=410181&year=2026&overdue=true');
    expect(taskListLink({ region: '410181100', year: 2026, enterprise: 7 })).toBe('/exit-tasks?region=410181100&year=2026&enterprise=7');
    expect(taskListLink({ year: null })).toBe('/exit-tasks');
    // The （本级） row: the region itself only.
    expect(taskListLink({ region: '410181', year: 2026, stage: 'accepted', ownLevel: true })).toBe('/exit-tasks?region=410181&stage=accepted&year=2026&ownLevel=true');
  });

  it('opens the enterprise list behind an enterprise count', () => {
    expect(enterpriseListLink({ region: '410100', year: 2026 })).toBe('/exit-tasks/enterprises?region=410100&year=2026');
    expect(enterpriseListLink({ region: '410181', year: 2026, finished: true })).toBe('/exit-tasks/enterprises?region=410181&year=2026&finished=true');
    expect(enterpriseListLink({ region: '410181', year: 2026, finished: false, ownLevel: true })).toBe(
      '/exit-tasks/enterprises?region=410181&year=2026&finished=false&ownLevel=true',
    );
    expect(enterpriseListLink({ year: null })).toBe('/exit-tasks/enterprises');
  });

  it('keeps the drill-down in the URL', () => {
    expect(progressLink('410100', 2026)).toBe('/progress?region=410100&year=2026');
    expect(progressLink(undefined, 2026)).toBe('/progress?year=2026');
  });

  it('shows completion as a percentage', () => {
    expect(percent(1.375)).toBe('137.5%');
    expect(percent(0)).toBe('0%');
    expect(percent(null)).toBe('—');
  });
});
