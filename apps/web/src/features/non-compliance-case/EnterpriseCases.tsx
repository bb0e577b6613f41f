import { CASE_CRITERION_LABELS, type CaseSummary } from '@taotai/shared';
import { Alert, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { caseApi } from './case-api.ts';
import { CaseDeadline, CaseStatusTag } from './CaseStatusTag.tsx';

/**
 * The enterprise page's 「不达标案件」 tab (issue 12 "Who sees what"): its cases with ground, department, decision,
 * service date, deadline and list status (黄牌/红牌). The server scopes them: a department sees its own agency's.
 */
export function EnterpriseCases({ enterpriseId }: { enterpriseId: number }) {
  const cases = useAsync(() => caseApi.list({ enterpriseId, pageSize: 50 }), [enterpriseId]);
  if (cases.error) return <Alert type="error" showIcon title={cases.error.message} />;
  return (
    <Table<CaseSummary>
      size="small"
      rowKey="id"
      loading={cases.loading}
      dataSource={cases.data?.items ?? []}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: '暂无不达标或违法违规案件' }}
      data-testid="enterprise-cases"
      columns={[
        { title: '类别', dataIndex: 'criterion', width: 120, render: (c: CaseSummary['criterion'], r) => <Link to={`/cases/${r.id}`}>{CASE_CRITERION_LABELS[c]}</Link> },
        { title: '生产线', dataIndex: 'lineName', width: 150, render: (n: string | null) => n ?? '整个企业' },
        { title: '立案部门', dataIndex: 'agencyName', width: 170, ellipsis: true },
        { title: '决定书文号', dataIndex: 'decisionNo', width: 180 },
        { title: '送达日期', dataIndex: 'servedOn', width: 110 },
        { title: '整改期限', key: 'deadline', width: 210, render: (_: unknown, r) => <CaseDeadline c={r} /> },
        { title: '状态', key: 'status', width: 130, render: (_: unknown, r) => <CaseStatusTag c={r} /> },
      ]}
    />
  );
}
