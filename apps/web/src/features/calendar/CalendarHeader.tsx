import { Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';

const MONTHS = Array.from({ length: 12 }, (_, m) => ({ value: m, label: `${m + 1}月` }));

/**
 * The calendar's month picker. antd's own header has two selects without a name (axe: "Form elements must have
 * labels", critical), read out as an empty combobox; these say 年份 and 月份 (issue 11, Chinese aria labels).
 */
export function CalendarHeader({ value, onChange }: { value: Dayjs; onChange: (d: Dayjs) => void }) {
  const years = Array.from({ length: 11 }, (_, i) => value.year() - 5 + i).map((y) => ({ value: y, label: `${y}年` }));
  return (
    <Space wrap style={{ display: 'flex', justifyContent: 'flex-end', padding: '8px 0' }}>
      <Select aria-label="年份" value={value.year()} options={years} onChange={(y) => onChange(value.year(y))} style={{ width: 100 }} />
      <Select aria-label="月份" value={value.month()} options={MONTHS} onChange={(m) => onChange(value.month(m))} style={{ width: 80 }} />
    </Space>
  );
}
