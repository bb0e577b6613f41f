import { ANNOUNCEMENT_KIND_LABELS, DEPARTMENT_LIST_KINDS, departmentListKindOf, statusesOfColour } from '@taotai/shared';
import { describe, expect, it } from 'vitest';

describe('department list kinds (issue 12)', () => {
  it('names colour and ground of each kind, and nothing for the office’s own kinds', () => {
    expect(departmentListKindOf('yellow_energy')).toEqual({ colour: 'yellow', criterion: 'energy' });
    expect(departmentListKindOf('red_land')).toEqual({ colour: 'red', criterion: 'land' });
    expect(departmentListKindOf('plan_list')).toBeNull();
    expect(DEPARTMENT_LIST_KINDS).toHaveLength(10);
    expect(ANNOUNCEMENT_KIND_LABELS.yellow_environment).toBe('环保不达标限期整改企业名单（黄牌）');
    expect(ANNOUNCEMENT_KIND_LABELS.red_land).toBe('违法违规用地责令关闭企业名单（红牌）');
  });

  it('yellow is every state under a deadline, red the closure ordered', () => {
    expect(statusesOfColour('yellow')).toEqual(['rectifying', 'restricted', 'suspended', 'stopped']);
    expect(statusesOfColour('red')).toEqual(['closure_ordered']);
  });

});
