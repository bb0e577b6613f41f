import {
  DATA_QUALITY_KIND_LABELS,
  DATA_QUALITY_KINDS,
  DATA_QUALITY_STATUS_LABELS,
  DATA_QUALITY_STATUSES,
  type DataQualityFlag,
  type DataQualityKind,
  type DataQualityStatus,
} from '@taotai/shared';
import { Alert, App, Button, Card, Input, Modal, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { dataQualityApi, type FlagFilters } from './data-quality-api.ts';
import { FlagDrawer } from './FlagDrawer.tsx';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

/**
 * 数据质量 (issue 10 §4): flags raised at the point of entry in the user's region and below, counted per child
 * region, resolved with a note by the level above (never deleted), exported as xlsx.
 */
export default function DataQualityPage() {
  const { message } = App.useApp();
  const me = useMe();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<FlagFilters>({ status: 'open', region: params.get('region') ?? undefined });
  const [showing, setShowing] = useState<DataQualityFlag | null>(null);
  const [checking, setChecking] = useState(false);
  const [resolving, setResolving] = useState<DataQualityFlag | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [reload, setReload] = useState(0);
  const counts = useAsync(() => dataQualityApi.counts(filters.region), [filters.region, reload]);
  const page = useAsync(() => dataQualityApi.list(filters), [filters, reload]);

  const resolve = async () => {
    if (!resolving) return;
    setSaving(true);
    try {
      await dataQualityApi.resolve(resolving.id, note.trim());
      message.success('已处理');
      setResolving(null);
      setReload((n) => n + 1);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  // 重新检查: reconciliation and registry anomalies for the shown region and below (ADR 0018).
  const recheck = async () => {
    setChecking(true);
    try {
      const r = await dataQualityApi.recheck(filters.region);
      message.success(`检查完成：新标记 ${r.raised} 条，自动处理 ${r.resolved} 条，现存 ${r.stillOpen} 条`);
      setReload((n) => n + 1);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setChecking(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>数据质量</Typography.Title>
      {counts.error && <Alert type="error" showIcon title={counts.error.message} />}
      {counts.data && (
        <Card size="small" title={`${counts.data.regionName}及下级`}>
          <Space size="large" wrap>
            <Statistic title="待处理" value={counts.data.open} data-testid="dq-open-count" />
            <Statistic title="已处理" value={counts.data.resolved} />
            {counts.data.children.map((c) => (
              <Button key={c.regionCode} type="link" onClick={() => setFilters((f) => ({ ...f, region: c.regionCode }))}>
                {c.regionName}：待处理 {c.open}
              </Button>
            ))}
            {filters.region && <Button onClick={() => setFilters((f) => ({ ...f, region: undefined }))}>返回本级</Button>}
          </Space>
        </Card>
      )}
      <Space wrap>
        <Select<DataQualityKind>
          allowClear
          placeholder="类别"
          style={{ width: 240 }}
          value={filters.kind}
          onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
          options={DATA_QUALITY_KINDS.map((k) => ({ value: k, label: DATA_QUALITY_KIND_LABELS[k] }))}
        />
        <Select<DataQualityStatus>
          allowClear
          placeholder="状态"
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          options={DATA_QUALITY_STATUSES.map((s) => ({ value: s, label: DATA_QUALITY_STATUS_LABELS[s] }))}
        />
        <Button onClick={() => dataQualityApi.export(filters).catch((e) => message.error(errorMessage(e)))}>导出 Excel</Button>
        {(me.role === 'group_office' || me.role === 'admin') && (
          <Button onClick={recheck} loading={checking} data-testid="dq-recheck">
            重新检查
          </Button>
        )}
      </Space>
      {page.error && <Alert type="error" showIcon title={page.error.message} />}
      <Table<DataQualityFlag>
        rowKey="id"
        size="small"
        loading={page.loading}
        dataSource={page.data?.items}
        pagination={false}
        data-testid="dq-table"
        columns={[
          { title: '区划', dataIndex: 'regionName', width: 120 },
          { title: '类别', dataIndex: 'kind', width: 170, render: (k: DataQualityKind) => DATA_QUALITY_KIND_LABELS[k] },
          {
            title: '内容',
            dataIndex: 'message',
            render: (m: string, f) => (
              // A button (not an <a> without href): it opens the drawer, and keyboard and screen readers know it.
              <Button type="link" size="small" onClick={() => setShowing(f)} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
                {m}
              </Button>
            ),
          },
          { title: '标记', key: 'raised', width: 170, render: (_, f) => `${f.raisedByName ?? '系统检查'} ${time(f.raisedAt)}` },
          {
            title: '状态',
            key: 'status',
            width: 220,
            render: (_, f) =>
              f.status === 'open' ? (
                <Tag color="orange">待处理</Tag>
              ) : (
                <span>
                  <Tag color="green">已处理</Tag>
                  {f.resolvedByName ?? '系统'}：{f.resolutionNote}
                </span>
              ),
          },
          {
            title: '操作',
            key: 'op',
            width: 90,
            render: (_, f) =>
              f.abilities.resolve && (
                <Button size="small" onClick={() => {
                    setResolving(f);
                    setNote('');
                  }}>
                  处理
                </Button>
              ),
          },
        ]}
      />
      <FlagDrawer flag={showing} onClose={() => setShowing(null)} />
      <Modal title="处理数据质量标记" open={!!resolving} onCancel={() => setResolving(null)} onOk={resolve} okText="确认处理" confirmLoading={saving} okButtonProps={{ disabled: note.trim().length < 4 }}>
        <Typography.Paragraph>{resolving?.message}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="处理意见（至少4个字），如核实情况和整改结果" aria-label="处理意见" />
      </Modal>
    </Space>
  );
}
