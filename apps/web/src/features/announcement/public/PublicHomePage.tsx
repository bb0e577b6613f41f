import { ANNOUNCEMENT_FORM_LABELS, ANNOUNCEMENT_KIND_LABELS, ANNOUNCEMENT_KINDS, type AnnouncementKind, type PublicAnnouncementSummary } from '@taotai/shared';
import { Alert, Card, Empty, Input, Pagination, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { fmtNumber } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/use-async.ts';
import { DATE_LABELS, publicApi } from '../announcement-api.ts';
import { noticeText } from './notice-text.ts';

type Tab = 'current' | 'archived';

function AnnouncementCard({ a }: { a: PublicAnnouncementSummary }) {
  return (
    <Card size="small" data-testid="pub-announcement">
      <Link to={`/public/announcements/${a.id}`} className="pub-card-title">
        {a.title}
      </Link>
      <div className="pub-meta">
        <span>
          <Tag color={a.form === 'public_notice' ? 'orange' : 'blue'}>{ANNOUNCEMENT_FORM_LABELS[a.form]}</Tag>
          {ANNOUNCEMENT_KIND_LABELS[a.kind]}
        </span>
        <span>发布地区：{a.regionName}</span>
        <span>发布日期：{a.publishDate}</span>
        <span>共 {a.itemCount} 条</span>
        {a.notice && <span className={a.notice.open ? 'pub-notice' : 'pub-notice closed'}>{noticeText(a.notice)}</span>}
      </div>
    </Card>
  );
}

/** Home of the public site: current and archived announcements, filters, and a search across listed lines. */
export default function PublicHomePage() {
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') === 'archived' ? 'archived' : 'current') as Tab;
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? undefined;
  const kind = (params.get('kind') ?? undefined) as AnnouncementKind | undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    document.title = '淘汰落后产能公告公示';
  }, []);

  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    if (!('page' in next)) p.delete('page');
    setParams(p);
  };
  const regions = useAsync(() => publicApi.regions(), []);
  const list = useAsync(() => publicApi.list({ tab, q: q || undefined, region, kind, page }), [tab, q, region, kind, page]);
  const hits = useAsync(() => (q ? publicApi.search({ q, region, kind }) : Promise.resolve(null)), [q, region, kind]);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="pub-filters">
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          allowClear
          enterButton="搜索"
          placeholder="企业名称、生产线名称或统一社会信用代码"
          aria-label="搜索"
          maxLength={50}
          style={{ flexBasis: 320 }}
        />
        <Select
          allowClear
          placeholder="全部地区"
          value={region}
          onChange={(v) => set({ region: v })}
          loading={regions.loading}
          options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          aria-label="发布地区"
        />
        <Select allowClear placeholder="全部内容" value={kind} onChange={(v) => set({ kind: v })} options={ANNOUNCEMENT_KINDS.map((k) => ({ value: k, label: ANNOUNCEMENT_KIND_LABELS[k] }))} aria-label="公告内容" />
      </div>

      {q && (
        <Card size="small" title={`名单检索：“${q}”`} data-testid="pub-search-hits">
          {hits.loading && <Spin />}
          {hits.error && <Alert type="error" showIcon title={hits.error.message} />}
          {hits.data && hits.data.hits.length === 0 && <Empty description="已公布的名单中没有找到匹配的企业或生产线" />}
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {hits.data?.hits.map((h) => (
              <div key={`${h.announcementId}-${h.item.id}`} className="pub-hit">
                <Typography.Text strong>{h.item.enterpriseName}</Typography.Text> · {h.item.lineName}
                {h.item.specification ? `（${h.item.specification}）` : ''} · {fmtNumber(h.item.capacity)} {h.item.unitName}
                {h.item.date ? ` · ${DATE_LABELS[h.kind]} ${h.item.date}` : ''}
                <div className="pub-meta">
                  <Link to={`/public/announcements/${h.announcementId}`}>{h.title}</Link>
                  <span>{h.regionName}</span>
                  <span>{h.publishDate}</span>
                </div>
              </div>
            ))}
            {hits.data?.truncated && <Typography.Text type="secondary">仅显示前100条，请输入更具体的名称</Typography.Text>}
          </Space>
        </Card>
      )}

      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'archived' ? 'archived' : undefined })}
        items={[
          { key: 'current', label: '当前公告公示' },
          { key: 'archived', label: '往期公告' },
        ]}
      />
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.loading && !list.data && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {list.data && list.data.items.length === 0 && <Empty description={tab === 'current' ? '暂无正在公告公示的名单' : '暂无往期公告'} />}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {list.data?.items.map((a) => <AnnouncementCard key={a.id} a={a} />)}
      </Space>
      {list.data && list.data.total > list.data.pageSize && (
        <Pagination simple current={page} pageSize={list.data.pageSize} total={list.data.total} onChange={(p) => set({ page: String(p) })} align="center" />
      )}
    </Space>
  );
}
