import type { Filing, FilingRequirement } from '@taotai/shared';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { filingApi } from './filing-api.ts';

interface Props {
  open: boolean;
  requirement: FilingRequirement;
  periodKey: string;
  /** Set when resubmitting a returned filing: the form starts from what was sent. */
  previous: Filing | null;
  onClose: (done: boolean) => void;
}

type Values = Record<string, string | number | Dayjs | undefined> & { note?: string };

/** Fills in a requirement's fields (text, number, date) and a note, then submits — or resubmits after a return. */
export function SubmitFilingModal({ open, requirement, periodKey, previous, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const fields = requirement.requiredFields;

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    if (previous) {
      const init: Values = { note: previous.note };
      for (const f of fields) {
        const v = previous.values[f.key];
        init[f.key] = f.type === 'date' && typeof v === 'string' && v ? dayjs(v) : v;
      }
      form.setFieldsValue(init);
    }
  }, [open, previous, fields, form]);

  const save = async () => {
    const v = await form.validateFields();
    const values: Record<string, string | number> = {};
    for (const f of fields) {
      const x = v[f.key];
      if (x === undefined || x === null || x === '') continue;
      values[f.key] = dayjs.isDayjs(x) ? x.format('YYYY-MM-DD') : (x as string | number);
    }
    setSaving(true);
    setError(undefined);
    try {
      if (previous) await filingApi.resubmit(previous.id, { values, note: v.note ?? '', fileIds: [] });
      else await filingApi.submit(requirement.id, { periodKey, values, note: v.note ?? '' });
      message.success(previous ? '已重新报送' : '已报送');
      onClose(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const period = requirement.periods.find((p) => p.key === periodKey);
  return (
    <Modal
      title={`${previous ? '重新报送' : '报送'}：${requirement.title}`}
      open={open}
      width={640}
      onCancel={() => onClose(false)}
      onOk={save}
      okText={previous ? '重新报送' : '报送'}
      confirmLoading={saving}
      destroyOnHidden
    >
      {period && requirement.recurrence !== 'once' && <Typography.Paragraph>期次：{period.label}</Typography.Paragraph>}
      {previous?.returnReason && <Alert type="warning" showIcon title="退回原因" description={previous.returnReason} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {fields.map((f) => (
          <Form.Item key={f.key} name={f.key} label={f.label} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}>
            {f.type === 'number' ? <InputNumber style={{ width: 220 }} /> : f.type === 'date' ? <DatePicker /> : <Input maxLength={5000} />}
          </Form.Item>
        ))}
        <Form.Item name="note" label="报送说明" rules={fields.length ? [] : [{ required: true, message: '请填写报送内容' }]}>
          <Input.TextArea rows={4} maxLength={2000} placeholder={requirement.description || '报送内容或情况说明'} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
