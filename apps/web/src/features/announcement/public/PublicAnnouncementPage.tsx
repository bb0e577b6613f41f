import { ANNOUNCEMENT_FORM_LABELS, ANNOUNCEMENT_KIND_LABELS } from '@taotai/shared';
import { Alert, Card, Result, Space, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAsync } from '../../../shared/use-async.ts';
import { publicApi } from '../announcement-api.ts';
import { ItemsView, TotalsLine } from '../ItemsView.tsx';
import { chineseDate, noticeText } from './notice-text.ts';
import { ObjectionForm } from './ObjectionForm.tsx';

/** One published announcement: issuing region and date, notice period, body, the list, and the objection form. */
export default function PublicAnnouncementPage() {
  const { id } = useParams();
  const r = useAsync(() => publicApi.get(id!), [id]);
  const a = r.data;
  useEffect(() => {
    if (a) document.title = a.title;
  }, [a]);

  if (r.loading && !a) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (r.error || !a) {
    return <Result status={r.error?.status === 404 ? '404' : 'error'} title={r.error?.status === 404 ? '公告不存在或尚未发布' : (r.error?.message ?? '加载失败')} extra={<Link to="/public">返回公告公示</Link>} />;
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/public">‹ 返回公告公示</Link>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
          {a.title}
        </Typography.Title>
        <div className="pub-meta" style={{ justifyContent: 'center' }}>
          <span>
            <Tag color={a.form === 'public_notice' ? 'orange' : 'blue'}>{ANNOUNCEMENT_FORM_LABELS[a.form]}</Tag>
            {ANNOUNCEMENT_KIND_LABELS[a.kind]}
          </span>
          <span>发布地区：{a.regionName}</span>
          <span>发布日期：{a.publishDate}</span>
          {a.archived && <Tag>往期</Tag>}
        </div>
        {a.notice && (
          <Alert
            style={{ marginTop: 12 }}
            type={a.notice.open ? 'warning' : 'info'}
            showIcon
            title={<span data-testid="notice-text">{noticeText(a.notice)}</span>}
            description={a.notice.open ? '公示期内，任何单位和个人均可对名单提出异议。' : '公示期已结束，不再受理异议。'}
          />
        )}
        <div className="pub-body" style={{ marginTop: 16 }}>
          {a.body}
        </div>
        {a.closing.howToObject && (
          <Typography.Paragraph style={{ marginTop: 16, textIndent: '2em' }} data-testid="how-to-object">
            {a.closing.howToObject}
          </Typography.Paragraph>
        )}
        {/* 落款: the issuing office as it signs and the publication date, at the right under the text. */}
        <div style={{ marginTop: 24, textAlign: 'right' }} data-testid="pub-closing">
          <div>{a.closing.issuer}</div>
          <div>{chineseDate(a.closing.date)}</div>
        </div>
      </Card>
      <Card size="small" title={`名单（共 ${a.itemCount} 条）`}>
        <TotalsLine totals={a.totals} />
        <ItemsView items={a.items} kind={a.kind} />
      </Card>
      {a.notice?.open && (
        <Card size="small" title="提出异议">
          <ObjectionForm a={a} />
        </Card>
      )}
    </Space>
  );
}
