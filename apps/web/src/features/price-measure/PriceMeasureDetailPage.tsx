import {
  PRICE_DELIVERY_EVENT_LABELS,
  PRICE_DELIVERY_STATUS_LABELS,
  PRICE_MEASURE_KIND_LABELS,
  type PriceDelivery,
  type PriceDeliveryEvent,
} from '@taotai/shared';
import { App, Button, DatePicker, Form, Input, Modal, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { LIFECYCLE_CHANGED, TransitionActions } from '../../shared/TransitionActions.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { DELIVERY_STATUS_COLORS } from './price-measure-labels.ts';

interface StepValues {
  appliedMeasure?: string;
  effectiveOn?: Dayjs;
  removedOn?: Dayjs;
  reason?: string;
}

/** One delivery: what was sent to whom; the recipient acknowledges, applies (measure, date) and removes (date, reason). */
export default function PriceMeasureDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const d = useAsync(() => api.get<PriceDelivery>(`/price-measures/${id}`), [id]);
  const [step, setStep] = useState<'apply' | 'remove' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<StepValues>();

  const fire = async (p: PriceDelivery, event: PriceDeliveryEvent, extra: Record<string, unknown> = {}) => {
    setBusy(true);
    try {
      await api.post(`/price-measures/${p.id}/transition`, { event, version: p.version, ...extra });
      message.success(`已${PRICE_DELIVERY_EVENT_LABELS[event]}`);
      window.dispatchEvent(new Event(LIFECYCLE_CHANGED));
      d.reload();
      return true;
    } catch (e) {
      if (!applyFieldErrors(form, e, ['appliedMeasure', 'effectiveOn', 'removedOn', 'reason'])) message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return <DetailPage state={d} notFound="价格信贷措施不存在或无权访问" back={{ to: '/price-measures', label: '返回措施列表' }} render={view} />;

  function view(p: PriceDelivery): DetailView {
    const submitStep = async () => {
      const v = await form.validateFields();
      const extra =
        step === 'apply'
          ? { appliedMeasure: v.appliedMeasure, effectiveOn: v.effectiveOn?.format('YYYY-MM-DD') }
          : { removedOn: v.removedOn?.format('YYYY-MM-DD'), reason: v.reason };
      if (await fire(p, step!, extra)) setStep(null);
    };
    return {
      title: `${p.enterpriseName} · ${PRICE_MEASURE_KIND_LABELS[p.kind]}`,
      status: (
        <>
          <Tag color={DELIVERY_STATUS_COLORS[p.status]} data-testid="delivery-status">
            {PRICE_DELIVERY_STATUS_LABELS[p.status]}
          </Tag>
          {p.overdue && <Tag color="red">逾期</Tag>}
        </>
      ),
      actions: (
        <>
          <TransitionActions<PriceDeliveryEvent>
            events={p.availableEvents.filter((e) => e === 'acknowledge')}
            labels={PRICE_DELIVERY_EVENT_LABELS}
            noun="措施"
            busy={busy}
            confirm={{ acknowledge: '签收后请在期限内执行措施并登记执行日期。' }}
            onFire={(e) => fire(p, e)}
          />
          {p.availableEvents.includes('apply') && (
            <Button type="primary" onClick={() => setStep('apply')} data-testid="transition-apply">
              登记执行
            </Button>
          )}
          {p.availableEvents.includes('remove') && (
            <Button onClick={() => setStep('remove')} data-testid="transition-remove">
              登记解除
            </Button>
          )}
        </>
      ),
      columns: { md: 2, xl: 3 },
      facts: [
        { key: 'e', label: '企业', children: `${p.enterpriseName}（${p.uscc}）` },
        { key: 'r', label: '所在地', children: p.regionName },
        { key: 'c', label: '列入依据', children: p.caseDecisionNo || `案件 ${p.caseId}` },
        { key: 'k', label: '措施', children: PRICE_MEASURE_KIND_LABELS[p.kind] },
        { key: 's', label: '加价标准', children: p.surchargePerKwh === null ? '—' : `${p.surchargePerKwh} 元/千瓦时` },
        { key: 'to', label: '接收单位', children: p.recipientName },
        { key: 'from', label: '送达单位', children: p.senderName ?? '领导小组办公室' },
        { key: 'at', label: '送达时间', children: fmtDateTime(p.sentAt) },
        { key: 'due', label: '办理期限', children: p.dueOn ?? '—' },
        { key: 'ack', label: '签收时间', children: fmtDateTime(p.acknowledgedAt) },
        { key: 'am', label: '执行措施', children: p.appliedMeasure ?? '—' },
        { key: 'eff', label: '执行日期', children: p.effectiveOn ?? '—' },
        { key: 'rm', label: '解除日期', children: p.removedOn ?? '—' },
        { key: 'rr', label: '解除原因', children: p.removalReason ?? '—' },
        { key: 'n', label: '说明', children: p.note || '—' },
      ],
      notice: <Link to={`/enterprises/${p.enterpriseId}`}>查看企业台账</Link>,
      history: { path: `/price-measures/${p.id}`, version: p.version },
      modals: (
        <Modal
          title={step === 'apply' ? '登记执行' : '登记解除'}
          open={step !== null}
          onCancel={() => setStep(null)}
          onOk={submitStep}
          okText={step === 'apply' ? '执行' : '解除'}
          confirmLoading={busy}
          destroyOnHidden
        >
          <Form form={form} layout="vertical" preserve={false}>
            {step === 'apply' ? (
              <>
                <Form.Item name="appliedMeasure" label="执行的措施" rules={[{ required: true, message: '请填写执行的措施' }]}>
                  <Input.TextArea rows={2} maxLength={500} placeholder="如：自4月1日起执行惩罚性电价，每千瓦时加价0.30元" />
                </Form.Item>
                <Form.Item name="effectiveOn" label="执行日期" rules={[{ required: true, message: '请选择执行日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </>
            ) : (
              <>
                <Form.Item name="removedOn" label="解除日期" rules={[{ required: true, message: '请选择解除日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="reason" label="解除原因" rules={[{ required: true, message: '请填写解除原因' }]}>
                  <Input.TextArea rows={2} maxLength={500} placeholder="如：复查整改合格，案件结案" />
                </Form.Item>
              </>
            )}
          </Form>
        </Modal>
      ),
    };
  }
}
