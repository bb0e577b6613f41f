import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@taotai/shared';
import { Alert, AutoComplete, Button, Card, DatePicker, Form, Input, Select, Space, Table, type TableProps, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { fmtDateTime } from '../../shared/format.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, actionLabel, entityLabel } from './audit-labels.ts';

interface Filters {
  regionCode?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}
interface Verify {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  message: string;
}

const toQuery = (f: Filters) => ({
  regionCode: f.regionCode || undefined,
  actor: f.actor?.trim() || undefined,
  action: f.action?.trim() || undefined,
  entityType: f.entityType || undefined,
  from: f.range?.[0]?.startOf('day').toISOString(),
  to: f.range?.[1]?.endOf('day').toISOString(),
});

const Json = ({ value }: { value: unknown }) =>
  value == null ? <div style={{ color: '#999' }}>—</div> : <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>;

/** 审计日志: filter, read newest first page by page, and check the hash chain. */
export default function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [verify, setVerify] = useState<Verify | { error: string }>();
  const [verifying, setVerifying] = useState(false);
  const run = useRef(0);

  const fetchPage = useCallback(async (f: Filters, after: string | null) => {
    const mine = ++run.current;
    setLoading(true);
    try {
      const page = await api.get<{ items: AuditEntry[]; nextCursor: string | null }>('/audit', { ...toQuery(f), cursor: after ?? undefined, limit: 50 });
      if (mine !== run.current) return;
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (e) {
      if (mine === run.current) setError(errorMessage(e));
    } finally {
      if (mine === run.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    fetchPage(filters, null);
  }, [filters, fetchPage]);

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

  const columns: TableProps<AuditEntry>['columns'] = [
    { title: '时间', dataIndex: 'at', width: 170, render: fmtDateTime },
    { title: '操作人', dataIndex: 'actorName', width: 160 },
    { title: '动作', dataIndex: 'action', width: 140, render: (a: string) => <span title={a}>{actionLabel(a)}</span> },
    { title: '对象类型', dataIndex: 'entityType', width: 120, render: entityLabel },
    { title: '对象ID', dataIndex: 'entityId', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '区划', dataIndex: 'regionCode', width: 110, render: (v: string | null) => v ?? '—' },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '序号', dataIndex: 'id', width: 80, align: 'right' },
  ];

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
      <Form<Filters> layout="inline" onFinish={(v) => setFilters({ ...v })} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="regionCode" label="区划">
          <RegionSelect placeholder="全部（本辖区）" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="actor" label="操作人">
          <Input placeholder="用户名，如 gy-office" allowClear style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="action" label="动作">
          <AutoComplete
            allowClear
            style={{ width: 180 }}
            placeholder="如 enterprise.create"
            options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }))}
            showSearch={{ filterOption: (input, o) => String(o?.label ?? '').includes(input) }}
          />
        </Form.Item>
        <Form.Item name="entityType" label="对象类型">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="range" label="时间">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: 1000 }}
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
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        {cursor ? (
          <Button onClick={() => fetchPage(filters, cursor)} loading={loading}>
            加载更多
          </Button>
        ) : (
          <Typography.Text type="secondary">{items.length ? `共显示 ${items.length} 条，已到最早记录` : ''}</Typography.Text>
        )}
      </div>
    </Card>
  );
}
