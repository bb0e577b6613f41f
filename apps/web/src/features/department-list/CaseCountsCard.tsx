import { CASE_CRITERIA, CASE_CRITERION_LABELS, CASE_STATUS_LABELS, type CaseCounts, type CaseCriterion, type CaseStatus, YELLOW_CASE_STATUSES } from '@taotai/shared';
import { Card, Col, Row, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { departmentListApi } from './department-list-api.ts';

type GroundRow = { criterion: CaseCriterion; yellow: number; red: number; rectified: number; total: number };

/** Per ground: open under a deadline (yellow), ordered closed (red), rectified, all. */
function byGround(c: CaseCounts): GroundRow[] {
  return CASE_CRITERIA.map((criterion) => {
    const of = (pred: (s: CaseStatus) => boolean) => c.byCriterion.filter((r) => r.criterion === criterion && pred(r.status)).reduce((n, r) => n + r.count, 0);
    return {
      criterion,
      yellow: of((s) => YELLOW_CASE_STATUSES.includes(s)),
      red: of((s) => s === 'closure_ordered'),
      rectified: of((s) => s === 'rectified'),
      total: of(() => true),
    };
  }).filter((r) => r.total > 0);
}

const listLink = (colour: 'yellow' | 'red', criterion?: CaseCriterion, region?: string) => {
  const q = new URLSearchParams({ colour });
  if (criterion) q.set('criterion', criterion);
  if (region) q.set('region', region);
  return `/department-lists?${q}`;
};

/**
 * 进度总览 (issue 12 "Who sees what"): the non-compliance cases of the region by ground and state, and the yellow
 * and red lists by department; each yellow/red number opens the list it counts. Nothing when there are no cases.
 */
export function CaseCountsCard({ region }: { region?: string }) {
  const counts = useAsync(() => departmentListApi.counts(region), [region]);
  const c = counts.data;
  if (!c || c.byCriterion.length === 0) return null;
  const link = (n: number, colour: 'yellow' | 'red', criterion?: CaseCriterion) => (n ? <Link to={listLink(colour, criterion, region)}>{n}</Link> : 0);
  return (
    <Card
      title="不达标案件与黄牌/红牌名单"
      data-testid="case-counts-card"
      extra={<Typography.Text type="secondary">黄牌：{YELLOW_CASE_STATUSES.map((s) => CASE_STATUS_LABELS[s]).join('、')}；红牌：责令关闭</Typography.Text>}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Table<GroundRow>
            size="small"
            rowKey="criterion"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={byGround(c)}
            columns={[
              { title: '类别', dataIndex: 'criterion', render: (k: CaseCriterion) => CASE_CRITERION_LABELS[k] },
              { title: '黄牌', key: 'y', align: 'right', render: (_, r) => link(r.yellow, 'yellow', r.criterion) },
              { title: '红牌', key: 'r', align: 'right', render: (_, r) => link(r.red, 'red', r.criterion) },
              { title: '整改合格', dataIndex: 'rectified', align: 'right' },
              { title: '合计', dataIndex: 'total', align: 'right' },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Table<CaseCounts['byAgency'][number]>
            size="small"
            rowKey="agencyId"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={c.byAgency}
            locale={{ emptyText: '名单中暂无案件' }}
            columns={[
              { title: '立案部门', dataIndex: 'agencyName' },
              { title: '黄牌', dataIndex: 'yellow', align: 'right' },
              { title: '红牌', dataIndex: 'red', align: 'right' },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
