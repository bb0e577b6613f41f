import { DownloadOutlined } from '@ant-design/icons';
import {
  CASE_CRITERIA,
  CASE_CRITERION_LABELS,
  CASE_STATUS_LABELS,
  type CaseCriterion,
  type CaseStatus,
  type DepartmentListEntry,
  LIST_COLOUR_LABELS,
  LIST_COLOURS,
} from '@taotai/shared';
import { App, Button, Card, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../shared/form-errors.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { fmtNumber } from '../../shared/format.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { type DepartmentListPage as Page, departmentListApi } from './department-list-api.ts';

const columns: ListColumn<DepartmentListEntry>[] = [
  { key: 'caseId', title: '案件编号', dataIndex: 'caseId', width: 90, sortField: 'id' },
  { key: 'criterion', title: '类别', dataIndex: 'criterion', width: 120, render: (c: CaseCriterion) => CASE_CRITERION_LABELS[c] },
  { key: 'enterpriseName', title: '企业名称', dataIndex: 'enterpriseName', width: 220, render: (n: string, e) => <Link to={`/enterprises/${e.enterpriseId}`}>{n}</Link> },
  { key: 'regionName', title: '所在地区', dataIndex: 'regionName', width: 100 },
  { key: 'lineName', title: '生产线（设备）', dataIndex: 'lineName', width: 160, render: (n: string | null) => n ?? '企业整体' },
  { key: 'capacity', title: '产能', width: 110, align: 'right', render: (_, e) => (e.capacity == null ? '—' : `${fmtNumber(e.capacity)} ${e.unitName ?? ''}`) },
  { key: 'agencyName', title: '立案部门', dataIndex: 'agencyName', width: 180 },
  { key: 'decisionNo', title: '决定书文号', dataIndex: 'decisionNo', width: 170 },
  { key: 'servedOn', title: '送达日期', dataIndex: 'servedOn', width: 110 },
  { key: 'deadline', title: '整改期限', dataIndex: 'deadline', width: 110, render: (d: string | null) => d ?? '—' },
  {
    key: 'status',
    title: '状态',
    dataIndex: 'status',
    width: 130,
    render: (s: CaseStatus, e) => (
      <>
        <Tag color={e.colour === 'red' ? 'red' : 'orange'}>{CASE_STATUS_LABELS[s]}</Tag>
        {e.overdue && <Tag color="error">已逾期</Tag>}
      </>
    ),
  },
  { key: 'closureDecisionNo', title: '关闭决定文号', dataIndex: 'closureDecisionNo', width: 170, render: (d: string | null) => d ?? '—' },
];

const filterFields: ListFilterField[] = [
  { name: 'colour', label: '名单', node: <Select options={LIST_COLOURS.map((c) => ({ value: c, label: LIST_COLOUR_LABELS[c] }))} /> },
  { name: 'criterion', label: '类别', node: <Select allowClear placeholder="全部" options={CASE_CRITERIA.map((c) => ({ value: c, label: CASE_CRITERION_LABELS[c] }))} /> },
];

/**
 * 黄牌/红牌名单 (issue 12; 002 §四(二)): every case under a deadline (yellow) or ordered closed (red), per ground, in
 * the user's scope (a department sees its own cases). Published through 公告公示; the yearly 违法违规企业处理情况
 * table is downloaded here, prefilled from the cases.
 */
export default function DepartmentListPage() {
  const { message } = App.useApp();
  const year = yearOf(useToday());
  const [busy, setBusy] = useState(false);
  const caseTable = async () => {
    if (!year) return;
    setBusy(true);
    try {
      await departmentListApi.caseTable(year);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <ListPage<DepartmentListEntry, Page>
        listKey="department-list"
        testId="department-list"
        rowKey="caseId"
        columns={columns}
        filterFields={filterFields}
        defaultFilters={{ colour: 'yellow' }}
        extraFilterKeys={['region']}
        fetchPage={(r) => departmentListApi.list(listQuery(r))}
        exportPath="/department-lists.xlsx"
        exportName="黄牌红牌名单.xlsx"
        scrollX={1700}
        emptyText="名单中暂无案件"
        actions={
          year ? (
            <Button icon={<DownloadOutlined />} loading={busy} onClick={caseTable}>
              {year}年违法违规企业处理情况表
            </Button>
          ) : null
        }
      />
    </Card>
  );
}
