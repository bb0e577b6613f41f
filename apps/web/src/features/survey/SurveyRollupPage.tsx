import { REGION_LEVEL_LABELS, type RollupNode } from '@taotai/shared';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { download } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { YearSelect } from '../../shared/YearSelect.tsx';
import { surveyApi, unitTotalsText } from './survey-api.ts';

/** A table row: the node's counts renamed, since the table's tree uses `children` for the rows below. */
type RollupRow = Omit<RollupNode, 'children' | 'nodes'> & { counts: RollupNode['children']; children?: RollupRow[] };

/** The region's own filing upwards: 已报 N 条 / 零报告 / 未报. */
function OwnState({ n }: { n: RollupRow }) {
  const { own } = n;
  const tag =
    own.state === 'filed' ? (
      <Tag color="blue">已报 {own.lineCount} 条</Tag>
    ) : own.state === 'zero_report' ? (
      <Tag color="green">零报告</Tag>
    ) : (
      <Tag color="red">未报</Tag>
    );
  return own.filingId ? <Link to={`/survey-filings/${own.filingId}`}>{tag}</Link> : tag;
}

// Children are loaded when a row is expanded: the tree can be a whole province deep.
const asRow = ({ children: counts, nodes: _nodes, ...n }: RollupNode): RollupRow => ({ ...n, counts, children: counts.regions > 0 ? [] : undefined });

/** 摸底排查汇总: each region below — 已报 N 条 (per unit) / 零报告 / 未报 — expandable level by level. */
export default function SurveyRollupPage() {
  const today = useToday();
  const [year, setYear] = useState<number>();
  const [rows, setRows] = useState<RollupRow[]>([]);
  useEffect(() => {
    if (today && year === undefined) setYear(yearOf(today));
  }, [today, year]);
  const rollup = useAsync(() => (year ? surveyApi.rollup(year) : Promise.resolve(undefined)), [year]);
  const root = rollup.data?.root;
  useEffect(() => {
    setRows((root?.nodes ?? []).map(asRow));
  }, [root]);

  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const exportTree = async () => {
    if (!year) return;
    setExporting(true);
    try {
      message.success(`已导出：${await download('/survey-rollup/export.xlsx', { year }, `${year}年摸底排查汇总.xlsx`)}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const expand = async (row: RollupRow) => {
    if (!year || (row.children && row.children.length > 0)) return;
    const sub = await surveyApi.rollup(year, row.regionCode);
    const kids = sub.root.nodes.map(asRow);
    const put = (list: RollupRow[]): RollupRow[] => list.map((r) => (r.regionCode === row.regionCode ? { ...r, children: kids } : r.children ? { ...r, children: put(r.children) } : r));
    setRows((cur) => put(cur));
  };

  const columns: TableProps<RollupRow>['columns'] = [
    { title: '区划', dataIndex: 'regionName', width: 280, render: (n: string, r) => <span>{n} <Typography.Text type="secondary">{REGION_LEVEL_LABELS[r.level]}</Typography.Text></span> },
    { title: '本级报送', key: 'own', width: 120, render: (_, r) => <OwnState n={r} /> },
    { title: '报送产能（分单位）', key: 'cap', render: (_, r) => unitTotalsText(r.own.capacity) },
    {
      title: '下级报送',
      key: 'kids',
      width: 230,
      render: (_, r) =>
        r.counts.regions === 0 ? (
          '—'
        ) : (
          <Space size={4} wrap>
            <Tag color="blue">已报 {r.counts.filed}</Tag>
            <Tag color="green">零报告 {r.counts.zeroReport}</Tag>
            <Tag color={r.counts.silent ? 'red' : 'default'}>未报 {r.counts.silent}</Tag>
          </Space>
        ),
    },
    {
      title: '与下级汇总',
      key: 'match',
      width: 110,
      render: (_, r) =>
        r.matchesChildren === null ? (
          '—'
        ) : r.matchesChildren ? (
          <Tag color="green">一致</Tag>
        ) : (
          <Tooltip title={`下级合计：${unitTotalsText(r.counts.capacity)}`}>
            <Tag color="orange">不一致</Tag>
          </Tooltip>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div className="page-toolbar" style={{ marginBottom: 0 }}>
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>
              摸底排查汇总{root ? ` · ${root.regionName}` : ''}
            </Typography.Title>
            {year && <YearSelect value={year} onChange={setYear} around={yearOf(today) ?? year} />}
          </Space>
          <Typography.Text type="secondary">按报送关系汇总（省直管县直接向省级报送）；不同产能单位分别合计</Typography.Text>
        </div>
      </Card>
      {rollup.error && <Alert type="error" showIcon title={rollup.error.message} />}
      {root && (
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="直接下级" value={root.children.regions} suffix="个" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="已报送" value={root.children.filed} suffix={`个 · ${root.children.lineCount} 条`} styles={{ content: { color: '#1677ff' } }} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="零报告" value={root.children.zeroReport} suffix="个" styles={{ content: { color: '#389e0d' } }} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="未报送" value={root.children.silent} suffix="个" styles={{ content: { color: root.children.silent ? '#cf1322' : undefined } }} />
            </Card>
          </Col>
        </Row>
      )}
      <Card
        title="各下级报送情况"
        extra={
          root && (
            <Space wrap>
              <Typography.Text type="secondary">下级报送产能合计：{unitTotalsText(root.children.capacity)}</Typography.Text>
              {/* The whole tree, every level, whatever is expanded here (ADR 0014: the one xlsx helper). */}
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportTree} data-testid="rollup-export">
                导出
              </Button>
            </Space>
          )
        }
      >
        <Table<RollupRow>
          rowKey="regionCode"
          size="middle"
          loading={rollup.loading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          expandable={{ onExpand: (expanded, r) => expanded && expand(r) }}
          data-testid="survey-rollup"
        />
      </Card>
    </Space>
  );
}
