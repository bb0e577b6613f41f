import { sumQuantities, type Target, type TargetLineCandidate } from '@taotai/shared';
import { Alert, App, Input, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtNumber } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { LineStatusTag } from '../enterprise/labels.tsx';
import { qty, targetApi } from './target-api.ts';
import { zhRowSelection } from '../../shared/row-selection.ts';

interface Props {
  open: boolean;
  target: Target;
  onClose: (updated: Target | null) => void;
}

/** 落实到企业和生产线 (county level): choose the county's lines of the industry that make up the target. */
export function TargetLinesModal({ open, target, onClose }: Props) {
  const { message } = App.useApp();
  const [q, setQ] = useState<string>();
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [known, setKnown] = useState<Map<number, number>>(new Map());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const cands = useAsync(() => (open ? targetApi.lineCandidates(target.id, q) : Promise.resolve({ items: [], nextCursor: null })), [open, target.id, q]);

  useEffect(() => {
    if (!open) return;
    setSelected(target.lines.map((l) => l.lineId));
    setKnown(new Map(target.lines.map((l) => [l.lineId, l.capacity])));
    setError(undefined);
  }, [open, target]);
  useEffect(() => {
    if (cands.data) setKnown((m) => new Map([...m, ...cands.data!.items.map((c) => [c.lineId, c.capacity] as const)]));
  }, [cands.data]);

  const sum = sumQuantities(selected.map((id) => known.get(id) ?? 0));
  const keepDeadline = new Map(target.lines.map((l) => [l.lineId, l.deadline]));

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const t = await targetApi.setLines(target.id, { version: target.version, items: selected.map((lineId) => ({ lineId, deadline: keepDeadline.get(lineId) ?? null })) });
      message.success(`已落实到 ${selected.length} 条生产线`);
      onClose(t);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={`落实到企业和生产线：${target.industryName}`} open={open} width={1000} onCancel={() => onClose(null)} onOk={save} okText="保存" confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph>
        目标 {qty(target.quantity, target.unitName)}，已选 {selected.length} 条，合计{' '}
        <Typography.Text strong type={sum < target.quantity ? 'danger' : 'success'}>
          {qty(sum, target.unitName)}
        </Typography.Text>
      </Typography.Paragraph>
      <Input.Search placeholder="企业名称或信用代码" allowClear value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => setQ(v.trim() || undefined)} style={{ width: 280, marginBottom: 8 }} />
      {cands.error && <Alert type="error" showIcon title={cands.error.message} />}
      <Table<TargetLineCandidate>
        size="small"
        rowKey="lineId"
        loading={cands.loading}
        dataSource={cands.data?.items}
        pagination={{ pageSize: 8, showSizeChanger: false, size: 'small' }}
        rowSelection={zhRowSelection({ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (k) => setSelected(k as number[]) }, (l) => `${l.enterpriseName} ${l.lineName}`)}
        columns={[
          { title: '企业', dataIndex: 'enterpriseName', ellipsis: true },
          { title: '所在区划', dataIndex: 'regionName', width: 110 },
          { title: '生产线（设备）', dataIndex: 'lineName', ellipsis: true },
          { title: '产能', key: 'c', width: 120, align: 'right', render: (_, l) => `${fmtNumber(l.capacity)} ${l.capacityUnitName}` },
          { title: '计划淘汰时间', dataIndex: 'plannedExitDate', width: 120, render: (d: string | null) => d ?? '—' },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: TargetLineCandidate['status']) => <LineStatusTag status={s} /> },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
