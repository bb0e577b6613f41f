import { EditOutlined } from '@ant-design/icons';
import { WORK_PLAN_ORIGIN_LABELS, WORK_PLAN_TEMPLATE_LABELS, type WorkPlan } from '@taotai/shared';
import { Button, Tag } from 'antd';
import type { DetailView } from '../../shared/DetailPage.tsx';
import { fmtDateTime } from '../../shared/format.ts';
import { PhaseSteps } from './PhaseSteps.tsx';
import { PlanPhasesTable } from './PlanPhasesTable.tsx';

/**
 * One plan on the detail-page scaffold: its steps, where it came from, and its phases. Editing only when the
 * server says so (`abilities.update`) and the page offers it (`onEdit`: the region's own plan).
 */
export function planView(plan: WorkPlan, today: string | undefined, onEdit?: () => void): DetailView {
  return {
    title: <span data-testid="plan-title">{plan.title}</span>,
    status: <Tag>{WORK_PLAN_ORIGIN_LABELS[plan.origin]}</Tag>,
    actions: plan.abilities.update && onEdit && (
      <Button type="primary" icon={<EditOutlined />} onClick={onEdit}>
        调整阶段时间
      </Button>
    ),
    facts: [
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
    ],
    notice: <PhaseSteps phases={plan.phases} today={today} />,
    tabs: [{ key: 'phases', label: '阶段安排', children: <PlanPhasesTable plan={plan} today={today} /> }],
  };
}
