import { roundQuantity, sumQuantities, type Target, type TargetChildRegion, toQ } from '@taotai/shared';
import { Alert, App, Checkbox, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { qty, targetApi } from './target-api.ts';

interface Props {
  open: boolean;
  target: Target;
  onClose: (updated: Target | null) => void;
}

type Share = { quantity: number | null; enterpriseCount: number | null };

/** 分解到下级: a share per region below (empty = none); the sum against the target is shown as it is typed. */
export function AllocationModal({ open, target, onClose }: Props) {
  const { message } = App.useApp();
  const kids = useAsync(() => (open ? targetApi.childRegions(target.id) : Promise.resolve([])), [open, target.id]);
  const [shares, setShares] = useState<Record<string, Share>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  // 超额分解: stricter local targets are allowed with a stated reason (000 §二(一)), then flagged upward.
  const [overMarked, setOverMarked] = useState(false);
  const [overReason, setOverReason] = useState('');

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    setOverMarked(false);
    setOverReason('');
    setShares(
      Object.fromEntries(target.allocations.map((a) => [a.regionCode, { quantity: a.quantity, enterpriseCount: a.enterpriseCount } satisfies Share])),
    );
  }, [open, target]);

  const set = (code: string, patch: Partial<Share>) =>
    setShares((s) => {
      const base: Share = s[code] ?? { quantity: null, enterpriseCount: null };
      return { ...s, [code]: { ...base, ...patch } };
    });
  // Summed in ten-thousandths so 0.1 + 0.2 does not show as 0.30000000000000004.
  const sum = sumQuantities(Object.values(shares).map((s) => s.quantity ?? 0));
  const short = sum < target.quantity;
  const over = toQ(sum) > toQ(target.quantity);

  const save = async () => {
    const items = Object.entries(shares)
      .filter(([, s]) => s.quantity !== null && s.quantity > 0)
      .map(([regionCode, s]) => ({ regionCode, quantity: s.quantity!, enterpriseCount: s.enterpriseCount, deadline: null }));
    setSaving(true);
    setError(undefined);
    try {
      const t = await targetApi.allocate(target.id, {
        version: target.version,
        items,
        overAllocationReason: over && overMarked ? overReason.trim() : null,
      });
      message.success(`已分解到 ${items.length} 个下级区划`);
      onClose(t);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={`分解目标任务：${target.regionName}${target.year}年${target.industryName}`} open={open} width={760} onCancel={() => onClose(null)} onOk={save} okText="保存分解" confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph>
        目标 {qty(target.quantity, target.unitName)}，已分解{' '}
        <Typography.Text strong type={short ? 'danger' : 'success'} data-testid="allocation-sum">
          {qty(sum, target.unitName)}
        </Typography.Text>
        {short && <Typography.Text type="danger">（少 {qty(roundQuantity(target.quantity - sum), target.unitName)}）</Typography.Text>}
        {over && <Typography.Text type="warning">（超出 {qty(roundQuantity(sum - target.quantity), target.unitName)}）</Typography.Text>}
      </Typography.Paragraph>
      {over && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="分解合计超过目标任务。如确需下达更严格的地方目标，请标明超额分解并说明理由；保存后将提示上级核查。"
          description={
            <>
              <Checkbox checked={overMarked} onChange={(e) => setOverMarked(e.target.checked)}>
                超额分解
              </Checkbox>
              {overMarked && (
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  style={{ marginTop: 8 }}
                  value={overReason}
                  onChange={(e) => setOverReason(e.target.value)}
                  placeholder="超额分解理由（至少4个字）"
                  aria-label="超额分解理由"
                />
              )}
            </>
          }
        />
      )}
      {kids.error && <Alert type="error" showIcon title={kids.error.message} />}
      <Table<TargetChildRegion>
        size="small"
        rowKey="regionCode"
        loading={kids.loading}
        dataSource={kids.data}
        pagination={false}
        scroll={{ y: 420 }}
        data-testid="allocation-table"
        columns={[
          {
            title: '下级区划',
            dataIndex: 'regionName',
            render: (n: string, r) => (
              <span>
                {n} {r.directlyAdministered && <Tag>省直管</Tag>}
              </span>
            ),
          },
          {
            title: `分解产能（${target.unitName}）`,
            key: 'q',
            width: 190,
            render: (_, r) =>
              r.blockedBy ? (
                <Typography.Text type="secondary">{r.blockedBy}</Typography.Text>
              ) : (
                <InputNumber
                  min={0}
                  style={{ width: 170 }}
                  value={shares[r.regionCode]?.quantity ?? undefined}
                  onChange={(v) => set(r.regionCode, { quantity: v ?? null })}
                  aria-label={`分解产能：${r.regionName}`}
                />
              ),
          },
          {
            title: '企业数',
            key: 'e',
            width: 110,
            render: (_, r) =>
              r.blockedBy ? null : (
                <InputNumber
                  min={0}
                  precision={0}
                  style={{ width: 90 }}
                  value={shares[r.regionCode]?.enterpriseCount ?? undefined}
                  onChange={(v) => set(r.regionCode, { enterpriseCount: v ?? null })}
                  aria-label={`企业数：${r.regionName}`}
                />
              ),
          },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
