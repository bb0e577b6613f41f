import { TODO_REMIND_WORKING_DAYS_MAX, TodoSettings } from '@taotai/shared';
import { Form, InputNumber, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { SettingsFrame, useSettingsForm } from './settings-form.tsx';

const FIELD = TodoSettings.shape.remindWorkingDaysBefore;

/**
 * 待办提醒设置 (issue 11 "待办"): how many working days before a to-do falls due its one reminder goes out.
 * The field is checked with the shared contract, so the page and the server refuse with the same Chinese words.
 */
export default function TodoSettingsPage() {
  const { form, current, saving, error, save } = useSettingsForm<TodoSettings, TodoSettings>({
    load: () => api.get<TodoSettings>('/settings/todo'),
    deps: [],
    store: (v) => api.put<TodoSettings>('/settings/todo', v),
    fields: ['remindWorkingDaysBefore'],
    savedText: '待办提醒设置已保存',
  });

  return (
    <SettingsFrame current={current} title="待办到期提醒" saving={saving} error={error} onSave={save} saveTestId="todo-settings-save">
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
    </SettingsFrame>
  );
}
