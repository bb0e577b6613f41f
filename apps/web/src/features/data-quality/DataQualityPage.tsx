import {
  DATA_QUALITY_KIND_LABELS,
  DATA_QUALITY_KINDS,
  DATA_QUALITY_STATUS_LABELS,
  DATA_QUALITY_STATUSES,
  type DataQualityFlag,
  type DataQualityKind,
  type DataQualityPage as FlagPage,
} from '@taotai/shared';
import { Alert, App, Button, Card, Input, Modal, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { useAsync } from '../../shared/use-async.ts';
import { dataQualityApi } from './data-quality-api.ts';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

const filterFields: ListFilterField[] = [
  { name: 'kind', label: '类别', node: <Select allowClear placeholder="全部" options={DATA_QUALITY_KINDS.map((k) => ({ value: k, label: DATA_QUALITY_KIND_LABELS[k] }))} /> },
  { name: 'status', label: '状态', node: <Select allowClear placeholder="全部" options={DATA_QUALITY_STATUSES.map((s) => ({ value: s, label: DATA_QUALITY_STATUS_LABELS[s] }))} /> },
];

/**
 * 数据质量 (issue 10 §4): flags raised at the point of entry in the user's region and below, counted per child
 * region, resolved with a note by the level above (never deleted), exported as xlsx. The table is the one
 * ListPage (ADR 0014); the region chosen in the counts card is a filter in the URL like the others.
 */
export default function DataQualityPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const [resolving, setResolving] = useState<DataQualityFlag | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [reload, setReload] = useState(0);
  const counts = useAsync(() => dataQualityApi.counts(region), [region, reload]);

  const setRegion = (code: string | undefined) => {
    const next = new URLSearchParams(params);
    if (code) next.set('region', code);
    else next.delete('region');
    next.delete('page');
    setParams(next, { replace: true });
  };

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

  const columns: ListColumn<DataQualityFlag>[] = [
    { key: 'id', title: '编号', dataIndex: 'id', width: 80, sortField: 'id' },
    { key: 'regionName', title: '区划', dataIndex: 'regionName', width: 120 },
    { key: 'kind', title: '类别', dataIndex: 'kind', width: 170, render: (k: DataQualityKind) => DATA_QUALITY_KIND_LABELS[k] },
    { key: 'message', title: '内容', dataIndex: 'message' },
    { key: 'raised', title: '标记', width: 170, render: (_, f) => `${f.raisedByName ?? ''} ${time(f.raisedAt)}` },
    {
      key: 'status',
      title: '状态',
      width: 220,
      render: (_, f) =>
        f.status === 'open' ? (
          <Tag color="orange">待处理</Tag>
        ) : (
          <span>
            <Tag color="green">已处理</Tag>
            {f.resolvedByName}：{f.resolutionNote}
          </span>
        ),
    },
    {
      key: 'op',
      title: '操作',
      width: 90,
      render: (_, f) =>
        f.abilities.resolve && (
          <Button
            size="small"
            onClick={() => {
              setResolving(f);
              setNote('');
            }}
          >
            处理
          </Button>
        ),
    },
  ];

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
              <Button key={c.regionCode} type="link" onClick={() => setRegion(c.regionCode)}>
                {c.regionName}：待处理 {c.open}
              </Button>
            ))}
            {region && <Button onClick={() => setRegion(undefined)}>返回本级</Button>}
          </Space>
        </Card>
      )}
      <Card>
        <ListPage<DataQualityFlag, FlagPage>
          listKey="data-quality"
          testId="dq"
          rowKey="id"
          columns={columns}
          filterFields={filterFields}
          extraFilterKeys={['region']}
          defaultFilters={{ status: 'open' }}
          fetchPage={(r) => api.get<FlagPage>('/data-quality/flags', listQuery(r))}
          exportPath="/data-quality/flags.xlsx"
          exportName="数据质量标记.xlsx"
          reloadToken={reload}
          emptyText="没有符合条件的数据质量标记"
        />
      </Card>
      <Modal title="处理数据质量标记" open={!!resolving} onCancel={() => setResolving(null)} onOk={resolve} okText="确认处理" confirmLoading={saving} okButtonProps={{ disabled: note.trim().length < 4 }}>
        <Typography.Paragraph>{resolving?.message}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="处理意见（至少4个字），如核实情况和整改结果" aria-label="处理意见" />
      </Modal>
    </Space>
  );
}
