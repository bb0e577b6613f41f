import { Tooltip } from 'antd';

/**
 * A stored deadline counted in working days into a year whose holidays were not yet known (issue 10 §3):
 * shown 「（暂定）」, with why; recomputed by itself when the administrator enters that year's calendar.
 */
export function ProvisionalDate({ date, provisional }: { date: string; provisional: boolean }) {
  if (!provisional) return <>{date}</>;
  const year = date.slice(0, 4);
  return (
    <Tooltip title={`${year}年的法定节假日安排尚未录入，此日期暂按周末计算；系统管理员录入后将自动重新计算`}>
      <span data-testid="provisional-date">
        {date}（暂定）
      </span>
    </Tooltip>
  );
}
