import { Alert, Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { tipApi } from './tip-api.ts';

/** The roles that read tips (the menu's 举报管理): others are not asked (no 404 in the console). */
export const TIP_READERS = ['group_office', 'leader', 'member_agency', 'identity_custodian'] as const;

/** The 工作台 card (issue 13): open tips, overdue ones, and those escalated to this level, each linking to the list. */
export function TipSummaryCard() {
  const nav = useNavigate();
  const reads = (TIP_READERS as readonly string[]).includes(useMe().role);
  const s = useAsync(() => (reads ? tipApi.summary() : Promise.resolve(undefined)), [reads]);
  if (!reads) return null;
  const items = [
    { key: 'open', title: '在办举报', value: s.data?.open, to: '/tips' },
    { key: 'overdue', title: '已逾期', value: s.data?.overdue, to: '/tips?overdue=true' },
    { key: 'escalatedToMe', title: '提级督办（本级）', value: s.data?.escalatedToMe, to: '/tips?escalated=true' },
    { key: 'concludedThisYear', title: '本年已办结', value: s.data?.concludedThisYear, to: '/tips?status=concluded' },
  ];
  return (
    <Card title="群众举报" data-testid="tip-summary">
      {s.error && <Alert type="error" showIcon title={`举报统计加载失败：${s.error.message}`} />}
      <Row gutter={[16, 16]}>
        {items.map((i) => (
          <Col key={i.key} xs={12} lg={6}>
            <Card size="small" hoverable onClick={() => nav(i.to)} data-testid={`tip-summary-${i.key}`}>
              <Statistic title={i.title} value={i.value ?? '—'} loading={s.loading} suffix="件" valueStyle={i.key !== 'open' && (i.value ?? 0) > 0 && i.key !== 'concludedThisYear' ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
