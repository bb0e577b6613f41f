import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/**
 * A stored deadline counted in working days into a year whose holidays were not yet known (issue 10 §3):
 * shown 「（暂定）」, with why; recomputed by itself when the administrator enters that year's calendar.
 */
export function ProvisionalDate({ date, provisional, why, children }: { date: string; provisional: boolean; why?: string; children?: ReactNode }) {
  if (!provisional) return <>{children ?? date}</>;
  return (
    <Tooltip title={why ?? provisionalWhy(date)}>
      <span data-testid="provisional-date">
        {children ?? date}（暂定）
      </span>
    </Tooltip>
  );
}

/** For a date that stays as counted (a tip's deadline is not recomputed): says so without the promise. */
export const provisionalAsCounted = (date: string) => `${date.slice(0, 4)}年的法定节假日安排尚未录入，此期限暂按周末计算`;

const provisionalWhy = (date: string) => `${date.slice(0, 4)}年的法定节假日安排尚未录入，此日期暂按周末计算；系统管理员录入后将自动重新计算`;

/** The same mark where only text fits (a select option, a tooltip): 「2031-01-03（暂定）」. */
export const provisionalText = (date: string, provisional: boolean): string => (provisional ? `${date}（暂定）` : date);
