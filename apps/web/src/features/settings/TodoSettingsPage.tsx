import { TODO_REMIND_WORKING_DAYS_MAX, TodoSettings } from '@taotai/shared';
import { Alert, App, Button, Card, Form, InputNumber, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';

const FIELD = TodoSettings.shape.remindWorkingDaysBefore;

/**
 * 待办提醒设置 (issue 11 "待办"): how many working days before a to-do falls due its one reminder goes out.
 * The field is checked with the shared contract, so the page and the server refuse with the same Chinese words.
 */
export default function TodoSettingsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<TodoSettings>();
  const current = useAsync(() => api.get<TodoSettings>('/settings/todo'), []);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);

  const save = async () => {
    let v: TodoSettings;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const saved = await api.put<TodoSettings>('/settings/todo', v);
      form.setFieldsValue(saved);
      message.success('待办提醒设置已保存');
    } catch (e) {
      if (!applyFieldErrors(form, e, ['remindWorkingDaysBefore'])) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (current.loading && !current.data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (current.error) return <Alert type="error" showIcon title={current.error.message} />;

  return (
    <Card
      title="待办到期提醒"
      extra={
        <Button type="primary" loading={saving} onClick={save} data-testid="todo-settings-save">
          保存
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Typography.Paragraph type="secondary">
        待办事项（审批、发布、结束批次等）在到期前按此提前量发送一次提醒，超期当日再提醒一次；工作日按节假日设置计算。
      </Typography.Paragraph>
      <Form<TodoSettings> form={form} layout="vertical" style={{ maxWidth: 360 }}>
        <Form.Item
          label="到期前提醒工作日数"
          name="remindWorkingDaysBefore"
          extra={`0～${TODO_REMIND_WORKING_DAYS_MAX} 的整数；0 表示到期当日提醒`}
          rules={[
            {
              validator: async (_r, value) => {
                const r = FIELD.safeParse(value ?? undefined);
                if (!r.success) throw new Error(r.error.issues[0]?.message ?? '格式不正确');
              },
            },
          ]}
        >
          <InputNumber style={{ width: '100%' }} suffix="个工作日" />
        </Form.Item>
      </Form>
    </Card>
  );
}
