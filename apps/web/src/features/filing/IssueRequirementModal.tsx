import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FILING_AUDIENCE_LABELS,
  FILING_KIND_LABELS,
  type FilingKind,
  type FilingRequirement,
  type FilingRequirementBody,
  RECURRENCE_LABELS,
  type Recurrence,
} from '@taotai/shared';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { calendarApi } from '../calendar/calendar-api.ts';
import { options } from '../enterprise/labels.tsx';
import { regionApi } from '../region/region-tree-data.ts';
import { filingApi } from './filing-api.ts';

type DueMode = FilingRequirementBody['due']['mode'];

interface FormValues {
  kind: FilingKind;
  title: string;
  description?: string;
  audienceMode: FilingRequirementBody['audience']['mode'];
  regionCodes?: string[];
  agencyIds?: number[];
  recurrence: Recurrence;
  dueMode: DueMode;
  dueDate?: Dayjs;
  eventDate?: Dayjs;
  workingDays?: number;
  monthDay?: Dayjs;
  period?: [Dayjs, Dayjs];
  remindDaysBefore: number;
  fields?: { label: string; type: 'text' | 'number' | 'date'; required: boolean }[];
}

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

interface Props {
  open: boolean;
  year: number;
  today: string;
  onClose: (issued: FilingRequirement | null) => void;
}

