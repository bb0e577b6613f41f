import { ScheduleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { workPlanApi } from './work-plan-api.ts';

/** 工作台: where the year's work stands — the current phase of the governing plan and its working days left. */
export function CurrentPhaseCard() {
  const nav = useNavigate();
  const cur = useAsync(() => workPlanApi.currentPhase(), []);
  const c = cur.data;
  return (
    <Card
      title={
        <Space>
          <ScheduleOutlined />
          当前工作阶段
        </Space>
      }
      extra={<Button onClick={() => nav('/work-plan')}>查看工作方案</Button>}
      loading={cur.loading && !c}
      style={{ height: '100%' }}
      data-testid="current-phase"
    >
      {cur.error && <Alert type="error" showIcon title={cur.error.message} />}
      {c && c.state === 'no_plan' && <Typography.Text type="secondary">{c.label}</Typography.Text>}
      {c && c.state !== 'no_plan' && (
        <>
          {c.phase ? (
            <Space align="baseline" size="large" wrap>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {c.phase.name}
              </Typography.Title>
              <Tag color={c.label.startsWith('逾期') ? 'red' : 'blue'} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="phase-days-left">
                {c.label}
              </Tag>
            </Space>
          ) : (
            <Typography.Text strong>{c.label}</Typography.Text>
          )}
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 12 }}
            items={[
              ...(c.phase ? [{ key: 'p', label: '阶段时间', children: `${c.phase.startDate} 至 ${c.phase.endDate}` }] : []),
              ...(c.nextPhase ? [{ key: 'n', label: '下一阶段', children: `${c.nextPhase.name}（${c.nextPhase.startDate} 起）` }] : []),
              {
                key: 'plan',
                label: '依据方案',
                children: `${c.planRegionName ?? ''}工作方案${c.inherited ? '（本级尚未制定，执行上级方案）' : ''}`,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
