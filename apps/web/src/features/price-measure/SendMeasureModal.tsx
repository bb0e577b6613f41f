import { POWER_PRICE_KINDS, PRICE_MEASURE_KIND_LABELS, PRICE_MEASURE_KINDS, type PriceDelivery, type PriceMeasureKind } from '@taotai/shared';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { EnterpriseSearch } from './EnterpriseSearch.tsx';

interface Values {
  enterpriseId: number;
  kind: PriceMeasureKind;
  surchargePerKwh?: number | null;
  note?: string;
}

const isPower = (k: PriceMeasureKind | undefined) => !!k && (POWER_PRICE_KINDS as readonly string[]).includes(k);

/** 送达价格、信贷措施: a listed enterprise (yellow or red case) to 供电, the price department or 人民银行. */
export function SendMeasureModal({ open, onClose, onSent }: { open: boolean; onClose: () => void; onSent: (d: PriceDelivery) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const d = await api.post<PriceDelivery>('/price-measures', { ...v, surchargePerKwh: isPower(v.kind) ? v.surchargePerKwh : null });
      message.success(`已送达${d.recipientName}`);
      form.resetFields();
      onSent(d);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['enterpriseId', 'kind', 'surchargePerKwh', 'note'])) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="送达价格、信贷措施" open={open} onCancel={onClose} onOk={submit} okText="送达" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="enterpriseId" label="企业（须有黄牌或红牌案件）" rules={[{ required: true, message: '请选择企业' }]}>
          <EnterpriseSearch />
        </Form.Item>
        <Form.Item name="kind" label="措施" rules={[{ required: true, message: '请选择措施' }]}>
          <Select options={PRICE_MEASURE_KINDS.map((k) => ({ value: k, label: PRICE_MEASURE_KIND_LABELS[k] }))} placeholder="请选择" />
        </Form.Item>
        {isPower(kind) && (
          <Form.Item name="surchargePerKwh" label="加价标准（元/千瓦时）" rules={[{ required: true, message: '请填写每千瓦时加价标准' }]}>
            <InputNumber min={0.0001} max={10} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
