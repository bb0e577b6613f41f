import { CRITERION_LABELS, type Plan, type PlanCandidate } from '@taotai/shared';
import { Alert, App, DatePicker, Input, Modal, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtNumber } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { LineStatusTag } from '../enterprise/labels.tsx';
import { planApi } from './plan-api.ts';
import { zhRowSelection } from '../../shared/row-selection.ts';

interface Props {
  open: boolean;
  plan: Plan;
  onClose: (updated: Plan | null) => void;
}

/** 列入生产线: pick registry lines of the region; each keeps its planned exit date unless a common deadline is set. */
export function AddLinesModal({ open, plan, onClose }: Props) {
  const { message } = App.useApp();
  const [q, setQ] = useState<string>();
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const cands = useAsync(() => (open ? planApi.candidates(plan.id, { q }) : Promise.resolve({ items: [], nextCursor: null })), [open, plan.id, q]);

  useEffect(() => {
    if (open) {
      setSelected([]);
      setDeadline(null);
      setError(undefined);
      setQ(undefined);
      setText('');
    }
  }, [open]);

  const byId = new Map((cands.data?.items ?? []).map((c) => [c.lineId, c]));
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const items = selected.map((lineId) => ({
        lineId,
        exitDeadline: deadline ? deadline.format('YYYY-MM-DD') : (byId.get(lineId)?.plannedExitDate ?? null),
      }));
      const p = await planApi.addLines(plan.id, plan.version, items);
      message.success(`已列入 ${items.length} 条生产线`);
      onClose(p);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="列入生产线"
      open={open}
      width={1060}
      onCancel={() => onClose(null)}
      onOk={save}
      okText={`列入计划（${selected.length} 条）`}
      okButtonProps={{ disabled: selected.length === 0 }}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Space style={{ marginBottom: 8 }} wrap>
        <Input.Search placeholder="企业名称或信用代码" allowClear value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => setQ(v.trim() || undefined)} style={{ width: 260 }} />
        <span>统一淘汰期限：</span>
        <DatePicker value={deadline} onChange={setDeadline} placeholder="不选则用各线计划淘汰时间" style={{ width: 220 }} aria-label="统一淘汰期限" />
      </Space>
      {cands.error && <Alert type="error" showIcon title={cands.error.message} />}
      <Table<PlanCandidate>
        size="small"
        rowKey="lineId"
        loading={cands.loading}
        dataSource={cands.data?.items}
        pagination={{ pageSize: 8, showSizeChanger: false, size: 'small' }}
        rowSelection={zhRowSelection({ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (k) => setSelected(k as number[]) }, (l) => `${l.enterpriseName} ${l.lineName}`)}
        data-testid="plan-candidates"
        columns={[
          { title: '企业', dataIndex: 'enterpriseName', ellipsis: true },
          { title: '所在区划', dataIndex: 'regionName', width: 110, ellipsis: true },
          { title: '生产线（设备）', dataIndex: 'lineName', ellipsis: true },
          { title: '行业', dataIndex: 'industryName', width: 80 },
          { title: '产能', key: 'cap', width: 120, align: 'right', render: (_, l) => `${fmtNumber(l.capacity)} ${l.capacityUnitName}` },
          { title: '类别', dataIndex: 'criterion', width: 60, render: (c: PlanCandidate['criterion']) => CRITERION_LABELS[c] },
          { title: '计划淘汰时间', dataIndex: 'plannedExitDate', width: 120, render: (d: string | null) => d ?? <Typography.Text type="warning">未填</Typography.Text> },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: PlanCandidate['status']) => <LineStatusTag status={s} /> },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
