import type { SecuritySettings } from '@taotai/shared';
import { Card, Col, Form, InputNumber, Row, Switch } from 'antd';
import { api } from '../../shared/api.ts';
import { SettingsFrame, useSettingsForm } from './settings-form.tsx';

const FIELDS = ['passwordPolicy', 'lockout', 'idleTimeoutMinutes', 'sessionMaxHours', 'adminTotpRequired'];

const num = (label: string, name: (string | number)[], min: number, max: number, addon: string, extra?: string) => (
  <Form.Item label={label} name={name} rules={[{ required: true, message: `请填写${label}` }]} extra={extra}>
    <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} suffix={addon} />
  </Form.Item>
);

/** 安全设置: password policy, lockout after failed logins, session idle timeout and lifetime, TOTP for administrators. */
export default function SecuritySettingsPage() {
  const { form, current, saving, error, save } = useSettingsForm<SecuritySettings, SecuritySettings>({
    load: () => api.get<SecuritySettings>('/settings/security'),
    deps: [],
    store: (v) => api.put<SecuritySettings>('/settings/security', v),
    fields: FIELDS,
    savedText: '安全设置已保存',
  });

  return (
    <SettingsFrame current={current} title="安全设置" saving={saving} error={error} onSave={save}>
      <Form<SecuritySettings> form={form} layout="vertical">
        <Row gutter={24}>
          <Col xs={24} lg={8}>
            <Card type="inner" title="密码策略" size="small">
              {num('最小长度', ['passwordPolicy', 'minLength'], 6, 64, '位')}
              {num('至少包含字符种类', ['passwordPolicy', 'requiredClasses'], 1, 4, '类', '大写字母、小写字母、数字、符号四类中的种数')}
              {num('密码有效期', ['passwordPolicy', 'rotationDays'], 0, 3650, '天', '0 表示不强制定期更换')}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card type="inner" title="登录失败锁定" size="small">
              {num('连续失败次数', ['lockout', 'maxFailures'], 1, 100, '次')}
              {num('统计时间窗口', ['lockout', 'windowMinutes'], 1, 1440, '分钟')}
              {num('锁定时长', ['lockout', 'lockMinutes'], 1, 1440, '分钟')}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card type="inner" title="会话" size="small">
              {num('空闲超时', ['idleTimeoutMinutes'], 1, 1440, '分钟', '超过该时间无操作须重新登录')}
              {num('会话最长有效期', ['sessionMaxHours'], 1, 720, '小时', '自登录起超过该时间须重新登录，即使一直在操作')}
              <Form.Item
                label="管理员必须启用动态口令"
                name="adminTotpRequired"
                valuePropName="checked"
                extra="开启后，未绑定动态口令的系统管理员登录后须先在“我的账户”中绑定（等保三级要求特权账户双因素认证）"
              >
                <Switch checkedChildren="必须" unCheckedChildren="可选" />
              </Form.Item>
            </Card>
          </Col>
        </Row>
      </Form>
    </SettingsFrame>
  );
}
