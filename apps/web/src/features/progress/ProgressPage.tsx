import type { ProgressPicture, RegionProgress } from '@taotai/shared';
import { Alert, Breadcrumb, Card, Col, Row, Space, Spin, Statistic, Switch, Tooltip, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { YearSelect } from '../../shared/YearSelect.tsx';
import { DataQualityCountCard } from '../data-quality/DataQualityCountCard.tsx';
import { CaseCountsCard } from '../department-list/CaseCountsCard.tsx';
import { ChildrenTable, ENTERPRISES_DONE_NOTE } from './ChildrenTable.tsx';
import { EnterpriseTable } from './EnterpriseTable.tsx';
import { FiguresTable } from './FiguresTable.tsx';
import { geoFileFor } from './geo.ts';
import { enterpriseListLink, percent, progressLink, taskListLink } from './links.ts';
import type { MapMetric } from './ProgressMap.tsx';
import { progressApi, regionChain } from './progress-api.ts';

// echarts and the outlines load only when a map is shown.
const ProgressMap = lazy(() => import('./ProgressMap.tsx'));

const ENTERPRISE_LEVELS = new Set(['county', 'township', 'park']);

/**
 * Colour by target completion when the region has a single industry and unit (one comparable figure) with a
 * target; otherwise by the share of tasks done, which is unit-free (without a target every area would be grey).
 */
function mapMetric(p: ProgressPicture): MapMetric {
  if (p.figures.length === 1 && p.figures[0]?.targetCapacity != null) {
    const only = p.figures[0]!;
    return {
      label: `${only.industryName}目标完成率`,
      value: (r: RegionProgress) => r.figures.find((f) => f.industryCode === only.industryCode && f.unit === only.unit)?.completionRate ?? null,
    };
  }
  return { label: '任务完成率（已验收或依令关闭的任务占比）', value: (r: RegionProgress) => (r.tasks ? r.taskCompletionRate : null) };
}

function Crumbs({ picture, year }: { picture: ProgressPicture; year: number }) {
  const me = useMe();
  const isAdmin = me.role === 'admin' || me.role === 'national_auditor';
  const chain = useAsync(
    () => (picture.level === 'country' ? Promise.resolve([]) : regionChain(picture.regionCode, isAdmin ? undefined : me.regionCode)),
    [picture.regionCode, picture.level, isAdmin, me.regionCode],
  );
  const regions = chain.data ?? [];
  const items: { key: string; title: ReactNode }[] = [];
  if (isAdmin) items.push({ key: 'country', title: picture.level === 'country' ? '全国' : <Link to={progressLink(undefined, year)}>全国</Link> });
  for (const [i, r] of regions.entries()) {
    items.push({ key: r.code, title: i === regions.length - 1 ? r.name : <Link to={progressLink(r.code, year)}>{r.name}</Link> });
  }
  if (!chain.data && picture.level !== 'country') items.push({ key: picture.regionCode, title: picture.regionName });
  return <Breadcrumb items={items} data-testid="progress-breadcrumb" />;
}

function Summary({ p, year }: { p: ProgressPicture; year: number }) {
  const region = p.level === 'country' ? undefined : p.regionCode;
  const acceptedTasks = p.figures.reduce((s, f) => s + f.acceptedTasks, 0);
  const cards: { key: string; title: string; value: ReactNode; suffix?: string; to?: string; color?: string; hint?: string }[] = [
    { key: 'tasks', title: '退出任务', value: p.tasks, suffix: '个', to: taskListLink({ region, year }) },
    { key: 'accepted-tasks', title: '已验收任务', value: acceptedTasks, suffix: '个', to: taskListLink({ region, year, stage: 'accepted' }), color: '#389e0d' },
    { key: 'ent-planned', title: '计划退出企业', value: p.enterprisesPlanned, suffix: '家', to: enterpriseListLink({ region, year }) },
    {
      key: 'ent-accepted',
      title: '已完成退出企业',
      value: p.enterprisesAccepted,
      suffix: '家',
      to: enterpriseListLink({ region, year, finished: true }),
      color: '#389e0d',
      hint: ENTERPRISES_DONE_NOTE,
    },
    {
      key: 'overdue',
      title: '逾期未拆除任务',
      value: p.overdueTasks,
      suffix: '个',
      to: taskListLink({ region, year, overdue: true }),
      color: p.overdueTasks ? '#cf1322' : undefined,
    },
    { key: 'rate', title: '任务完成率', value: percent(p.taskCompletionRate) },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={c.hint ? <Tooltip title={c.hint}>{c.title}</Tooltip> : c.title}
              value={c.value as number | string}
              suffix={c.suffix}
              styles={{ content: { color: c.color } }}
              valueRender={(node) => (c.to ? <Link to={c.to} data-testid={`sum-${c.key}`} style={{ color: 'inherit' }}>{node}</Link> : node)}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 进度总览: one region's exit progress for a year — per industry and unit, per child region (with a map where
 * outlines exist) and, at county level and below, per enterprise. Region and year live in the URL, so the
 * breadcrumb, the back button and shared links all work; every number opens the task list it counts.
 */
export default function ProgressPage() {
  const today = useToday();
  const nav = useNavigate();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') || undefined;
  const year = Number(params.get('year')) || yearOf(today);
  const picture = useAsync(() => (year ? progressApi.picture(region, year) : Promise.resolve(undefined)), [region, year]);
  const p = picture.data;
  const metric = useMemo(() => (p ? mapMetric(p) : undefined), [p]);
  const geo = p ? geoFileFor(p.level, p.regionCode) : null;

  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(y));
    setParams(next);
  };
  const drill = (code: string) => nav(progressLink(code, year));
  // Below the city level most townships have no task; there the table starts with those that have one.
  const [onlyWithTasks, setOnlyWithTasks] = useState(false);
  useEffect(() => {
    if (p) setOnlyWithTasks(p.children.length > 20 && p.level !== 'province' && p.level !== 'country');
  }, [p]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div className="page-toolbar" style={{ marginBottom: 8 }}>
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {/* The layout's h1 already says 进度总览; this heading names the region shown. */}
              {p?.regionName ?? ''}
            </Typography.Title>
            {year && <YearSelect value={year} onChange={setYear} around={yearOf(today) ?? year} />}
          </Space>
          <Typography.Text type="secondary">点击数字查看对应任务或企业清单；不同产能单位分别统计</Typography.Text>
        </div>
        {p && <Crumbs picture={p} year={year!} />}
      </Card>
      {picture.error && <Alert type="error" showIcon title={picture.error.message} />}
      {!p && picture.loading && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {p && year && (
        <>
          <Summary p={p} year={year} />
          <DataQualityCountCard region={p.level === 'country' ? undefined : p.regionCode} />
          <CaseCountsCard region={p.level === 'country' ? undefined : p.regionCode} />
          <Card
            title="分行业产能退出进度"
            extra={<Typography.Text type="secondary">完成率 =（已验收 + 依令关闭）÷ 目标</Typography.Text>}
          >
            <FiguresTable figures={p.figures} region={p.level === 'country' ? '' : p.regionCode} year={p.year ?? year} />
          </Card>
          {p.children.length > 0 && (
            <Row gutter={[16, 16]}>
              {geo && metric && (
                <Col xs={24} xl={9}>
                  <Card title="完成情况分布" style={{ height: '100%' }}>
                    <Suspense fallback={<Spin style={{ display: 'block', margin: '120px auto' }} />}>
                      <ProgressMap file={geo} regions={p.children} metric={metric} onSelect={drill} showLabels={p.level !== 'country'} />
                    </Suspense>
                  </Card>
                </Col>
              )}
              <Col xs={24} xl={geo ? 15 : 24}>
                <Card
                  title="下级区划"
                  extra={
                    <Space>
                      <Typography.Text type="secondary">点击名称逐级查看，“+”展开分行业</Typography.Text>
                      <Switch size="small" checked={onlyWithTasks} onChange={setOnlyWithTasks} aria-labelledby="only-with-tasks" />
                      <span id="only-with-tasks">只看有任务的</span>
                    </Space>
                  }
                  style={{ height: '100%' }}
                >
                  <ChildrenTable rows={p.children} year={p.year ?? year} onlyWithTasks={onlyWithTasks} />
                </Card>
              </Col>
            </Row>
          )}
          {ENTERPRISE_LEVELS.has(p.level) && (
            <Card title="退出企业" extra={<Typography.Text type="secondary">点击任务数查看生产线退出任务及佐证材料</Typography.Text>}>
              <EnterpriseTable region={p.regionCode} year={p.year ?? year} />
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
