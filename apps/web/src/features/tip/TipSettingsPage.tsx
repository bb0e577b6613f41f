import { TIP_DEFAULT_DEADLINE_WORKING_DAYS, type TipSettings } from '@taotai/shared';
import { Form, InputNumber, Typography } from 'antd';
import { SettingsFrame, useSettingsForm } from '../settings/settings-form.tsx';
import { tipApi } from './tip-api.ts';

type Values = Pick<TipSettings, 'deadlineWorkingDays'>;

/** 举报办理时限: the region's working days for the check and the reply (issue 13; default 15, 1–60). */
export default function TipSettingsPage() {
  const { form, current, saving, error, save } = useSettingsForm<TipSettings, Values>({
    load: () => tipApi.settings(),
    deps: [],
    store: (v) => tipApi.saveSettings(v.deadlineWorkingDays),
    fields: ['deadlineWorkingDays'],
    savedText: '举报办理时限已保存',
  });
  return (
    <SettingsFrame current={current} title="举报办理时限" saving={saving} error={error} onSave={save} saveTestId="tip-settings-save">
      <Typography.Paragraph type="secondary">
        本地区受理的举报自受理之日起按此工作日数核查并答复举报人；可延期一次。逾期未办结的提级由上一级督办。新受理的举报适用新时限。未单独设置的地区为 {TIP_DEFAULT_DEADLINE_WORKING_DAYS} 个工作日。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 360 }}>
        <Form.Item
          label="办理时限（工作日）"
          name="deadlineWorkingDays"
          extra="1～60 的整数"
          rules={[{ required: true, type: 'integer', min: 1, max: 60, message: '办理时限应为 1～60 个工作日' }]}
        >
          <InputNumber style={{ width: '100%' }} suffix="个工作日" data-testid="tip-settings-days" />
        </Form.Item>
      </Form>
    </SettingsFrame>
  );
}
