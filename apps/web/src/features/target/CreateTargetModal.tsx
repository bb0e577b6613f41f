import type { Target, TargetCreateBody } from '@taotai/shared';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/session.tsx';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { unitName, useCatalogue } from '../catalogue/catalogue-api.ts';
import { targetApi } from './target-api.ts';

interface Props {
  open: boolean;
  year: number;
  onClose: (created: Target | null) => void;
}

interface Values {
  industryCode: string;
  quantity: number;
  enterpriseCount?: number;
  deadline?: Dayjs;
  source?: string;
  note?: string;
}

/** 录入目标任务: a target received from above (the province's from the state), in the industry's own unit. */
export function CreateTargetModal({ open, year, onClose }: Props) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { industries, units } = useCatalogue();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const industry = Form.useWatch('industryCode', form);
  const unitCode = industries.find((i) => i.code === industry)?.unitCode;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ deadline: dayjs(`${year}-12-31`) });
      setError(undefined);
    }
  }, [open, year, form]);

  const save = async () => {
    const v = await form.validateFields();
    const body: TargetCreateBody = {
      regionCode: me.regionCode,
      year,
      industryCode: v.industryCode,
      unitCode: unitCode!,
      quantity: v.quantity,
      enterpriseCount: v.enterpriseCount ?? null,
      deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
      source: v.source?.trim() ?? '',
      note: v.note?.trim() ?? '',
    };
    setSaving(true);
    setError(undefined);
    try {
      const t = await targetApi.create(body);
      message.success('目标任务已录入');
      onClose(t);
    } catch (e) {
      applyFieldErrors(form, e, ['industryCode', 'quantity', 'enterpriseCount', 'deadline', 'source', 'note']);
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={`录入${me.regionName}${year}年目标任务`} open={open} onCancel={() => onClose(null)} onOk={save} okText="录入" confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="industryCode" label="行业" rules={[{ required: true, message: '请选择行业' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={industries.map((i) => ({ value: i.code, label: i.name }))} placeholder="请选择" />
        </Form.Item>
        <Space align="start">
          <Form.Item name="quantity" label="淘汰产能目标" rules={[{ required: true, message: '请填写目标产能' }]}>
            <InputNumber min={0} style={{ width: 200 }} suffix={unitCode ? unitName(units, unitCode) : undefined} />
          </Form.Item>
          <Form.Item name="enterpriseCount" label="涉及企业数">
            <InputNumber min={0} precision={0} style={{ width: 140 }} suffix="家" />
          </Form.Item>
        </Space>
        <Form.Item name="deadline" label="完成期限">
          <DatePicker />
        </Form.Item>
        <Form.Item name="source" label="下达文号">
          <Input maxLength={200} placeholder="如 豫工信〔2026〕12号" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
