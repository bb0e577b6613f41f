import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntry, ListPage as ListPageOf } from '@taotai/shared';
import { Alert, AutoComplete, Button, Card, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, actionLabel, entityLabel } from './audit-labels.ts';

interface Verify {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  message: string;
}

const columns: ListColumn<AuditEntry>[] = [
  { key: 'at', title: '时间', dataIndex: 'at', width: 170, render: fmtDateTime },
  { key: 'actorName', title: '操作人', dataIndex: 'actorName', width: 160 },
  { key: 'action', title: '动作', dataIndex: 'action', width: 140, render: (a: string) => <span title={a}>{actionLabel(a)}</span> },
  { key: 'entityType', title: '对象类型', dataIndex: 'entityType', width: 120, render: entityLabel },
  { key: 'entityId', title: '对象ID', dataIndex: 'entityId', width: 100, render: (v: string | null) => v ?? '—' },
  { key: 'regionCode', title: '区划', dataIndex: 'regionCode', width: 110, render: (v: string | null) => v ?? '—' },
  { key: 'ip', title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  { key: 'id', title: '序号', dataIndex: 'id', width: 90, align: 'right', sortField: 'id' },
];

const filterFields: ListFilterField[] = [
  { name: 'regionCode', label: '区划', node: <RegionSelect placeholder="全部（本辖区）" /> },
  { name: 'actor', label: '操作人', node: <Input placeholder="用户名，如 gy-office" allowClear /> },
  {
    name: 'action',
    label: '动作',
    node: (
      <AutoComplete
        allowClear
        placeholder="如 enterprise.create"
        options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }))}
        showSearch={{ filterOption: (input, o) => String(o?.label ?? '').includes(input) }}
      />
    ),
  },
  { name: 'entityType', label: '对象类型', node: <Select allowClear placeholder="全部" options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))} /> },
  // Calendar dates (Beijing): the server takes 起 from the day's first moment and 止 to its last.
  { name: 'from', label: '起始日期', node: <Input type="date" aria-label="起始日期" /> },
  { name: 'to', label: '截止日期', node: <Input type="date" aria-label="截止日期" /> },
];

const Json = ({ value }: { value: unknown }) =>
  value == null ? <div style={{ color: '#999' }}>—</div> : <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>;

/** 审计日志: filter, read newest first page by page, export, and check the hash chain. */
export default function AuditPage() {
  const [verify, setVerify] = useState<Verify | { error: string }>();
  const [verifying, setVerifying] = useState(false);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get<Verify>('/audit/verify'));
    } catch (e) {
      setVerify({ error: errorMessage(e) });
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Card
      title="审计日志"
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={runVerify}>
          校验哈希链
        </Button>
      }
    >
      {verify &&
        ('error' in verify ? (
          <Alert type="error" showIcon title={verify.error} style={{ marginBottom: 12 }} closable={{ onClose: () => setVerify(undefined) }} />
        ) : (
          <Alert
            type={verify.ok ? 'success' : 'error'}
            showIcon
            title={verify.ok ? '哈希链及锚点完整' : '哈希链或锚点校验未通过'}
            description={verify.ok ? verify.message : `${verify.message}（已校验 ${verify.checked} 条，请立即核查${verify.firstBrokenId ? `第 ${verify.firstBrokenId} 号及之后的记录` : '锚点'}）`}
            style={{ marginBottom: 12 }}
            closable={{ onClose: () => setVerify(undefined) }}
            data-testid="audit-verify"
          />
        ))}
      <ListPage<AuditEntry, ListPageOf<AuditEntry>>
        listKey="audit"
        testId="audit"
        rowKey="id"
        columns={columns}
        filterFields={filterFields}
        fetchPage={(r) => api.get<ListPageOf<AuditEntry>>('/audit', listQuery(r))}
        exportPath="/audit/export.xlsx"
        exportName="审计日志.xlsx"
        defaultPageSize={50}
        scrollX={1100}
        emptyText="没有符合条件的审计记录"
        expandable={{
          rowExpandable: (r) => r.before != null || r.after != null,
          expandedRowRender: (r) => (
            <Space align="start" size={32}>
              <div>
                <Typography.Text strong>变更前</Typography.Text>
                <Json value={r.before} />
              </div>
              <div>
                <Typography.Text strong>变更后</Typography.Text>
                <Json value={r.after} />
              </div>
            </Space>
          ),
        }}
      />
    </Card>
  );
}
