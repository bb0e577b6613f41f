import {
  INSPECTION_CHECK_LABELS,
  INSPECTION_CHECKS,
  INSPECTION_CONCLUSION_LABELS,
  INSPECTION_CONCLUSIONS,
  type InspectionConclusion,
  type InspectionRecord,
  type InspectionRound,
} from '@taotai/shared';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { inspectionApi } from './inspection-api.ts';
import { linesText } from './lines-text.ts';

interface Values {
  checks: string[];
  notes?: string;
  inspectedOn: Dayjs;
  conclusion: InspectionConclusion;
  reasons?: string;
}

/**
 * The inspection record of one enterprise: the four checks, notes, date and conclusion. Passing accepts
 * all its exit tasks awaiting acceptance; failing sends them back with the reasons.
 */
export function ConcludeModal(props: { round: InspectionRound; record: InspectionRecord; today: string; onClose: () => void; onDone: (r: InspectionRound) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const conclusion = Form.useWatch('conclusion', form);
  const checks = Form.useWatch('checks', form) ?? [];
  const unmet = INSPECTION_CHECKS.filter((c) => !checks.includes(c));
  const r = props.record;

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const round = await inspectionApi.conclude(props.round.id, r.id, {
        version: r.version,
        equipmentDismantled: v.checks.includes('equipmentDismantled'),
        powerCut: v.checks.includes('powerCut'),
        destinationDocumented: v.checks.includes('destinationDocumented'),
        workersPlaced: v.checks.includes('workersPlaced'),
        notes: v.notes?.trim() ?? '',
        inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
        conclusion: v.conclusion,
        reasons: v.reasons?.trim() || undefined,
      });
      message.success(v.conclusion === 'pass' ? `${r.enterpriseName}通过验收，退出任务已验收` : `${r.enterpriseName}未通过验收，退出任务已退回整改`);
      props.onDone(round);
    } catch (e) {
      // Checklist items are one group in the form; their server messages go to the top.
      if (!applyFieldErrors(form, e, ['notes', 'inspectedOn', 'conclusion', 'reasons'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={`检查记录：${r.enterpriseName}`} open width={720} onCancel={props.onClose} onOk={save} okText="作出结论" confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph type="secondary">待验收的生产线（设备）：{linesText(r.lines)}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ checks: [], inspectedOn: dayjs(props.today), conclusion: 'pass' }}>
        <Form.Item name="checks" label="现场检查情况（逐项确认）">
          <Checkbox.Group
            data-testid="checklist"
            style={{ display: 'grid', gap: 8 }}
            options={INSPECTION_CHECKS.map((c) => ({ value: c, label: INSPECTION_CHECK_LABELS[c] }))}
          />
        </Form.Item>
        <Form.Item name="notes" label="检查说明">
          <Input.TextArea rows={2} maxLength={2000} placeholder="现场核实情况、设备去向凭证、职工安置情况等" />
        </Form.Item>
        <Form.Item name="inspectedOn" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(props.today), 'day')} />
        </Form.Item>
        <Form.Item name="conclusion" label="验收结论" rules={[{ required: true }]}>
          <Radio.Group options={INSPECTION_CONCLUSIONS.map((c) => ({ value: c, label: INSPECTION_CONCLUSION_LABELS[c] }))} data-testid="conclusion" />
        </Form.Item>
        {conclusion === 'pass' && unmet.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`通过验收须全部检查项符合要求，尚未确认：${unmet.map((c) => INSPECTION_CHECK_LABELS[c]).join('；')}`} />
        )}
        {conclusion === 'fail' && (
          <Form.Item name="reasons" label="不通过的原因（将退回退出任务要求整改）" rules={[{ required: true, whitespace: true, message: '请填写不通过的原因' }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="reasons" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
