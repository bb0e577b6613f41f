import { describe, expect, it } from 'vitest';
import { checkFieldValues } from './field-values.ts';

const fields = [
  { key: 'contact', label: '联系人', type: 'text' as const, required: true },
  { key: 'phone', label: '联系电话', type: 'text' as const, required: false },
  { key: 'capacity', label: '淘汰产能', type: 'number' as const, required: true },
  { key: 'doneOn', label: '完成日期', type: 'date' as const, required: false },
];

describe('filing field values', () => {
  it('cleans valid values: trims text, parses numbers with thousands separators', () => {
    const r = checkFieldValues(fields, { contact: ' 张三 ', capacity: '1,200.5', doneOn: '2026-10-31' });
    expect(r.problems).toEqual([]);
    expect(r.values).toEqual({ contact: '张三', capacity: 1200.5, doneOn: '2026-10-31' });
  });

  it('names every missing, malformed or unknown field in Chinese', () => {
    const r = checkFieldValues(fields, { contact: '  ', capacity: '一百', doneOn: '2026-02-30', extra: 'x' });
    expect(r.problems.map((p) => p.message)).toEqual(['“extra”不是该报送要求的填报项', '请填写“联系人”', '“淘汰产能”应为数字', '“完成日期”应为日期（YYYY-MM-DD）']);
    expect(r.problems.map((p) => p.path)).toContain('values.capacity');
  });

  it('lets optional fields stay empty', () => {
    expect(checkFieldValues(fields, { contact: '李四', capacity: 3 }).problems).toEqual([]);
  });
});
