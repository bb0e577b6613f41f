import { TIP_FINDING_LABELS, TIP_MATTER_LABELS, type PublishedTipResult } from '@taotai/shared';
import { Alert, Card, Empty, Pagination, Space, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useAsync } from '../../../shared/use-async.ts';
import { publicTipApi } from '../tip-api.ts';

const PAGE_SIZE = 10;
const FINDING_COLORS = { substantiated: 'red', partly_substantiated: 'orange', unsubstantiated: 'default' } as const;

function ResultCard({ r }: { r: PublishedTipResult }) {
  return (
    <Card size="small" data-testid="tip-result">
      <div className="pub-card-title">
        {TIP_MATTER_LABELS[r.matter]}
        {r.enterpriseName ? ` · ${r.enterpriseName}` : ''}
      </div>
      <div className="pub-meta">
        <span>
          核查结论：<Tag color={FINDING_COLORS[r.finding]}>{TIP_FINDING_LABELS[r.finding]}</Tag>
        </span>
        <span>地点：{r.regionName}</span>
        <span>办结日期：{r.concludedOn}</span>
      </div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>处理措施：{r.measures}</Typography.Paragraph>
    </Card>
  );
}

/** 举报办理结果公开: matter, place, finding, measures, date; never anything about the tipster (issue 13). */
export default function PublicTipResultsPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useAsync(() => publicTipApi.results({ page, pageSize: PAGE_SIZE }), [page]);
  useEffect(() => {
    document.title = '举报办理结果公开 - 淘汰落后产能公告公示';
  }, []);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          举报办理结果公开
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          每件举报均由属地核查并答复举报人。公开内容不含任何举报人信息；举报不属实的，不公开企业名称。
          <Link to="/public/tips/new" style={{ textDecoration: 'underline' }}>
            我要举报
          </Link>
        </Typography.Paragraph>
      </Card>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.loading && !list.data && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {list.data && list.data.items.length === 0 && <Empty description="暂无已办结公开的举报" />}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {list.data?.items.map((r) => <ResultCard key={r.id} r={r} />)}
      </Space>
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination simple current={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => setParams({ page: String(p) })} align="center" />
      )}
    </Space>
  );
}
