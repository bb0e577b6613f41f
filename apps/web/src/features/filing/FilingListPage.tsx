import { SendOutlined } from '@ant-design/icons';
import { FILING_AUDIENCE_LABELS, type FilingRequirementSummary, RECURRENCE_LABELS } from '@taotai/shared';
import { Alert, Button, Card, Space, Table, type TableProps, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { YearSelect } from '../../shared/YearSelect.tsx';
import { filingApi } from './filing-api.ts';
import { FilingMatrixView } from './FilingMatrixView.tsx';
import { IssueRequirementModal } from './IssueRequirementModal.tsx';
import { DeadlineText, FilingStatusTag, KindTag } from './labels.tsx';
import { ProvisionalDate } from '../../shared/ProvisionalDate.tsx';

const OVERSEERS = new Set(['admin', 'auditor', 'national_auditor', 'leader', 'group_office']);

const linkTo = (r: FilingRequirementSummary) => `/filing-requirements/${r.id}?period=${encodeURIComponent(r.currentPeriod.key)}`;

/** 报送管理: what is addressed to my unit, what my office (and those below) issued, and the status matrix. */
export default function FilingListPage() {
  const me = useMe();
  const nav = useNavigate();
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState<number>();
  const [issuing, setIssuing] = useState(false);
  useEffect(() => {
    if (today && year === undefined) setYear(yearOf(today));
  }, [today, year]);

  const mayIssue = me.role === 'group_office';
  const oversees = OVERSEERS.has(me.role);
  const files = me.role === 'group_office' || me.role === 'town' || me.role === 'member_agency';
  const addressed = useAsync(() => (year && files ? filingApi.requirements('addressed', { year }) : Promise.resolve([])), [year, files]);
  const issued = useAsync(() => (year && oversees ? filingApi.requirements('issued', { year }) : Promise.resolve([])), [year, oversees]);

  // What is addressed to the unit comes first when there is any; a province office mostly issues.
  const tab = params.get('tab') ?? (files && (addressed.data?.length || !oversees) ? 'addressed' : 'issued');
  const setTab = (t: string) => setParams({ tab: t }, { replace: true });

  const addressedColumns: TableProps<FilingRequirementSummary>['columns'] = [
    { title: '报送要求', dataIndex: 'title', render: (t: string, r) => <Link to={linkTo(r)}>{t}</Link> },
    { title: '种类', dataIndex: 'kind', width: 130, render: (k: FilingRequirementSummary['kind']) => <KindTag kind={k} /> },
    { title: '下达单位', dataIndex: 'issuerRegionName', width: 140, render: (n: string) => `${n}领导小组办公室` },
    { title: '期次', key: 'period', width: 130, render: (_, r) => (r.recurrence === 'once' ? '—' : r.currentPeriod.label) },
    { title: '截止日期', key: 'due', width: 110, render: (_, r) => <ProvisionalDate date={r.currentPeriod.dueDate} provisional={r.currentPeriod.dueProvisional} /> },
    {
      title: '本单位报送',
      key: 'mine',
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
    { title: '期限', dataIndex: 'deadlineLabel', width: 140, render: (l: string, r) => (r.myFiling ? '—' : <DeadlineText label={l} />) },
  ];

  const issuedColumns: TableProps<FilingRequirementSummary>['columns'] = [
    { title: '报送要求', dataIndex: 'title', render: (t: string, r) => <Link to={linkTo(r)}>{t}</Link> },
    { title: '种类', dataIndex: 'kind', width: 130, render: (k: FilingRequirementSummary['kind']) => <KindTag kind={k} /> },
    { title: '下达单位', dataIndex: 'issuerRegionName', width: 110 },
    { title: '报送对象', dataIndex: 'audience', width: 150, render: (a: FilingRequirementSummary['audience']) => FILING_AUDIENCE_LABELS[a].replace(/（.*）/, '') },
    { title: '频次', dataIndex: 'recurrence', width: 110, render: (r: FilingRequirementSummary['recurrence']) => RECURRENCE_LABELS[r] },
    { title: '截止日期', key: 'due', width: 110, render: (_, r) => <ProvisionalDate date={r.currentPeriod.dueDate} provisional={r.currentPeriod.dueProvisional} /> },
    {
      title: '已报送',
      key: 'count',
      width: 100,
      align: 'right',
      render: (_, r) => (
        <Typography.Text type={r.filedCount < r.targetCount ? 'warning' : 'success'}>
          {r.filedCount}/{r.targetCount}
        </Typography.Text>
      ),
    },
    { title: '期限', dataIndex: 'deadlineLabel', width: 130, render: (l: string) => <DeadlineText label={l} /> },
  ];

  const items = [
    ...(files
      ? [
          {
            key: 'addressed',
            label: `下达给本单位${addressed.data ? `（${addressed.data.length}）` : ''}`,
            children: (
              <>
                {addressed.error && <Alert type="error" showIcon title={addressed.error.message} />}
                <Table<FilingRequirementSummary>
                  rowKey="id"
                  size="middle"
                  loading={addressed.loading}
                  dataSource={addressed.data}
                  columns={addressedColumns}
                  pagination={false}
                  locale={{ emptyText: '暂无下达给本单位的报送要求' }}
                  data-testid="addressed-table"
                />
              </>
            ),
          },
        ]
      : []),
    ...(oversees
      ? [
          {
            key: 'issued',
            label: `${mayIssue ? '本级及下级下达' : '下达的报送要求'}${issued.data ? `（${issued.data.length}）` : ''}`,
            children: (
              <>
                {issued.error && <Alert type="error" showIcon title={issued.error.message} />}
                <Table<FilingRequirementSummary>
                  rowKey="id"
                  size="middle"
                  loading={issued.loading}
                  dataSource={issued.data}
                  columns={issuedColumns}
                  pagination={false}
                  locale={{ emptyText: '暂无报送要求' }}
                  data-testid="issued-table"
                />
              </>
            ),
          },
          { key: 'matrix', label: '报送情况总表', children: year ? <FilingMatrixView year={year} /> : null },
        ]
      : []),
  ];

  return (
    <Card>
      <div className="page-toolbar">
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            报送管理
          </Typography.Title>
          {year && <YearSelect value={year} onChange={setYear} around={yearOf(today) ?? year} />}
        </Space>
        {mayIssue && (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setIssuing(true)}>
            下达报送要求
          </Button>
        )}
      </div>
      <Tabs activeKey={tab} onChange={setTab} items={items} />
      {mayIssue && year && today && (
        <IssueRequirementModal
          open={issuing}
          year={year}
          today={today}
          onClose={(r) => {
            setIssuing(false);
            if (r) nav(`/filing-requirements/${r.id}`);
          }}
        />
      )}
    </Card>
  );
}
