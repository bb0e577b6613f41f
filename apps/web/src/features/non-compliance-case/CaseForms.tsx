import { type Case, REINSPECTION_RESULT_LABELS } from '@taotai/shared';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { caseApi } from './case-api.ts';

interface ModalProps {
  c: Case;
  open: boolean;
  onClose: (changed: boolean) => void;
}

/** 申请延期: the enterprise (or its office) asks, before the deadline, for at most 3 months; one is granted at most. */
export function ExtensionModal({ c, open, onClose }: ModalProps) {
  const [form] = Form.useForm<{ months: number; reason: string }>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async (v: { months: number; reason: string }) => {
    setBusy(true);
    setRefusal(null);
    try {
      await caseApi.requestExtension(c.id, v);
      message.success('延期申请已提交，等待立案部门决定');
      onClose(true);
    } catch (e) {
      // The server names why (more than 3 months, a second extension, past the deadline): shown where it was asked.
      applyFieldErrors(form, e, ['months', 'reason']);
      setRefusal(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="申请延期" open={open} onCancel={() => onClose(false)} onOk={() => form.submit()} okText="提交申请" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ months: 3 }} preserve={false}>
        <Alert type="info" showIcon title={`整改期限：${c.deadline ?? '—'}。延期须在期限届满前申请，不超过3个月，每个案件只能批准一次。`} style={{ marginBottom: 16 }} />
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="extension-refusal" />}
        <Form.Item name="months" label="延期月数" rules={[{ required: true, message: '请填写延期月数' }]}>
          <InputNumber min={1} max={12} precision={0} style={{ width: 160 }} aria-label="延期月数" data-testid="extension-months" />
        </Form.Item>
        <Form.Item name="reason" label="延期理由" rules={[{ required: true, message: '请填写延期理由' }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="extension-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ReinspectionValues {
  inspectedOn: Dayjs;
  inspectors: string;
  findings: string;
  result: 'passed' | 'failed';
  closureDecisionNo?: string;
}

/** 复查: who, when, what was found; passed → 整改合格, failed → 责令关闭 with the closure decision's number. */
export function ReinspectionModal({ c, open, onClose }: ModalProps) {
  const [form] = Form.useForm<ReinspectionValues>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const result = Form.useWatch('result', form);
  const submit = async (v: ReinspectionValues) => {
    setBusy(true);
    try {
      await caseApi.reinspect(c.id, { ...v, inspectedOn: v.inspectedOn.format('YYYY-MM-DD'), closureDecisionNo: v.result === 'failed' ? v.closureDecisionNo : null });
      message.success(v.result === 'passed' ? '复查合格，案件已结案' : '复查不合格，已责令关闭');
      onClose(true);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['inspectedOn', 'inspectors', 'findings', 'result', 'closureDecisionNo'])) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="录入复查结论" open={open} onCancel={() => onClose(false)} onOk={() => form.submit()} okText="保存" confirmLoading={busy} destroyOnHidden>
      <Form<ReinspectionValues> form={form} layout="vertical" onFinish={submit} initialValues={{ inspectedOn: dayjs() }} preserve={false}>
        <Form.Item name="inspectedOn" label="复查日期" rules={[{ required: true, message: '请选择复查日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="inspectors" label="复查人员" rules={[{ required: true, message: '请填写复查人员' }]}>
          <Input maxLength={200} data-testid="reinspection-inspectors" />
        </Form.Item>
        <Form.Item name="findings" label="复查情况" rules={[{ required: true, message: '请填写复查情况' }]}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="reinspection-findings" />
        </Form.Item>
        <Form.Item name="result" label="复查结论" rules={[{ required: true, message: '请选择复查结论' }]}>
          <Radio.Group options={(['passed', 'failed'] as const).map((r) => ({ value: r, label: REINSPECTION_RESULT_LABELS[r] }))} data-testid="reinspection-result" />
        </Form.Item>
        {result === 'failed' && (
          <Form.Item name="closureDecisionNo" label="关闭决定文号" rules={[{ required: true, message: '请填写关闭决定文号' }]}>
            <Input maxLength={100} placeholder="如：巩政关〔2026〕1号" data-testid="reinspection-closure-no" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
