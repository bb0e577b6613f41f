import { TIP_MATTER_LABELS, TIP_STATUS_LABELS, type ListPage as Page, type TipListItem } from '@taotai/shared';
import { Card, Input, Select, Space } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { TipDeadline, TipFlags, TipStatusTag } from './TipTags.tsx';

const opts = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const columns: ListColumn<TipListItem>[] = [
  {
    key: 'no',
    title: '编号',
    dataIndex: 'no',
    width: 140,
    sortField: 'id',
    render: (no: string, r) => (
      <Link to={`/tips/${r.id}`} data-testid="tip-link">
        {no}
      </Link>
    ),
  },
  { key: 'matter', title: '举报事项', dataIndex: 'matter', width: 190, render: (m: TipListItem['matter']) => TIP_MATTER_LABELS[m] },
  { key: 'enterpriseName', title: '被举报企业', dataIndex: 'enterpriseName', width: 200, ellipsis: true, render: (n: string | null) => n ?? '—' },
  { key: 'regionName', title: '所在地区', dataIndex: 'regionName', width: 150 },
  { key: 'receivedOn', title: '受理日期', dataIndex: 'receivedOn', width: 110 },
  { key: 'deadline', title: '办理期限', dataIndex: 'deadline', width: 150, render: (_: unknown, r) => <TipDeadline t={r} /> },
  {
    key: 'status',
    title: '状态',
    dataIndex: 'status',
    width: 190,
    render: (_: unknown, r) => (
      <Space size={4} wrap>
        <TipStatusTag t={r} />
        <TipFlags t={r} />
      </Space>
    ),
  },
  { key: 'identityKind', title: '举报方式', dataIndex: 'identityKind', width: 100, render: (k: TipListItem['identityKind']) => (k === 'real_name' ? '实名' : '匿名') },
  { key: 'handling', title: '办理单位', width: 200, render: (_: unknown, r) => r.handlingAgencyName ?? r.handlingRegionName },
];

/** 举报管理: every tip in reach on the one list page (status, matter, 逾期, 升级督办, text), with 导出. */
export default function TipListPage() {
  const filterFields: ListFilterField[] = [
    { name: 'q', label: '关键词', node: <Input allowClear placeholder="编号、企业名称或内容" /> },
    { name: 'status', label: '状态', node: <Select allowClear placeholder="全部" options={opts(TIP_STATUS_LABELS)} /> },
    { name: 'matter', label: '举报事项', node: <Select allowClear placeholder="全部" options={opts(TIP_MATTER_LABELS)} /> },
    { name: 'overdue', label: '逾期', node: <Select allowClear placeholder="全部" options={[{ value: 'true', label: '已逾期' }]} /> },
    { name: 'escalated', label: '升级督办', node: <Select allowClear placeholder="全部" options={[{ value: 'true', label: '已升级督办' }]} /> },
  ];
  return (
    <Card>
      <ListPage<TipListItem, Page<TipListItem>>
        listKey="tip"
        testId="tip"
        rowKey="id"
        columns={columns}
        filterFields={filterFields}
        extraFilterKeys={['regionCode']}
        fetchPage={(r) => api.get<Page<TipListItem>>('/tips', listQuery(r))}
        exportPath="/tips/export.xlsx"
        exportName="举报.xlsx"
        defaultPageSize={20}
        scrollX={1420}
        emptyText="没有符合条件的举报"
      />
    </Card>
  );
}
