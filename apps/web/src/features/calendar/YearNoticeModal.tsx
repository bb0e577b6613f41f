import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { YearNoticeBody } from '@taotai/shared';
import { App, Button, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { calendarApi } from './calendar-api.ts';

interface FormValues {
  holidays: { name: string; range: [Dayjs, Dayjs] }[];
  workdays: { name: string; date: Dayjs }[];
}

const toForm = (n: YearNoticeBody): FormValues => ({
  holidays: n.holidays.map((h) => ({ name: h.name, range: [dayjs(h.from), dayjs(h.to)] })),
  workdays: n.workdays.map((w) => ({ name: w.name, date: dayjs(w.date) })),
});

interface Props {
  open: boolean;
  year: number;
  initial: YearNoticeBody;
  onClose: (saved: boolean) => void;
}

/** The admin types in the State Council notice for a year: holiday ranges and adjusted workdays. */
export function YearNoticeModal({ open, year, initial, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) form.setFieldsValue(toForm(initial.holidays.length ? initial : { holidays: [{ name: '', from: '', to: '' }], workdays: [] }));
  }, [open, initial, form]);

  const save = async () => {
    const v = await form.validateFields();
    const body: YearNoticeBody = {
      holidays: v.holidays.map((h) => ({ name: h.name, from: h.range[0].format('YYYY-MM-DD'), to: h.range[1].format('YYYY-MM-DD') })),
      workdays: (v.workdays ?? []).map((w) => ({ name: w.name, date: w.date.format('YYYY-MM-DD') })),
    };
    setSaving(true);
    try {
      await calendarApi.enterNotice(year, body);
      message.success(`${year}年放假安排已保存`);
      onClose(true);
    } catch (e) {
      // The message names the row (第N项…); the field marks are a bonus where the path matches a form item.
      applyFieldErrors(form, e, ['holidays', 'workdays']);
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const inYear = (d: Dayjs) => d.year() !== year;

  return (
    <Modal
      title={`录入${year}年节假日安排`}
      open={open}
      width={720}
      onCancel={() => onClose(false)}
      onOk={save}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">按国务院办公厅关于{year}年部分节假日安排的通知逐项填写；保存后替换该年度原有数据。</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Typography.Text strong>放假安排</Typography.Text>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写节日名称' }]} style={{ marginBottom: 0 }}>
                    <Input placeholder="节日，如 春节" style={{ width: 160 }} aria-label="节日名称" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'range']} rules={[{ required: true, message: '请选择放假起止日期' }]} style={{ marginBottom: 0 }}>
                    <DatePicker.RangePicker disabledDate={inYear} aria-label="放假起止日期" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginTop: 8 }}>
                添加放假安排
              </Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>调休上班日</Typography.Text>
        </div>
        <Form.List name="workdays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写调休说明' }]} style={{ marginBottom: 0 }}>
                    <Input placeholder="如 春节调休" style={{ width: 160 }} aria-label="调休说明" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: '请选择日期' }]} style={{ marginBottom: 0 }}>
                    <DatePicker disabledDate={inYear} aria-label="调休上班日期" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginTop: 8 }}>
                添加调休上班日
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
