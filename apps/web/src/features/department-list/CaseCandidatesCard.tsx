import { PlusOutlined } from '@ant-design/icons';
import { CASE_CRITERION_LABELS, type CasePlanCandidate, type CaseCriterion } from '@taotai/shared';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { fmtNumber } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { departmentListApi } from './department-list-api.ts';

/**
 * 来自不达标案件的候选 (issue 12): lines of the plan's region ordered closed after a failed re-inspection and in no
 * plan, with the case they come from (ground, decision, department), so the office sees why each is there. One
 * click adds a line through the plan's own add-line path; once this year's plan is submitted or approved the
 * lines are marked for the next plan. Nothing is shown when there are none.
 */
export function CaseCandidatesCard({
  regionCode,
  year,
  version,
  canAdd,
  onAdd,
}: { regionCode: string; year: number; version: number; canAdd: boolean; onAdd: (lineId: number) => Promise<unknown> }) {
  // The plan's version changes with every added line: the candidates are read again.
  const c = useAsync(() => departmentListApi.planCandidates(regionCode, year), [regionCode, year, version]);
  const rows = c.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Card title="来自不达标案件的淘汰候选" style={{ marginTop: 16 }} data-testid="case-candidates" extra={<Typography.Text type="secondary">复查仍不达标、已责令关闭且未列入任何计划的生产线</Typography.Text>}>
      <Table<CasePlanCandidate>
        rowKey="caseId"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { title: '企业', dataIndex: 'enterpriseName', width: 200, render: (n: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{n}</Link> },
          { title: '生产线（设备）', dataIndex: 'lineName', width: 150 },
          { title: '产能', key: 'cap', width: 110, align: 'right', render: (_, r) => `${fmtNumber(r.capacity)} ${r.unitName}` },
          { title: '类别', dataIndex: 'criterion', width: 110, render: (k: CaseCriterion) => CASE_CRITERION_LABELS[k] },
          { title: '立案部门', dataIndex: 'agencyName', width: 170 },
          { title: '决定书 / 关闭决定', key: 'dec', width: 220, render: (_, r) => `${r.decisionNo}${r.closureDecisionNo ? ` / ${r.closureDecisionNo}` : ''}` },
          {
            title: '操作',
            key: 'op',
            width: 120,
            fixed: 'right',
            render: (_, r) =>
              r.nextPlan ? (
                <Tag color="blue">列入下一年度计划</Tag>
              ) : canAdd ? (
                <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => onAdd(r.lineId)} aria-label={`将${r.lineName}列入计划`}>
                  列入计划
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
