import { CRITERION_LABELS, type Enterprise, type Line, type LineBody, LINE_STATUS_LABELS } from '@taotai/shared';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { useCatalogue } from '../catalogue/catalogue-api.ts';
import { enterpriseApi } from './enterprise-api.ts';
import { options } from './labels.tsx';

type Values = Omit<LineBody, 'plannedExitDate'> & { plannedExitDate: Dayjs | null };
const LINE_FIELDS = [
  ...['name', 'specification', 'quantity', 'capacity', 'capacityUnit', 'industryCode', 'criterion'],
  ...['basisItemId', 'basisText', 'commissioningYear', 'plannedExitDate', 'status', 'note'],
];

interface Props {
  enterprise: Enterprise;
  /** The line to edit, or null to add one. */
  line: Line | null;
  open: boolean;
  onClose: (saved: boolean) => void;
}

/** Add or edit a production line; the capacity unit follows the chosen industry. */
export function LineFormModal({ enterprise, line, open, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { industries, units, basisItems } = useCatalogue();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const industryCode = Form.useWatch('industryCode', form);
  const criterion = Form.useWatch('criterion', form);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    const base: Partial<Values> = line
      ? { ...line, plannedExitDate: line.plannedExitDate ? dayjs(line.plannedExitDate) : null }
      : { industryCode: enterprise.industryCode, quantity: 1, status: 'registered', specification: '', basisText: '', note: '' };
    if (!line) base.capacityUnit = industries.find((i) => i.code === enterprise.industryCode)?.unitCode;
    form.setFieldsValue(base);
  }, [open, line, enterprise.industryCode, industries, form]);

  // Basis items of this criterion for this industry, plus the general ones (no industry).
  const basisOptions = useMemo(
    () =>
      basisItems
        .filter((b) => b.active && (!criterion || b.criterion === criterion) && (!b.industryCode || b.industryCode === industryCode))
        .map((b) => ({ value: b.id, label: `${b.title}（${b.source}）` })),
    [basisItems, criterion, industryCode],
  );

  const onIndustryChange = (code: string) => {
    const unit = industries.find((i) => i.code === code)?.unitCode;
    if (unit) form.setFieldValue('capacityUnit', unit);
    form.setFieldValue('basisItemId', null);
  };

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: LineBody = {
      ...v,
      specification: v.specification ?? '',
      basisItemId: v.basisItemId ?? null,
      basisText: v.basisText ?? '',
      commissioningYear: v.commissioningYear ?? null,
      plannedExitDate: v.plannedExitDate ? v.plannedExitDate.format('YYYY-MM-DD') : null,
      note: v.note ?? '',
    };
    setSaving(true);
    setError(undefined);
    try {
      if (line) await enterpriseApi.updateLine(line.id, { ...body, version: line.version });
      else await enterpriseApi.addLine(enterprise.id, body);
      message.success(line ? '生产线已保存' : '生产线已添加');
      onClose(true);
    } catch (e) {
      if (applyFieldErrors(form, e, LINE_FIELDS)) return;
      setError(e instanceof ApiError && e.status === 409 ? `${e.message}（请关闭后刷新再编辑）` : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={line ? `编辑生产线（设备）：${line.name}` : '添加生产线（设备）'}
      open={open}
      width={760}
      onCancel={() => onClose(false)}
      onOk={save}
      okText="保存"
      confirmLoading={saving}
      mask={{ closable: false }}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values> form={form} layout="vertical">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="生产线（设备）名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写生产线（设备）名称' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="规格型号" name="specification">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="行业" name="industryCode" rules={[{ required: true, message: '请选择行业' }]}>
              <Select options={industries.map((i) => ({ value: i.code, label: i.name }))} onChange={onIndustryChange} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="数量（台/套）" name="quantity" rules={[{ required: true, message: '请填写数量' }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="产能" required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="capacity" noStyle rules={[{ required: true, message: '请填写产能' }]}>
                  <InputNumber min={0.0001} max={1e8} style={{ width: '60%' }} placeholder="数值" aria-label="产能" />
                </Form.Item>
                <Form.Item name="capacityUnit" noStyle rules={[{ required: true, message: '请选择产能单位' }]}>
                  <Select style={{ width: '40%' }} options={units.map((u) => ({ value: u.code, label: u.name }))} aria-label="产能单位" />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="不达标类别" name="criterion" rules={[{ required: true, message: '请选择不达标类别' }]}>
              <Select options={options(CRITERION_LABELS)} onChange={() => form.setFieldValue('basisItemId', null)} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="判定依据（目录条目）" name="basisItemId">
              <Select allowClear options={basisOptions} placeholder={criterion ? '从依据目录中选择' : '请先选择不达标类别'} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="判定依据说明" name="basisText" extra="目录中没有的标准或地方规定，在此写明名称与条款">
              <Input.TextArea rows={2} maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="投产年份" name="commissioningYear">
              <InputNumber min={1949} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="计划淘汰时间" name="plannedExitDate">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="状态" name="status">
              <Select options={options(LINE_STATUS_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="备注" name="note">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
