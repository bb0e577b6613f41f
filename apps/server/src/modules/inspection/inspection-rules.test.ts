import { describe, expect, it } from 'vitest';
import { conclusionRefusal } from './inspection-rules.ts';

const all = { equipmentDismantled: true, powerCut: true, destinationDocumented: true, workersPlaced: true };
const body = { version: 1, notes: '', inspectedOn: '2026-05-10', ...all };

describe('inspection conclusion rules', () => {
  it('passes only with every checklist item confirmed, naming the unchecked ones', () => {
    expect(conclusionRefusal({ ...body, conclusion: 'pass' })).toBeNull();
    expect(conclusionRefusal({ ...body, powerCut: false, workersPlaced: false, conclusion: 'pass' })).toEqual({
      path: 'powerCut',
      message: '验收通过须全部检查项符合要求，以下检查项未确认：已断电；职工已妥善安置',
    });
  });
  it('fails only with reasons', () => {
    expect(conclusionRefusal({ ...body, conclusion: 'fail' })?.path).toBe('reasons');
    expect(conclusionRefusal({ ...body, conclusion: 'fail', reasons: '窑体未拆除' })).toBeNull();
  });
});
