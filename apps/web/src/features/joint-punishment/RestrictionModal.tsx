import { RESTRICTION_DOMAIN_LABELS, RESTRICTION_DOMAINS } from '@taotai/shared';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';

interface Values {
  domain: string;
  measure: string;
  appliedOn: Dayjs;
  documentNo?: string;
}

/** A department records the restriction it applied (领域、措施、实施日期、文号). */
export function RestrictionModal({ entryId, open, onClose, onDone }: { entryId: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.post(`/joint-punishment/${entryId}/restrictions`, { ...v, appliedOn: v.appliedOn.format('YYYY-MM-DD') });
      message.success('惩戒措施已记录');
      onDone();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['domain', 'measure', 'appliedOn', 'documentNo'])) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="记录惩戒措施" open={open} onCancel={onClose} onOk={submit} okText="记录" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="domain" label="领域" rules={[{ required: true, message: '请选择领域' }]}>
          <Select options={RESTRICTION_DOMAINS.map((d) => ({ value: d, label: RESTRICTION_DOMAIN_LABELS[d] }))} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="measure" label="措施" rules={[{ required: true, whitespace: true, message: '请填写措施' }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder="如：暂停新增用地审批" />
        </Form.Item>
        <Form.Item name="appliedOn" label="实施日期" rules={[{ required: true, message: '请选择实施日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="documentNo" label="文号">
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
