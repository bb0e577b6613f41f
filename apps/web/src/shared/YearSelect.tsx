import { Select } from 'antd';

interface Props {
  value?: number;
  onChange?: (y: number) => void;
  /** The year the list centres on (usually the server's current year). */
  around: number;
  id?: string;
}

/** A year picker: two years back to two ahead of the current one. */
export function YearSelect({ value, onChange, around, id }: Props) {
  const years = [-2, -1, 0, 1, 2].map((d) => around + d);
  return (
    <Select
      id={id}
      style={{ width: 110 }}
      value={value}
      onChange={onChange}
      options={years.map((y) => ({ value: y, label: `${y}年` }))}
      aria-label="年度"
    />
  );
}
