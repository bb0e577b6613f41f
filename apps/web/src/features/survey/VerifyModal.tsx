import { type SurveyFiling, type SurveyLine, VERIFICATION_RESULT_LABELS, type VerificationBody, type VerificationResult } from '@taotai/shared';
import { Alert, App, DatePicker, InputNumber, Modal, Select, Table, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtNumber } from '../../shared/format.ts';
import { options } from '../enterprise/labels.tsx';
import { surveyApi } from './survey-api.ts';

interface Props {
  open: boolean;
  survey: SurveyFiling;
  today: string | undefined;
  unitName: (code: string) => string;
  onClose: (saved: boolean) => void;
}

type Item = { result: VerificationResult; foundCapacity: number | null; note: string };

/**
 * 现场核查: one result per line — 核实无误 / 现场未发现 / 与上报不符 (with the capacity found). Findings send
 * the filing back to the filer with the list as the reason; the server writes that sentence.
 */
export function VerifyModal({ open, survey, today, unitName, onClose }: Props) {
  const { message } = App.useApp();
  const [items, setItems] = useState<Record<number, Item>>({});
  const [on, setOn] = useState<Dayjs>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    setOn(today ? dayjs(today) : undefined);
    setItems(Object.fromEntries(survey.lines.map((l) => [l.id, { result: 'verified', foundCapacity: null, note: '' } satisfies Item])));
  }, [open, survey, today]);

  const set = (id: number, patch: Partial<Item>) => setItems((m) => ({ ...m, [id]: { ...m[id]!, ...patch } }));

  const save = async () => {
    const body: VerificationBody = {
      verifiedOn: on?.format('YYYY-MM-DD'),
      items: survey.lines.map((l) => {
        const it = items[l.id]!;
        return { surveyLineId: l.id, result: it.result, foundCapacity: it.result === 'discrepancy' ? it.foundCapacity : null, note: it.note.trim(), fileIds: [] };
      }),
    };
    setSaving(true);
    setError(undefined);
    try {
      const after = await surveyApi.verify(survey.filing.id, body);
      message.success(after.filing.status === 'returned' ? '核查发现问题，已退回报送单位' : '现场核查结果已保存');
      onClose(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={`现场核查：${survey.regionName}`} open={open} width={1100} onCancel={() => onClose(false)} onOk={save} okText="保存核查结果" confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph>
        核查日期：
        <DatePicker value={on} onChange={(d) => setOn(d ?? undefined)} allowClear={false} aria-label="核查日期" />
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          现场未发现或与上报不符的，保存后自动退回报送单位修改。
        </Typography.Text>
      </Typography.Paragraph>
      <Table<SurveyLine>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={survey.lines}
        data-testid="verify-table"
        columns={[
          { title: '企业', dataIndex: 'enterpriseName', width: 200, ellipsis: true },
          { title: '生产线（设备）', dataIndex: 'lineName', ellipsis: true },
          { title: '上报产能', key: 'cap', width: 120, align: 'right', render: (_, l) => `${fmtNumber(l.capacity)} ${unitName(l.capacityUnit)}` },
          {
            title: '核查结果',
            key: 'result',
            width: 140,
            render: (_, l) => (
              <Select
                size="small"
                style={{ width: 126 }}
                value={items[l.id]?.result}
                onChange={(v) => set(l.id, { result: v })}
                options={options(VERIFICATION_RESULT_LABELS)}
                aria-label={`核查结果：${l.lineName}`}
              />
            ),
          },
          {
            title: '核实产能',
            key: 'found',
            width: 170,
            render: (_, l) =>
              items[l.id]?.result === 'discrepancy' ? (
                <InputNumber
                  size="small"
                  min={0}
                  style={{ width: 156 }}
                  value={items[l.id]?.foundCapacity ?? undefined}
                  onChange={(v) => set(l.id, { foundCapacity: v ?? null })}
                  suffix={unitName(l.capacityUnit)}
                  aria-label={`核实产能：${l.lineName}`}
                />
              ) : (
                '—'
              ),
          },
          {
            title: '核查说明',
            key: 'note',
            width: 220,
            render: (_, l) => (
              <Input
                size="small"
                value={items[l.id]?.note}
                onChange={(e) => set(l.id, { note: e.target.value })}
                placeholder={items[l.id]?.result === 'verified' ? '可选' : '必填'}
                aria-label={`核查说明：${l.lineName}`}
              />
            ),
          },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
