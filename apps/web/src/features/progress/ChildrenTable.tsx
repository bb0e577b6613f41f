import type { RegionProgress } from '@taotai/shared';
import { Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { CompletionRate, FiguresTable } from './FiguresTable.tsx';
import { enterpriseListLink, progressLink, taskListLink } from './links.ts';

interface Props {
  rows: RegionProgress[];
  year: number | null;
  /** Hide regions without tasks (a county has dozens of townships, most with none). */
  onlyWithTasks?: boolean;
}

export const OWN_LEVEL_NOTE = '登记在本级（未归属任何下级区划）的企业的任务；此行数字打开“仅本级”的任务或企业清单';
export const ENTERPRISES_DONE_NOTE = '全部退出任务均已验收或依令关闭的企业数（按企业统计，点击查看企业清单）';

/** A count that opens the list it counts; the own-level row's lists are limited to the region itself (ownLevel). */
function Count({ n, to, danger, testId }: { n: number; to: string; danger?: boolean; testId?: string }) {
  return (
    <Link to={to} style={danger && n ? { color: '#cf1322' } : undefined} data-testid={testId}>
      {n}
    </Link>
  );
}

/** The filters every link of a row shares: its region and year, and "this region only" on the own-level row. */
const rowFilter = (r: RegionProgress, year: number | null) => ({ region: r.code, year, ownLevel: r.ownLevel || undefined });

/** The city a 省直管县 also belongs to administratively (巩义 410181 → 郑州 410100), if it is listed. */
const cityOf = (r: RegionProgress, rows: RegionProgress[]) => rows.find((c) => !c.directlyAdministered && c.code === `${r.code.slice(0, 4)}00`);

/**
 * Each child region's figures; a row opens to its per-industry table. A 省直管县 listed under the province is
 * flagged: its figures are also inside its city's row, so the rows must not be added up.
 */
export function ChildrenTable({ rows, year, onlyWithTasks = false }: Props) {
  const columns: TableProps<RegionProgress>['columns'] = [
    {
      title: '下级区划',
      dataIndex: 'name',
      width: 160,
      render: (n: string, r) => (
        <Space size={4}>
          {r.ownLevel ? (
            <Tooltip title={OWN_LEVEL_NOTE}>
              <span>{n}</span>
            </Tooltip>
          ) : (
            <Link to={progressLink(r.code, year ?? undefined)} data-testid={`child-${r.code}`}>
              {n}
            </Link>
          )}
          {r.directlyAdministered && (
            <Tooltip title={`省直管县：由省直接管理，其数据同时计入${cityOf(r, rows)?.name ?? '所在省辖市'}`}>
              <Tag color="purple">省直管</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '退出任务',
      dataIndex: 'tasks',
      align: 'right',
      width: 90,
      render: (n: number, r) => <Count n={n} to={taskListLink(rowFilter(r, year))} />,
    },
    {
      title: '已验收',
      key: 'accepted',
      align: 'right',
      width: 80,
      render: (_, r) => {
        const n = r.figures.reduce((s, f) => s + f.acceptedTasks, 0);
        return <Count n={n} to={taskListLink({ ...rowFilter(r, year), stage: 'accepted' })} />;
      },
    },
    {
      title: '逾期',
      dataIndex: 'overdueTasks',
      align: 'right',
      width: 70,
      render: (n: number, r) => <Count n={n} to={taskListLink({ ...rowFilter(r, year), overdue: true })} danger />,
    },
    {
      title: '企业（计划/完成）',
      key: 'ent',
      align: 'right',
      width: 120,
      render: (_, r) => (
        <span>
          <Count n={r.enterprisesPlanned} to={enterpriseListLink(rowFilter(r, year))} testId={`ent-planned-${r.code}${r.ownLevel ? '-own' : ''}`} />
          {' / '}
          <Tooltip title={ENTERPRISES_DONE_NOTE}>
            <span>
              <Count
                n={r.enterprisesAccepted}
                to={enterpriseListLink({ ...rowFilter(r, year), finished: true })}
                testId={`ent-accepted-${r.code}${r.ownLevel ? '-own' : ''}`}
              />
            </span>
          </Tooltip>
        </span>
      ),
    },
    {
      title: '任务完成率',
      dataIndex: 'taskCompletionRate',
      width: 130,
      render: (v: number | null, r) => (r.tasks ? <CompletionRate rate={v} /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];
  const hasDirect = rows.some((r) => r.directlyAdministered);
  return (
    <>
      <Table<RegionProgress>
        rowKey={(r) => `${r.code}${r.ownLevel ? '-own' : ''}${r.directlyAdministered ? '-direct' : ''}`}
        size="small"
        pagination={false}
        dataSource={onlyWithTasks ? rows.filter((r) => r.tasks > 0) : rows}
        columns={columns}
        scroll={{ x: 690 }}
        onRow={(r) => (r.directlyAdministered ? { style: { background: '#fbf7ff' } } : {})}
        expandable={{
          // The own-level row's code is the parent's, so its per-industry links carry ownLevel (the region itself only).
          rowExpandable: (r) => r.figures.length > 0,
          // The row opens to its per-industry table: capacities by stage, target and completion rate.
          expandedRowRender: (r) => <FiguresTable figures={r.figures} region={r.code} year={year} size="small" ownLevel={r.ownLevel || undefined} />,
        }}
        locale={{ emptyText: onlyWithTasks ? '下级区划均无退出任务' : '无下级区划' }}
        data-testid="progress-children"
      />
      {hasDirect && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          标“省直管”的县（市）由省直接管理，按行政区划仍属所在省辖市，其数据同时计入该市，故各行不可相加。
        </Typography.Paragraph>
      )}
    </>
  );
}
