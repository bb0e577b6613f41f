import type { ProgressChild, ProgressRow, TargetProgress } from '@taotai/shared';
import { Progress, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { qty } from './target-api.ts';

const rate = (r: { completionRate: number | null; completionRateText: string }) => (
  <Space size={6}>
    <Progress percent={Math.min(100, Math.round((r.completionRate ?? 0) * 100))} size="small" showInfo={false} aria-label={`完成率 ${r.completionRateText}`} style={{ width: 60, margin: 0 }} />
    <span>{r.completionRateText}</span>
  </Space>
);

const Shortfall = ({ short, by, unit }: { short: boolean; by?: number; unit: string }) =>
  short ? (
    <Tooltip title={by !== undefined ? `分解合计少于目标 ${qty(by, unit)}` : '分解合计少于目标'}>
      <Tag color="red">分解不足</Tag>
    </Tooltip>
  ) : null;

/**
 * 目标任务进度: one row per industry (its own unit) — 目标 / 已分解 / 已落实到生产线 / 已淘汰 / 完成率 — and
 * under it the regions it went to. Totals are per unit; different units are never added.
 */
export function ProgressTable({ progress }: { progress: TargetProgress }) {
  const columns: TableProps<ProgressRow>['columns'] = [
    { title: '行业', dataIndex: 'industryName', width: 110, render: (n: string, r) => <Link to={`/targets/${r.targetId}`}>{n}</Link> },
    { title: '单位', dataIndex: 'unitName', width: 90 },
    { title: '目标', dataIndex: 'target', width: 110, align: 'right', render: (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 4 }) },
    {
      title: '已分解',
      key: 'decomposed',
      width: 170,
      align: 'right',
      render: (_, r) => (
        <Space size={4}>
          <span>{r.decomposed.toLocaleString('zh-CN', { maximumFractionDigits: 4 })}</span>
          <Typography.Text type="secondary">{r.mode === 'lines' ? '（到生产线）' : '（到下级）'}</Typography.Text>
          <Shortfall short={r.shortfall} by={r.shortBy} unit={r.unitName} />
        </Space>
      ),
    },
    { title: '已落实到生产线', dataIndex: 'covered', width: 130, align: 'right', render: (n: number, r) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 4 })}（${r.coveredEnterprises}家）` },
    { title: '已淘汰', dataIndex: 'eliminated', width: 120, align: 'right', render: (n: number, r) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 4 })}（${r.eliminatedEnterprises}家）` },
    { title: '完成率', key: 'rate', width: 140, render: (_, r) => rate(r) },
  ];
  const childColumns: TableProps<ProgressChild>['columns'] = [
    { title: '下级区划', dataIndex: 'regionName', width: 140, render: (n: string, c) => <Link to={`/targets/${c.targetId}`}>{n}</Link> },
    { title: '目标', dataIndex: 'target', width: 110, align: 'right' },
    {
      title: '已分解',
      key: 'd',
      width: 160,
      align: 'right',
      render: (_, c) => (
        <Space size={4}>
          {c.decomposed.toLocaleString('zh-CN', { maximumFractionDigits: 4 })}
          <Shortfall short={c.shortfall} unit="" />
        </Space>
      ),
    },
    { title: '已落实到生产线', dataIndex: 'covered', width: 130, align: 'right' },
    { title: '已淘汰', dataIndex: 'eliminated', width: 110, align: 'right' },
    { title: '完成率', key: 'rate', width: 140, render: (_, c) => rate(c) },
  ];

  return (
    <>
      <Table<ProgressRow>
        rowKey="targetId"
        size="middle"
        pagination={false}
        dataSource={progress.rows}
        columns={columns}
        locale={{ emptyText: `${progress.regionName}${progress.year}年尚无目标任务` }}
        expandable={{
          // The rows carry `children` (the regions below); they are shown as a nested table, not as tree rows.
          childrenColumnName: 'subRows',
          rowExpandable: (r) => r.children.length > 0,
          expandedRowRender: (r) => (
            <Table<ProgressChild> rowKey="targetId" size="small" pagination={false} dataSource={r.children} columns={childColumns} />
          ),
        }}
        data-testid="progress-table"
      />
      {progress.totals.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="unitCode"
          pagination={false}
          title={() => <Typography.Text strong>按产能单位合计（不同单位不相加）</Typography.Text>}
          dataSource={progress.totals}
          columns={[
            { title: '单位', dataIndex: 'unitName', width: 110 },
            { title: '目标', dataIndex: 'target', align: 'right' },
            { title: '已分解', dataIndex: 'decomposed', align: 'right' },
            { title: '已落实到生产线', dataIndex: 'covered', align: 'right' },
            { title: '已淘汰', dataIndex: 'eliminated', align: 'right' },
            { title: '完成率', dataIndex: 'completionRateText', width: 100 },
          ]}
        />
      )}
    </>
  );
}
