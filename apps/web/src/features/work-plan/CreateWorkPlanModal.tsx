import type { CreateWorkPlanBody, WorkPlan, WorkPlanTemplate } from '@taotai/shared';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { templateDate, workPlanApi } from './work-plan-api.ts';

interface Props {
  open: boolean;
  year: number;
  /** The upper level's plan this region follows now, if any: it can be copied and tightened. */
  upper: WorkPlan | null;
  onClose: (created: WorkPlan | null) => void;
}

interface FormValues {
  source: 'template' | 'parent';
  template?: WorkPlanTemplate;
  title?: string;
  ranges?: Record<string, [Dayjs, Dayjs]>;
}

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 制定本级工作方案: from a built-in template, or from the upper level's plan with dates only tightened. */
export function CreateWorkPlanModal({ open, year, upper, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const templates = useAsync(() => workPlanApi.templates(), []);
  const source = Form.useWatch('source', form);
  const template = Form.useWatch('template', form);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.setFieldsValue({
      source: upper ? 'parent' : 'template',
      template: 'standard',
      title: '',
      ranges: Object.fromEntries((upper?.phases ?? []).map((p) => [String(p.id), [dayjs(p.startDate), dayjs(p.endDate)]])),
    });
  }, [open, upper, form]);

  const chosen = templates.data?.find((t) => t.code === template);

  const save = async () => {
    const v = await form.validateFields();
    const title = v.title?.trim() || undefined;
    const body: CreateWorkPlanBody =
      v.source === 'parent'
        ? {
            source: 'parent',
            year,
            title,
            phases: (upper?.phases ?? []).map((p) => {
              const r = v.ranges?.[String(p.id)];
              return { parentPhaseId: p.id, startDate: r ? fmt(r[0]) : p.startDate, endDate: r ? fmt(r[1]) : p.endDate };
            }),
          }
        : { source: 'template', year, title, template: v.template! };
    setSaving(true);
    setError(undefined);
    try {
      const plan = await workPlanApi.create(body);
      message.success('工作方案已制定');
      onClose(plan);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`制定${year}年工作方案`}
      open={open}
      width={820}
      onCancel={() => onClose(null)}
      onOk={save}
      okText="制定"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="source" label="制定方式">
          <Radio.Group
            options={[
              { value: 'template', label: '按模板制定' },
              { value: 'parent', label: upper ? `依据${upper.regionName}工作方案制定` : '依据上级方案制定（上级尚未制定）', disabled: !upper },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label="方案名称" extra="不填则按“××市（县）××年落后产能退出工作方案”命名">
          <Input maxLength={100} placeholder="可选" />
        </Form.Item>
        {source === 'template' && (
          <>
            <Form.Item name="template" label="方案模板" rules={[{ required: true, message: '请选择方案模板' }]}>
              <Select loading={templates.loading} options={templates.data?.map((t) => ({ value: t.code, label: t.name }))} />
            </Form.Item>
            {chosen && (
              <>
                <Typography.Paragraph type="secondary">依据：{chosen.source}</Typography.Paragraph>
                <Table
                  size="small"
                  rowKey="name"
                  pagination={false}
                  dataSource={chosen.phases}
                  columns={[
                    { title: '阶段', dataIndex: 'name', width: 120 },
                    { title: '时间', key: 't', width: 220, render: (_, p) => `${templateDate(year, p.start)} 至 ${templateDate(year, p.end)}` },
                    { title: '工作内容', dataIndex: 'description' },
                  ]}
                />
              </>
            )}
          </>
        )}
        {source === 'parent' && upper && (
          <>
            <Typography.Paragraph type="secondary">
              各阶段名称沿用{upper.regionName}方案，时间可以提前或缩短，但不能超出上级阶段的起止时间。
            </Typography.Paragraph>
            {upper.phases.map((p) => (
              <Form.Item
                key={p.id}
                name={['ranges', String(p.id)]}
                label={`${p.name}（上级：${p.startDate} 至 ${p.endDate}）`}
                rules={[{ required: true, message: '请选择起止日期' }]}
              >
                <DatePicker.RangePicker />
              </Form.Item>
            ))}
          </>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="plan-error" />}
    </Modal>
  );
}
