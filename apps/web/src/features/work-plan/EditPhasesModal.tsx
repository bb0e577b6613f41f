import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { UpdateWorkPlanBody, WorkPlan } from '@taotai/shared';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { workPlanApi } from './work-plan-api.ts';

interface Props {
  open: boolean;
  plan: WorkPlan;
  onClose: (saved: WorkPlan | null) => void;
}

interface FormValues {
  title: string;
  phases: { id?: number; name: string; description: string; range: [Dayjs, Dayjs] }[];
}

/**
 * Adjusts phase dates (and, for a plan of its own making, names and phases). The server refuses what
 * the upper level's plan does not allow, or what would leave a lower plan outside; its sentence is shown as is.
 */
export function EditPhasesModal({ open, plan, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const copied = plan.origin === 'parent';

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.setFieldsValue({
      title: plan.title,
      phases: plan.phases.map((p) => ({ id: p.id, name: p.name, description: p.description, range: [dayjs(p.startDate), dayjs(p.endDate)] })),
    });
  }, [open, plan, form]);

  const save = async () => {
    const v = await form.validateFields();
    const body: UpdateWorkPlanBody = {
      version: plan.version,
      title: v.title,
      phases: v.phases.map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description ?? '',
        startDate: p.range[0].format('YYYY-MM-DD'),
        endDate: p.range[1].format('YYYY-MM-DD'),
      })),
    };
    setSaving(true);
    setError(undefined);
    try {
      const saved = await workPlanApi.update(plan.id, body);
      message.success('工作方案已保存');
      onClose(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="调整工作方案" open={open} width={860} onCancel={() => onClose(null)} onOk={save} okText="保存" confirmLoading={saving} destroyOnHidden>
      {copied && (
        <Typography.Paragraph type="secondary">
          本方案依据{plan.parentRegionName}工作方案制定，只能在上级阶段的起止时间内调整时间。
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="title" label="方案名称" rules={[{ required: true, message: '请填写方案名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.List name="phases">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => {
                const p = plan.phases[i];
                return (
                  <Space key={f.key} align="start" style={{ display: 'flex' }} wrap>
                    <Form.Item name={[f.name, 'id']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} label={i === 0 ? '阶段' : undefined} rules={[{ required: true, message: '请填写阶段名称' }]}>
                      <Input style={{ width: 140 }} disabled={copied} aria-label={`第${i + 1}阶段名称`} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'range']}
                      label={i === 0 ? '起止日期' : undefined}
                      rules={[{ required: true, message: '请选择起止日期' }]}
                      extra={copied && p?.parentStartDate ? `上级：${p.parentStartDate} 至 ${p.parentEndDate}` : undefined}
                    >
                      <DatePicker.RangePicker aria-label={`第${i + 1}阶段起止日期`} data-testid={`phase-range-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} label={i === 0 ? '工作内容' : undefined}>
                      <Input style={{ width: 260 }} disabled={copied} />
                    </Form.Item>
                    {!copied && fields.length > 1 && (
                      <MinusCircleOutlined style={{ marginTop: i === 0 ? 38 : 8 }} onClick={() => remove(f.name)} aria-label="删除阶段" />
                    )}
                  </Space>
                );
              })}
              {!copied && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', description: '' })}>
                  添加阶段
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="plan-error" />}
    </Modal>
  );
}
