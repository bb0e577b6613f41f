import { type ListPage as Page, WORK_PLAN_ORIGIN_LABELS, type WorkPlanSummary } from '@taotai/shared';
import { Tag, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';

const FILTERS: ListFilterField[] = [{ name: 'region', label: '区划', node: <RegionSelect placeholder="全部" /> }];

/**
 * 下级工作方案 on the one list page (ADR 0014): the plans of the regions below for the page's year (the year
 * picker above the plan decides it, so it is the export's fixed query and not a field of the form).
 */
export function LowerPlanList({ year, reloads, onOpen }: { year: number; reloads: number; onOpen: (id: number) => void }) {
  const columns: ListColumn<WorkPlanSummary>[] = [
    // Sortable by region: the (region_code, year) unique index serves it.
    { key: 'regionName', title: '区划', dataIndex: 'regionName', width: 140, sortField: 'regionCode' },
    { key: 'title', title: '方案名称', dataIndex: 'title', render: (t: string, p) => <Typography.Link onClick={() => onOpen(p.id)}>{t}</Typography.Link> },
    { key: 'origin', title: '制定方式', dataIndex: 'origin', width: 150, render: (o: WorkPlanSummary['origin']) => <Tag>{WORK_PLAN_ORIGIN_LABELS[o]}</Tag> },
    { key: 'phaseCount', title: '阶段数', dataIndex: 'phaseCount', width: 80, align: 'right' },
    { key: 'updatedAt', title: '更新时间', dataIndex: 'updatedAt', width: 170, render: fmtDateTime },
  ];
  return (
    <ListPage<WorkPlanSummary, Page<WorkPlanSummary>>
      listKey="work-plan-lower"
      testId="lower-plans"
      rowKey="id"
      columns={columns}
      filterFields={FILTERS}
      fetchPage={(r) => api.get<Page<WorkPlanSummary>>('/work-plans/lower', { ...listQuery(r), year })}
      // A new year, or a plan created or edited above: fetch again.
      reloadToken={year * 1000 + reloads}
      exportPath="/work-plans/lower.xlsx"
      exportQuery={{ year }}
      exportName={`${year}年下级工作方案.xlsx`}
      scrollX={760}
      emptyText={`下级尚无${year}年工作方案`}
    />
  );
}
