import { PlusOutlined } from '@ant-design/icons';
import {
  INSPECTION_ROUND_STATUS_LABELS,
  type InspectionRoundStatus,
  type InspectionRoundSummary,
  type ListPage as ListPageOf,
  TEAM_ROLE_LABELS,
} from '@taotai/shared';
import { Button, Card, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { CreateRoundModal } from './CreateRoundModal.tsx';
import { ROUND_STATUS_COLORS } from './inspection-api.ts';

const columns: ListColumn<InspectionRoundSummary>[] = [
  { key: 'id', title: '编号', dataIndex: 'id', width: 80, sortField: 'id' },
  { key: 'title', title: '批次', dataIndex: 'title', width: 260, render: (t: string, r) => <Link to={`/inspections/${r.id}`}>{t}</Link> },
  { key: 'regionName', title: '区划', dataIndex: 'regionName', width: 110 },
  { key: 'dates', title: '检查日期', width: 200, render: (_: unknown, r) => (r.endDate ? `${r.startDate} 至 ${r.endDate}` : `${r.startDate} 起`) },
  {
    key: 'team',
    title: '检查组',
    width: 260,
    render: (_: unknown, r) => {
      const leader = r.team.find((m) => m.role === 'leader');
      return `${leader ? `${TEAM_ROLE_LABELS.leader} ${leader.personName}（${leader.agencyName}）` : '未定组长'}，共${r.team.length}人`;
    },
  },
  { key: 'counts', title: '企业（已结论/总数）', width: 150, render: (_: unknown, r) => `${r.concludedCount} / ${r.enterpriseCount}` },
  {
    key: 'status',
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (s: InspectionRoundStatus) => <Tag color={ROUND_STATUS_COLORS[s]}>{INSPECTION_ROUND_STATUS_LABELS[s]}</Tag>,
  },
];

/** 联合验收: the inspection rounds of my region and those below; the office sets up its own. */
export default function InspectionListPage() {
  const me = useMe();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const thisYear = yearOf(useToday());
  // A new round is for the year the list shows (this year when it shows all).
  const year = Number(params.get('year')) || thisYear;
  const [creating, setCreating] = useState(false);
  const mayCreate = me.role === 'group_office' || me.role === 'admin';
  const years = thisYear ? [-2, -1, 0, 1].map((d) => thisYear + d) : [];
  const filterFields: ListFilterField[] = [
    { name: 'year', label: '年度', node: <Select allowClear placeholder="全部" options={years.map((y) => ({ value: String(y), label: `${y}年` }))} /> },
    { name: 'region', label: '区划', node: <RegionSelect placeholder="全部" /> },
    {
      name: 'status',
      label: '状态',
      node: <Select allowClear placeholder="全部" options={Object.entries(INSPECTION_ROUND_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />,
    },
  ];

  return (
    <Card>
      {/* This year by default, as before the list page; the default needs the server's today (a demo clock may differ). */}
      {thisYear && (
        <ListPage<InspectionRoundSummary, ListPageOf<InspectionRoundSummary>>
          listKey="inspection"
          testId="round"
          rowKey="id"
          columns={columns}
          filterFields={filterFields}
          defaultFilters={{ year: String(thisYear) }}
          fetchPage={(r) => api.get<ListPageOf<InspectionRoundSummary>>('/inspections', listQuery(r))}
          exportPath="/inspections/export.xlsx"
          exportName="检查验收批次.xlsx"
          scrollX={1150}
          emptyText="没有符合条件的检查验收批次"
          actions={
            mayCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-round">
                组建检查验收批次
              </Button>
            )
          }
        />
      )}
      {creating && year && <CreateRoundModal regionCode={me.regionCode} year={year} onClose={() => setCreating(false)} onCreated={(id) => nav(`/inspections/${id}`)} />}
    </Card>
  );
}
