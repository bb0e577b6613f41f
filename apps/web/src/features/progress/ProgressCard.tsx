import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { percent, progressLink, taskListLink } from './links.ts';
import { progressApi } from './progress-api.ts';

/** The home page's glance at this year's exit progress in the user's region; the dashboard has the rest. */
export function ProgressCard() {
  const year = yearOf(useToday());
  const state = useAsync(() => (year ? progressApi.picture(undefined, year) : Promise.resolve(undefined)), [year]);
  const p = state.data;
  const region = p && p.level !== 'country' ? p.regionCode : undefined;
  return (
    <Card
      title={`${year ?? ''}年退出进度${p ? ` · ${p.regionName}` : ''}`}
      extra={<Link to={progressLink(undefined, year)}>进度总览</Link>}
      loading={state.loading && !p}
      data-testid="home-progress"
    >
      {state.error && <Typography.Text type="secondary">进度数据暂不可用：{state.error.message}</Typography.Text>}
      {p && year && (
        <Row gutter={16} align="middle">
          <Col xs={12} md={6}>
            <Statistic title="退出任务" value={p.tasks} suffix="个" valueRender={(n) => <Link to={taskListLink({ region, year })}>{n}</Link>} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title="已验收任务"
              value={p.figures.reduce((s, f) => s + f.acceptedTasks, 0)}
              suffix="个"
              valueRender={(n) => <Link to={taskListLink({ region, year, stage: 'accepted' })}>{n}</Link>}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title="逾期未拆除"
              value={p.overdueTasks}
              suffix="个"
              styles={{ content: { color: p.overdueTasks ? '#cf1322' : undefined } }}
              valueRender={(n) => <Link to={taskListLink({ region, year, overdue: true })} style={{ color: 'inherit' }}>{n}</Link>}
            />
          </Col>
          <Col xs={12} md={6}>
            <div style={{ textAlign: 'center' }}>
              <Progress
                type="circle"
                size={72}
                percent={Math.round((p.taskCompletionRate ?? 0) * 100)}
                format={() => percent(p.taskCompletionRate)}
                aria-label={`任务完成率 ${percent(p.taskCompletionRate)}`}
              />
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  任务完成率
                </Typography.Text>
              </div>
            </div>
          </Col>
        </Row>
      )}
    </Card>
  );
}
