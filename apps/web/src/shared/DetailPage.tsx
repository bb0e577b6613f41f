import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Result, Space, Spin, Tabs, type TabsProps } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ApiError } from './api.ts';
import { LifecycleTimeline } from './LifecycleTimeline.tsx';

/** What a detail page shows once its record is loaded. */
export interface DetailView {
  title: ReactNode;
  /** The record's status, usually a `<Tag>`. */
  status?: ReactNode;
  /** Key facts; one column on phones, `columns` from md up. */
  facts?: DescriptionsProps['items'];
  columns?: { md?: number; xl?: number };
  /** Buttons for what the record's `abilities`/`availableEvents` allow. */
  actions?: ReactNode;
  /** Under the facts: a hint, a warning. */
  notice?: ReactNode;
  /** Between the header and the tabs (or the whole body of a page without tabs). */
  body?: ReactNode;
  tabs?: NonNullable<TabsProps['items']>;
  /** A record with a lifecycle: its API path (`/elimination-plans/7`) adds the 「办理记录」 tab. */
  history?: { path: string; version?: number | string };
  /** Modals and drawers of the page (rendered once, outside the cards). */
  modals?: ReactNode;
}

interface Props<T> {
  state: { data: T | undefined; error: ApiError | undefined; loading: boolean };
  /** The 404 text: a record out of scope reads exactly like a missing one ("…不存在或无权访问"). */
  notFound: string;
  back?: { to: string; label: string };
  /** Shown instead of the 404 when nothing is there yet and that is normal (no plan for the year yet). */
  empty?: ReactNode;
  render: (data: T) => DetailView;
}

/**
 * The one detail-page scaffold (issue 10 §5): loading, error and not-found states, then a header card with
 * title, status tag, actions and the back link, the key facts, and tabs ending in 「办理记录」 (the record's
 * lifecycle timeline) when it has one. Every feature's detail page renders through it.
 */
export function DetailPage<T>({ state, notFound, back, empty, render }: Props<T>) {
  const nav = useNavigate();
  const backButton = back && (
    <Button icon={<ArrowLeftOutlined />} onClick={() => nav(back.to)} data-testid="detail-back">
      {back.label}
    </Button>
  );
  if (state.loading && state.data === undefined) return <Spin data-testid="detail-loading" style={{ display: 'block', margin: '80px auto' }} />;
  if (!state.error && state.data === undefined && empty) return <>{empty}</>;
  if (state.error || state.data === undefined) {
    const missing = !state.error || state.error.status === 404;
    return (
      <Result
        data-testid="detail-missing"
        status={missing ? '404' : 'error'}
        title={missing ? notFound : '加载失败'}
        subTitle={missing ? undefined : state.error?.message}
        extra={backButton}
      />
    );
  }
  const v = render(state.data);
  const tabs = [...(v.tabs ?? [])];
  if (v.history) {
    tabs.push({ key: 'history', label: '办理记录', children: <LifecycleTimeline path={v.history.path} version={v.history.version} /> });
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="detail-page">
      <Card
        title={
          <Space wrap>
            <span data-testid="detail-title">{v.title}</span>
            {v.status}
          </Space>
        }
        extra={
          <Space wrap>
            {backButton}
            {v.actions}
          </Space>
        }
        styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
      >
        {v.facts && v.facts.length > 0 && (
          <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: v.columns?.md ?? 2, lg: v.columns?.md ?? 2, xl: v.columns?.xl ?? 3, xxl: v.columns?.xl ?? 3 }} items={v.facts} />
        )}
        {v.notice && <div style={{ marginTop: 12 }}>{v.notice}</div>}
      </Card>
      {v.body}
      {tabs.length > 0 && (
        <Card size="small">
          <Tabs items={tabs} />
        </Card>
      )}
      {v.modals}
    </Space>
  );
}
