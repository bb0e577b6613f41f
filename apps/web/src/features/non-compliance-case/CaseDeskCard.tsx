import { Alert, Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { caseApi } from './case-api.ts';

/** The department's 工作台 card (issue 12): its open cases, those due within 10 working days, overdue, extension requests. */
export function CaseDeskCard() {
  const nav = useNavigate();
  const d = useAsync(() => caseApi.desk(), []);
  const items = [
    { key: 'open', title: '在办案件', value: d.data?.open, to: '/cases?list=yellow' },
    { key: 'dueSoon', title: '即将到期', value: d.data?.dueSoon, to: '/cases?list=yellow' },
    { key: 'overdue', title: '已逾期待复查', value: d.data?.overdue, to: '/cases?overdue=true' },
    { key: 'extensionRequests', title: '待决定的延期申请', value: d.data?.extensionRequests, to: '/todo' },
  ];
  return (
    <Card title="本部门案件" data-testid="case-desk">
      {d.error && <Alert type="error" showIcon title={`案件统计加载失败：${d.error.message}`} />}
      <Row gutter={[16, 16]}>
        {items.map((i) => (
          <Col key={i.key} xs={12} lg={6}>
            <Card size="small" hoverable onClick={() => nav(i.to)} data-testid={`case-desk-${i.key}`}>
              <Statistic title={i.title} value={i.value ?? '—'} loading={d.loading} suffix="件" />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
