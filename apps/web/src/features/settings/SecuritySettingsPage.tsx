import type { SecuritySettings } from '@taotai/shared';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Spin, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';

const FIELDS = ['passwordPolicy', 'lockout', 'idleTimeoutMinutes', 'sessionMaxHours', 'adminTotpRequired'];

const num = (label: string, name: (string | number)[], min: number, max: number, addon: string, extra?: string) => (
  <Form.Item label={label} name={name} rules={[{ required: true, message: `请填写${label}` }]} extra={extra}>
    <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} suffix={addon} />
  </Form.Item>
);

/** 安全设置: password policy, lockout after failed logins, session idle timeout and lifetime, TOTP for administrators. */
export default function SecuritySettingsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<SecuritySettings>();
  const current = useAsync(() => api.get<SecuritySettings>('/settings/security'), []);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);

  const save = async () => {
    let v: SecuritySettings;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const saved = await api.put<SecuritySettings>('/settings/security', v);
      form.setFieldsValue(saved);
      message.success('安全设置已保存');
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (current.loading && !current.data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (current.error) return <Alert type="error" showIcon title={current.error.message} />;

  return (
    <Card
      title="安全设置"
      extra={
        <Button type="primary" loading={saving} onClick={save}>
          保存
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
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
    </Card>
  );
}
