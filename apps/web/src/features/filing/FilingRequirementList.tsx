import { FILING_AUDIENCE_LABELS, FILING_KIND_LABELS, type FilingRequirementSummary, type ListPage as Page, RECURRENCE_LABELS } from '@taotai/shared';
import { Select, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { ProvisionalDate } from '../../shared/ProvisionalDate.tsx';
import { DeadlineText, FilingStatusTag, KindTag } from './labels.tsx';

type Summary = FilingRequirementSummary;
export type RequirementView = 'addressed' | 'issued';

const linkTo = (r: Summary) => `/filing-requirements/${r.id}?period=${encodeURIComponent(r.currentPeriod.key)}`;

const title: ListColumn<Summary> = { key: 'title', title: '报送要求', dataIndex: 'title', render: (t: string, r) => <Link to={linkTo(r)}>{t}</Link> };
const kind: ListColumn<Summary> = { key: 'kind', title: '种类', dataIndex: 'kind', width: 130, render: (k: Summary['kind']) => <KindTag kind={k} /> };
const due: ListColumn<Summary> = {
  key: 'due',
  title: '截止日期',
  width: 110,
  render: (_, r) => <ProvisionalDate date={r.currentPeriod.dueDate} provisional={r.currentPeriod.dueProvisional} />,
};

const COLUMNS: Record<RequirementView, ListColumn<Summary>[]> = {
  addressed: [
    title,
    kind,
    { key: 'issuer', title: '下达单位', dataIndex: 'issuerRegionName', width: 140, render: (n: string) => `${n}领导小组办公室` },
    { key: 'period', title: '期次', width: 130, render: (_, r) => (r.recurrence === 'once' ? '—' : r.currentPeriod.label) },
    due,
    {
      key: 'mine',
      title: '本单位报送',
      width: 170,
      render: (_, r) =>
        r.myFiling ? (
          <Space size={4}>
            <FilingStatusTag status={r.myFiling.status} />
            {r.myFiling.lateWorkingDays > 0 && <Typography.Text type="danger">逾期 {r.myFiling.lateWorkingDays} 个工作日</Typography.Text>}
          </Space>
        ) : (
          <Typography.Text type="secondary">未报送</Typography.Text>
        ),
    },
    { key: 'deadline', title: '期限', dataIndex: 'deadlineLabel', width: 140, render: (l: string, r) => (r.myFiling ? '—' : <DeadlineText label={l} />) },
  ],
  issued: [
    title,
    kind,
    { key: 'issuer', title: '下达单位', dataIndex: 'issuerRegionName', width: 110 },
    { key: 'audience', title: '报送对象', dataIndex: 'audience', width: 150, render: (a: Summary['audience']) => FILING_AUDIENCE_LABELS[a].replace(/（.*）/, '') },
    { key: 'recurrence', title: '频次', dataIndex: 'recurrence', width: 110, render: (r: Summary['recurrence']) => RECURRENCE_LABELS[r] },
    due,
    {
      key: 'count',
      title: '已报送',
      width: 100,
      align: 'right',
      render: (_, r) => (
        <Typography.Text type={r.filedCount < r.targetCount ? 'warning' : 'success'}>
          {r.filedCount}/{r.targetCount}
        </Typography.Text>
      ),
    },
    { key: 'deadline', title: '期限', dataIndex: 'deadlineLabel', width: 130, render: (l: string) => <DeadlineText label={l} /> },
  ],
};

/** The year and kind filters of 报送管理's tabs (the year centres on the server's today). */
export function filingFilterFields(thisYear: number, withKind: boolean): ListFilterField[] {
  const years = [-2, -1, 0, 1, 2].map((d) => thisYear + d);
  return [
    { name: 'year', label: '年度', node: <Select allowClear placeholder="全部" options={years.map((y) => ({ value: String(y), label: `${y}年` }))} /> },
    ...(withKind
      ? [{ name: 'kind', label: '种类', node: <Select allowClear placeholder="全部" options={Object.entries(FILING_KIND_LABELS).map(([value, label]) => ({ value, label }))} /> }]
      : []),
  ];
}

/** One tab of 报送管理 on the one list page (ADR 0014): addressed to my unit, or issued by my office and those below. */
export function FilingRequirementList({ view, thisYear }: { view: RequirementView; thisYear: number }) {
  return (
    <ListPage<Summary, Page<Summary>>
      listKey={`filing-${view}`}
      testId={view}
      rowKey="id"
      columns={COLUMNS[view]}
      filterFields={filingFilterFields(thisYear, true)}
      defaultFilters={{ year: String(thisYear) }}
      fetchPage={(r) => api.get<Page<Summary>>('/filing-requirements/list', { ...listQuery(r), view })}
      exportPath="/filing-requirements/list.xlsx"
      exportQuery={{ view }}
      exportName={view === 'issued' ? '下达的报送要求.xlsx' : '下达给本单位的报送要求.xlsx'}
      // Wide on a phone: the table scrolls sideways instead of breaking every cell into one character per line.
      scrollX={960}
      emptyText={view === 'issued' ? '暂无报送要求' : '暂无下达给本单位的报送要求'}
    />
  );
}
