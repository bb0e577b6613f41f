import { EditOutlined } from '@ant-design/icons';
import { WORK_PLAN_ORIGIN_LABELS, WORK_PLAN_TEMPLATE_LABELS, type WorkPlan } from '@taotai/shared';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { fmtDateTime } from '../../shared/format.ts';
import { PhaseSteps } from './PhaseSteps.tsx';
import { PlanPhasesTable } from './PlanPhasesTable.tsx';

interface Props {
  plan: WorkPlan;
  today: string | undefined;
  onEdit?: () => void;
  extra?: ReactNode;
}

/** One plan: its steps, where it came from, and its phases. Editing only when the server says so. */
export function PlanCard({ plan, today, onEdit, extra }: Props) {
  return (
    <Card
      title={
        <Space>
          <span data-testid="plan-title">{plan.title}</span>
          <Tag>{WORK_PLAN_ORIGIN_LABELS[plan.origin]}</Tag>
        </Space>
      }
      extra={
        <Space>
          {extra}
          {plan.abilities.update && onEdit && (
            <Button type="primary" icon={<EditOutlined />} onClick={onEdit}>
              调整阶段时间
            </Button>
          )}
        </Space>
      }
    >
      <PhaseSteps phases={plan.phases} today={today} />
      <Descriptions
        size="small"
        style={{ margin: '20px 0 12px' }}
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'r', label: '制定单位', children: `${plan.regionName}领导小组办公室` },
          {
            key: 'o',
            label: '制定依据',
            children:
              plan.origin === 'parent'
                ? `${plan.parentRegionName ?? '上级'}工作方案`
                : plan.template
                  ? WORK_PLAN_TEMPLATE_LABELS[plan.template]
                  : '自定义',
          },
          { key: 'u', label: '更新时间', children: fmtDateTime(plan.updatedAt) },
        ]}
      />
      <PlanPhasesTable plan={plan} today={today} />
    </Card>
  );
}
