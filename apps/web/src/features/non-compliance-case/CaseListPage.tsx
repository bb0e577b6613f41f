import { PlusOutlined } from '@ant-design/icons';
import { CASE_CRITERION_LABELS, CASE_LIST_KIND_LABELS, CASE_STATUS_LABELS, type CaseSummary, type ListPage as Page } from '@taotai/shared';
import { Button, Card, Select } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { useAsync } from '../../shared/use-async.ts';
import { caseApi } from './case-api.ts';
import { CaseOpenModal } from './CaseOpenModal.tsx';
import { CaseDeadline, CaseStatusTag } from './CaseStatusTag.tsx';

const opts = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const columns: ListColumn<CaseSummary>[] = [
  { key: 'id', title: '编号', dataIndex: 'id', width: 70, sortField: 'id' },
  {
    key: 'enterpriseName',
    title: '企业',
    dataIndex: 'enterpriseName',
    width: 220,
    render: (n: string, r) => (
      <Link to={`/cases/${r.id}`} data-testid="case-link">
        {n}
      </Link>
    ),
  },
  { key: 'lineName', title: '生产线', dataIndex: 'lineName', width: 150, render: (n: string | null) => n ?? '整个企业' },
  { key: 'criterion', title: '类别', dataIndex: 'criterion', width: 120, render: (c: CaseSummary['criterion']) => CASE_CRITERION_LABELS[c] },
  { key: 'agencyName', title: '立案部门', dataIndex: 'agencyName', width: 170, ellipsis: true },
  { key: 'decisionNo', title: '决定书文号', dataIndex: 'decisionNo', width: 180 },
  { key: 'servedOn', title: '送达日期', dataIndex: 'servedOn', width: 110 },
  { key: 'deadline', title: '整改期限', width: 200, render: (_: unknown, r) => <CaseDeadline c={r} /> },
  { key: 'status', title: '状态', dataIndex: 'status', width: 130, render: (_: unknown, r) => <CaseStatusTag c={r} /> },
];

/** 案件管理 (我的整改 for an enterprise): every case in reach on the one list page, with ground, state, list and overdue filters. */
export default function CaseListPage() {
  const me = useMe();
  const desk = useAsync(() => (me.role === 'member_agency' ? caseApi.desk() : Promise.resolve(null)), [me.role]);
  const [opening, setOpening] = useState(false);
  const criteria = desk.data?.openableCriteria ?? [];
  const filterFields: ListFilterField[] = [
    { name: 'criterion', label: '类别', node: <Select allowClear placeholder="全部" options={opts(CASE_CRITERION_LABELS)} /> },
    { name: 'status', label: '状态', node: <Select allowClear placeholder="全部" options={opts(CASE_STATUS_LABELS)} /> },
    { name: 'list', label: '名单', node: <Select allowClear placeholder="全部" options={opts(CASE_LIST_KIND_LABELS)} /> },
    { name: 'overdue', label: '逾期', node: <Select allowClear placeholder="全部" options={[{ value: 'true', label: '已逾期' }]} /> },
  ];
  return (
    <Card>
      <ListPage<CaseSummary, Page<CaseSummary>>
        listKey="case"
        testId="case"
        rowKey="id"
        columns={columns}
        filterFields={filterFields}
        extraFilterKeys={['enterpriseId']}
        fetchPage={(r) => api.get<Page<CaseSummary>>('/cases', listQuery(r))}
        exportPath="/cases/export.xlsx"
        exportName="不达标案件.xlsx"
        defaultPageSize={20}
        scrollX={1350}
        emptyText="没有符合条件的案件"
        actions={
          criteria.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="case-open">
              立案
            </Button>
          )
        }
      />
      <CaseOpenModal open={opening} onClose={() => setOpening(false)} criteria={criteria} />
    </Card>
  );
}
