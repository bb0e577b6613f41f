import type { ExitTaskEnterprise, Region } from '@taotai/shared';
import { Alert, Button, Card, Segmented, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { fmtNumber } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { useCursorPages } from '../../shared/use-cursor-pages.ts';
import { unitName, useCatalogue } from '../catalogue/catalogue-api.ts';
import { progressLink, taskListLink } from '../progress/links.ts';
import { ENTERPRISE_FILTER_KEYS, type EnterpriseFilters, exitTaskApi } from './exit-task-api.ts';

const COUNTRY_CODE = '100000';

const FINISHED_OPTIONS = [
  { value: '', label: '全部计划退出' },
  { value: 'true', label: '已完成退出' },
  { value: 'false', label: '未完成退出' },
];

/**
 * 退出企业: the enterprises behind the dashboard's 计划退出企业 / 已完成退出企业 counts. Filters live in the URL,
 * so the total shown is the number clicked; each enterprise's task count opens its tasks.
 */
export default function ExitTaskEnterprisesPage() {
  const [params, setParams] = useSearchParams();
  const { units } = useCatalogue();
  const filters = useMemo(() => {
    const f: EnterpriseFilters = {};
    for (const k of ENTERPRISE_FILTER_KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const pages = useCursorPages(filters, exitTaskApi.enterprises);
  const region = useAsync(
    () => (filters.region && filters.region !== COUNTRY_CODE ? api.get<Region>(`/regions/${filters.region}`) : Promise.resolve(null)),
    [filters.region],
  );
  const year = filters.year ? Number(filters.year) : undefined;
  const ownLevel = filters.ownLevel === 'true';

  const setFilter = (k: keyof EnterpriseFilters, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

  const tasksLink = (e: ExitTaskEnterprise) =>
    taskListLink({ region: filters.region, year, industry: filters.industry, unit: filters.unit, enterprise: e.enterpriseId });
  const columns: TableProps<ExitTaskEnterprise>['columns'] = [
    {
      title: '企业',
      dataIndex: 'enterpriseName',
      render: (n: string, e) => (
        <Link to={`/enterprises/${e.enterpriseId}`} data-testid="enterprise-link">
          {n}
        </Link>
      ),
    },
    { title: '所在区划', dataIndex: 'regionName', width: 140, ellipsis: true },
    {
      title: '退出任务',
      dataIndex: 'tasks',
      align: 'right',
      width: 90,
      render: (n: number, e) => (
        <Link to={tasksLink(e)} data-testid={`ent-${e.enterpriseId}-tasks`}>
          {n}
        </Link>
      ),
    },
    { title: '已验收或依令关闭', dataIndex: 'acceptedOrClosedTasks', align: 'right', width: 140 },
    {
      title: '计划退出产能',
      key: 'capacity',
      width: 200,
      render: (_, e) => e.capacityByUnit.map((c) => `${fmtNumber(c.capacity)} ${unitName(units, c.unit)}`).join('；') || '—',
    },
    {
      title: '退出情况',
      dataIndex: 'finished',
      width: 110,
      render: (done: boolean) => (done ? <Tag color="green">已完成退出</Tag> : <Tag>进行中</Tag>),
    },
  ];

  const regionName = filters.region && filters.region !== COUNTRY_CODE ? (region.data?.name ?? filters.region) : '全部可见区划';
  return (
    <Card>
      <div className="page-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          退出企业
        </Typography.Title>
        <Link to={progressLink(filters.region, year)}>返回进度总览</Link>
      </div>
      <Space wrap size={8} style={{ marginTop: 4 }}>
        <Tag color="blue">{regionName}</Tag>
        {year && <Tag>{year}年</Tag>}
        {ownLevel && (
          <Tag closable onClose={() => setFilter('ownLevel', undefined)} data-testid="own-level-tag">
            仅本级：登记在该区划本身（不属任何下级区划）的企业
          </Tag>
        )}
        <Segmented
          size="small"
          value={filters.finished ?? ''}
          options={FINISHED_OPTIONS}
          onChange={(v) => setFilter('finished', String(v) || undefined)}
          data-testid="finished-filter"
        />
      </Space>
      {pages.error && <Alert type="error" showIcon title={pages.error.message} style={{ marginTop: 12 }} />}
      <div style={{ marginTop: 12 }}>
        <Typography.Text data-testid="enterprise-total">
          共 <Typography.Text strong>{pages.total ?? '…'}</Typography.Text> 家企业
        </Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 16 }}>
          已完成退出：该年度全部退出任务均已验收或依令关闭
        </Typography.Text>
      </div>
      <Table<ExitTaskEnterprise>
        style={{ marginTop: 12 }}
        rowKey="enterpriseId"
        size="middle"
        columns={columns}
        dataSource={pages.items}
        loading={pages.loading}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '没有符合条件的企业' }}
        data-testid="enterprise-table"
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary">
          已显示 {pages.items.length} 家{pages.total !== null ? ` / 共 ${pages.total} 家` : ''}
        </Typography.Text>
        {pages.hasMore && (
          <Button onClick={pages.loadMore} loading={pages.loading}>
            加载更多
          </Button>
        )}
      </div>
    </Card>
  );
}
