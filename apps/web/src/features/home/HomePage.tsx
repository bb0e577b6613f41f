import { BankOutlined, CheckCircleOutlined, ClockCircleOutlined, ShopOutlined } from '@ant-design/icons';
import { CRITERION_LABELS, ROLE_LABELS } from '@taotai/shared';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Statistic, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCan, useMe } from '../../app/session.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { enterpriseApi } from '../enterprise/enterprise-api.ts';
import { DataQualityCountCard } from '../data-quality/DataQualityCountCard.tsx';
import { ProgressCard } from '../progress/ProgressCard.tsx';
import { CaseDeskCard } from '../non-compliance-case/CaseDeskCard.tsx';
import { TodoCard } from '../todo/TodoCard.tsx';
import { TipSummaryCard } from '../tip/TipSummaryCard.tsx';
import { CurrentPhaseCard } from '../work-plan/CurrentPhaseCard.tsx';

const COUNTS: { key: string; title: string; status?: string; icon: ReactNode; color: string }[] = [
  { key: 'all', title: '台账企业总数', icon: <BankOutlined />, color: '#1d4f91' },
  { key: 'operating', title: '在产', status: 'operating', icon: <ShopOutlined />, color: '#d46b08' },
  { key: 'exiting', title: '退出中', status: 'exiting', icon: <ClockCircleOutlined />, color: '#1677ff' },
  { key: 'exited', title: '已退出', status: 'exited', icon: <CheckCircleOutlined />, color: '#389e0d' },
];

/** One count per status, each a one-row query asking only for the total (scope applies server-side). */
async function loadCounts(): Promise<Record<string, number | null>> {
  const totals = await Promise.all(
    COUNTS.map((c) => enterpriseApi.list({ status: c.status }, { limit: 1, withTotal: true }).then((p) => p.total)),
  );
  return Object.fromEntries(COUNTS.map((c, i) => [c.key, totals[i] ?? null]));
}

export default function HomePage() {
  const me = useMe();
  const can = useCan();
  const nav = useNavigate();
  const readsEnterprises = can('enterprise:read');
  const counts = useAsync(() => (readsEnterprises ? loadCounts() : Promise.resolve(null)), [readsEnterprises]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {me.displayName}，您好
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'r', label: '所属区划', children: me.regionName },
            { key: 'role', label: '角色', children: ROLE_LABELS[me.role] },
            { key: 'a', label: '所属单位', children: me.agencyName ?? '—' },
          ]}
        />
      </Card>
      {readsEnterprises && (
        <>
          {counts.error && <Alert type="error" showIcon title={`统计数据加载失败：${counts.error.message}`} />}
          <Row gutter={16}>
            {COUNTS.map((c) => (
              <Col key={c.key} xs={24} sm={12} lg={6}>
                <Card
                  hoverable
                  onClick={() => nav(c.status ? `/enterprises?status=${c.status}` : '/enterprises')}
                  data-testid={`count-${c.key}`}
                >
                  <Statistic
                    title={c.title}
                    value={counts.data?.[c.key] ?? '—'}
                    loading={counts.loading}
                    prefix={<span style={{ color: c.color }}>{c.icon}</span>}
                    suffix="家"
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
      {me.role !== 'enterprise' && <TodoCard />}
      {me.role === 'member_agency' && <CaseDeskCard />}
      <TipSummaryCard />
      <DataQualityCountCard />
      {readsEnterprises && me.role !== 'enterprise' && <ProgressCard />}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          {me.role === 'enterprise' ? (
            <Card title="年度工作节点（河南省）" style={{ height: '100%' }}>
              <Timeline
                items={[
                  { color: 'blue', content: '9月1日—11月30日：摸底排查，逐企业登记落后生产线（设备）及产能' },
                  { color: 'blue', content: '未发现落后产能的地区报送“零报告”' },
                  { color: 'green', content: '12月15日前：排查结果报送，纳入下一年度淘汰计划' },
                  { color: 'gray', content: '淘汰标准：能耗、环保、质量、安全、技术任一不达标' },
                ]}
              />
            </Card>
          ) : (
            <CurrentPhaseCard />
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Card title="快捷入口" style={{ height: '100%' }}>
            <Space wrap>
              {readsEnterprises && <Button onClick={() => nav('/enterprises')}>企业台账</Button>}
              {can('enterprise:write') && (
                <Button type="primary" onClick={() => nav('/enterprises/new')}>
                  新增企业
                </Button>
              )}
              {can('enterprise:import') && <Button onClick={() => nav('/enterprises?import=1')}>导入排查登记表</Button>}
              {me.role === 'enterprise' && <Button onClick={() => nav('/cases')}>我的整改</Button>}
              {me.role !== 'enterprise' && <Button onClick={() => nav('/filings')}>报送管理</Button>}
              {me.role !== 'enterprise' && <Button onClick={() => nav('/work-plan')}>工作方案</Button>}
              <Button onClick={() => nav('/my-calendar')}>我的日历</Button>
              <Button onClick={() => nav('/catalogue')}>行业与判定依据</Button>
              {can('audit:read') && <Button onClick={() => nav('/audit')}>审计日志</Button>}
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              判定类别：{Object.values(CRITERION_LABELS).join('、')}。不同产能单位的产能不相加，合计均按单位分列。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
