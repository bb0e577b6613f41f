import type { WorkPlan, WorkPlanPhase } from '@taotai/shared';
import { Table, Tag, Typography } from 'antd';

/** The phases with their dates; in a plan copied from above, the upper phase's range it must stay within. */
export function PlanPhasesTable({ plan, today }: { plan: WorkPlan; today: string | undefined }) {
  const copied = plan.origin === 'parent';
  return (
    <Table<WorkPlanPhase>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={plan.phases}
      data-testid="phase-table"
      columns={[
        { title: '序号', dataIndex: 'seq', width: 60, render: (_: number, __, i) => i + 1 },
        {
          title: '阶段',
          dataIndex: 'name',
          width: 160,
          render: (n: string, p) => (
            <span>
              {n} {today && p.startDate <= today && today <= p.endDate && <Tag color="processing">进行中</Tag>}
            </span>
          ),
        },
        { title: '开始日期', dataIndex: 'startDate', width: 110 },
        { title: '结束日期', dataIndex: 'endDate', width: 110 },
        ...(copied
          ? [
              {
                title: `上级阶段（${plan.parentRegionName ?? ''}）`,
                key: 'parent',
                width: 210,
                render: (_: unknown, p: WorkPlanPhase) =>
                  p.parentStartDate ? (
                    <Typography.Text type="secondary">
                      {p.parentStartDate} 至 {p.parentEndDate}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
              },
            ]
          : []),
        { title: '工作内容', dataIndex: 'description', render: (d: string) => d || '—' },
      ]}
    />
  );
}