/** 下达报送要求: what, to whom, by when (a date, or N working days after an event or each period), and reminders. */
export function IssueRequirementModal({ open, year, today, onClose }: Props) {
  const me = useMe();
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [computedDue, setComputedDue] = useState<string>();
  const kind = Form.useWatch('kind', form);
  const audienceMode = Form.useWatch('audienceMode', form);
  const recurrence = Form.useWatch('recurrence', form);
  const dueMode = Form.useWatch('dueMode', form);
  const eventDate = Form.useWatch('eventDate', form);
  const workingDays = Form.useWatch('workingDays', form);

  const children = useAsync(() => (open ? regionApi.children(me.regionCode) : Promise.resolve([])), [open, me.regionCode]);
  const agencies = useAsync(
    () => (open ? api.get<{ id: number; name: string; isGroupOffice: boolean }[]>(`/regions/${me.regionCode}/agencies`) : Promise.resolve([])),
    [open, me.regionCode],
  );

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue({ audienceMode: 'child_regions', recurrence: 'once', dueMode: 'fixed', remindDaysBefore: 3, workingDays: 10 });
  }, [open, form]);

  // The title follows the kind until the user writes their own.
  useEffect(() => {
    if (!kind) return;
    const t = form.getFieldValue('title') as string | undefined;
    const auto = Object.values(FILING_KIND_LABELS).some((l) => t === `${year}年${l}`);
    if (!t || auto) form.setFieldValue('title', `${year}年${FILING_KIND_LABELS[kind]}`);
  }, [kind, year, form]);

  // A recurring requirement is due relative to each period (or on a fixed day each year).
  useEffect(() => {
    if (!recurrence) return;
    const cur = form.getFieldValue('dueMode') as DueMode;
    const once = recurrence === 'once';
    if (once && (cur === 'after_period_end' || cur === 'month_day')) form.setFieldValue('dueMode', 'fixed');
    if (!once && (cur === 'fixed' || cur === 'after_event')) form.setFieldValue('dueMode', recurrence === 'yearly' ? 'month_day' : 'after_period_end');
  }, [recurrence, form]);

  // "N working days after the event" is shown as the date it lands on, using the holiday calendar.
  useEffect(() => {
    setComputedDue(undefined);
    if (dueMode !== 'after_event' || !eventDate || !workingDays) return;
    let live = true;
    calendarApi
      .addWorkingDays(fmt(eventDate), workingDays)
      .then((r) => live && setComputedDue(r.date))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [dueMode, eventDate, workingDays]);

  const save = async () => {
    const v = await form.validateFields();
    const due: FilingRequirementBody['due'] =
      v.dueMode === 'fixed'
        ? { mode: 'fixed', date: fmt(v.dueDate!) }
        : v.dueMode === 'after_event'
          ? { mode: 'after_event', eventDate: fmt(v.eventDate!), workingDays: v.workingDays! }
          : v.dueMode === 'after_period_end'
            ? { mode: 'after_period_end', workingDays: v.workingDays ?? 0 }
            : { mode: 'month_day', monthDay: v.monthDay!.format('MM-DD') };
    const audience: FilingRequirementBody['audience'] =
      v.audienceMode === 'selected_regions'
        ? { mode: 'selected_regions', regionCodes: v.regionCodes ?? [] }
        : v.audienceMode === 'member_agencies'
          ? { mode: 'member_agencies', agencyIds: v.agencyIds?.length ? v.agencyIds : undefined }
          : { mode: 'child_regions' };
    const body: FilingRequirementBody = {
      kind: v.kind,
      title: v.title,
      description: v.description ?? '',
      year,
      audience,
      recurrence: v.recurrence,
      due,
      startsOn: v.recurrence !== 'once' && v.period ? fmt(v.period[0]) : null,
      endsOn: v.recurrence !== 'once' && v.period ? fmt(v.period[1]) : null,
      requiredFields: (v.fields ?? []).map((f, i) => ({ key: `field${i + 1}`, label: f.label, type: f.type, required: f.required })),
      attachmentRequired: false,
      remindDaysBefore: v.remindDaysBefore,
    };
    setSaving(true);
    setError(undefined);
    try {
      const issued = await filingApi.issue(body);
      message.success('报送要求已下达');
      onClose(issued);
    } catch (e) {
      applyFieldErrors(form, e, ['kind', 'title', 'recurrence', 'remindDaysBefore']);
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const once = recurrence === 'once';
  const pastDay = (d: Dayjs) => fmt(d) < today;
  return (
    <Modal title={`下达${year}年报送要求`} open={open} width={760} onCancel={() => onClose(null)} onOk={save} okText="下达" confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="kind" label="报送种类" rules={[{ required: true, message: '请选择报送种类' }]} style={{ width: 220 }}>
            <Select options={options(FILING_KIND_LABELS)} placeholder="请选择" />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, min: 2, message: '标题至少2个字' }]} style={{ width: 460 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Space>
        <Form.Item name="audienceMode" label="报送对象">
          <Radio.Group
            options={(Object.keys(FILING_AUDIENCE_LABELS) as (keyof typeof FILING_AUDIENCE_LABELS)[]).map((k) => ({
              value: k,
              label: FILING_AUDIENCE_LABELS[k],
              disabled: k === 'member_agencies' && kind === 'survey_result',
            }))}
          />
        </Form.Item>
        {audienceMode === 'selected_regions' && (
          <Form.Item name="regionCodes" label="指定区划" rules={[{ required: true, message: '请至少选择一个区划' }]}>
            <Select
              mode="multiple"
              loading={children.loading}
              options={children.data?.map((r) => ({ value: r.code, label: r.name }))}
              placeholder="选择下级区划"
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
        {audienceMode === 'member_agencies' && (
          <Form.Item name="agencyIds" label="成员单位" extra="不选则下达给本级领导小组全部成员单位">
            <Select
              mode="multiple"
              loading={agencies.loading}
              options={agencies.data?.filter((a) => !a.isGroupOffice).map((a) => ({ value: a.id, label: a.name }))}
              placeholder="全部成员单位"
            />
          </Form.Item>
        )}
        <Space style={{ display: 'flex' }} align="start" wrap>
          <Form.Item name="recurrence" label="报送频次" style={{ width: 160 }}>
            <Select options={options(RECURRENCE_LABELS).filter((o) => kind !== 'survey_result' || o.value === 'once' || o.value === 'yearly')} />
          </Form.Item>
          <Form.Item name="dueMode" label="截止时间">
            <Radio.Group
              options={
                once
                  ? [
                      { value: 'fixed', label: '指定日期' },
                      { value: 'after_event', label: '事件后N个工作日' },
                    ]
                  : [
                      { value: 'after_period_end', label: '每期结束后N个工作日' },
                      ...(recurrence === 'yearly' ? [{ value: 'month_day', label: '每年固定日期' }] : []),
                    ]
              }
            />
          </Form.Item>
        </Space>
        <Space style={{ display: 'flex' }} align="start" wrap>
          {dueMode === 'fixed' && (
            <Form.Item name="dueDate" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
              <DatePicker disabledDate={pastDay} aria-label="截止日期" />
            </Form.Item>
          )}
          {dueMode === 'after_event' && (
            <Form.Item name="eventDate" label="事件日期（如印发日期）" rules={[{ required: true, message: '请选择事件日期' }]}>
              <DatePicker />
            </Form.Item>
          )}
          {(dueMode === 'after_event' || dueMode === 'after_period_end') && (
            <Form.Item
              name="workingDays"
              label="工作日数"
              rules={[{ required: true, message: '请填写工作日数' }]}
              extra={dueMode === 'after_event' && computedDue ? `截止日期：${computedDue}` : undefined}
            >
              <InputNumber min={dueMode === 'after_event' ? 1 : 0} max={120} suffix="个工作日" style={{ width: 160 }} />
            </Form.Item>
          )}
          {dueMode === 'month_day' && (
            <Form.Item name="monthDay" label="每年截止日" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker format="MM-DD" />
            </Form.Item>
          )}
          {!once && (
            <Form.Item name="period" label="报送起止期间" rules={[{ required: true, message: '请选择报送起止期间' }]}>
              <DatePicker.RangePicker defaultPickerValue={[dayjs(today), dayjs(today)]} />
            </Form.Item>
          )}
          <Form.Item name="remindDaysBefore" label="提前提醒" extra="截止前N个工作日提醒未报送单位，逾期再提醒一次">
            <InputNumber min={0} max={20} suffix="个工作日" style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="报送说明">
          <Input.TextArea rows={2} maxLength={2000} placeholder="报送内容、格式、联系人等" />
        </Form.Item>
        {kind !== 'survey_result' && (
          <>
            <Typography.Text strong>填报项</Typography.Text>
            <Typography.Text type="secondary">（报送单位逐项填写；不设则只填写说明）</Typography.Text>
            <Form.List name="fields">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                      <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写字段名称' }]} style={{ marginBottom: 0 }}>
                        <Input placeholder="字段名称，如 联系人" style={{ width: 220 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'type']} initialValue="text" style={{ marginBottom: 0 }}>
                        <Select
                          style={{ width: 100 }}
                          options={[
                            { value: 'text', label: '文本' },
                            { value: 'number', label: '数字' },
                            { value: 'date', label: '日期' },
                          ]}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'required']} valuePropName="checked" initialValue style={{ marginBottom: 0 }}>
                        <Checkbox>必填</Checkbox>
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除填报项" />
                    </Space>
                  ))}
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()} style={{ marginTop: 8 }}>
                    添加填报项
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="issue-error" />}
    </Modal>
  );
}
