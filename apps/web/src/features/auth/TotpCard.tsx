import type { TotpEnrolment } from '@taotai/shared';
import { Alert, App, Button, Card, Form, Input, QRCode, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';

const codeRules = [
  { required: true, message: '请输入动态口令' },
  { pattern: /^\d{6}$/, message: '动态口令为6位数字' },
];

/**
 * 动态口令 (TOTP) on the user's own account: generate a secret, add it to an authenticator app (QR code or the
 * base32 text), confirm with one code; switching off needs a current code.
 */
export function TotpCard() {
  const { me, refresh } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<TotpEnrolment>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!me) return null;

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await step();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['code'])) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () => run(async () => setEnrolment(await api.post<TotpEnrolment>('/auth/totp/enrolment')));
  const confirm = (v: { code: string }) =>
    run(async () => {
      await api.post('/auth/totp/enrolment/confirm', v);
      setEnrolment(undefined);
      form.resetFields();
      await refresh();
      message.success('动态口令已启用，下次登录时需输入');
    });
  const disable = (v: { code: string }) =>
    run(async () => {
      await api.post('/auth/totp/disable', v);
      form.resetFields();
      await refresh();
      message.success('动态口令已停用');
    });

  const codeForm = (onFinish: (v: { code: string }) => void, label: string, danger = false) => (
    <Form form={form} layout="inline" onFinish={onFinish} requiredMark={false}>
      <Form.Item name="code" label="动态口令" rules={codeRules}>
        <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 140 }} />
      </Form.Item>
      <Button type="primary" danger={danger} htmlType="submit" loading={busy}>
        {label}
      </Button>
    </Form>
  );

  return (
    <Card
      title="动态口令（双因素认证）"
      extra={me.totpEnabled ? <Tag color="success">已启用</Tag> : <Tag>未启用</Tag>}
      data-testid="totp-card"
    >
      {me.mustEnrolTotp && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="系统要求管理员启用动态口令：绑定完成前不能使用其他功能" />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {me.totpEnabled ? (
        <Space orientation="vertical">
          <Typography.Text>登录时在密码之后还须输入手机身份验证器上的6位动态口令。如需更换手机，请先停用再重新绑定。</Typography.Text>
          {codeForm(disable, '停用', true)}
        </Space>
      ) : enrolment ? (
        <Space orientation="vertical" size="middle">
          <Steps
            size="small"
            current={1}
            items={[{ title: '生成密钥' }, { title: '添加到身份验证器' }, { title: '输入口令确认' }]}
          />
          <Space align="start" size="large" wrap>
            <QRCode value={enrolment.otpauthUri} size={180} />
            <Space orientation="vertical">
              <Typography.Text>用手机身份验证器（如 Microsoft Authenticator、Google Authenticator、FreeOTP）扫描二维码，或手动输入密钥：</Typography.Text>
              <Typography.Text code copyable data-testid="totp-secret">
                {enrolment.secret}
              </Typography.Text>
              <Typography.Text type="secondary" copyable={{ text: enrolment.otpauthUri }}>
                复制 otpauth:// 链接
              </Typography.Text>
            </Space>
          </Space>
          {codeForm(confirm, '确认绑定')}
        </Space>
      ) : (
        <Space orientation="vertical">
          <Typography.Text>启用后，登录时除密码外还须输入手机身份验证器生成的动态口令（每30秒更新），账户被盗用的风险大大降低。</Typography.Text>
          <Button type="primary" onClick={start} loading={busy}>
            启用动态口令
          </Button>
        </Space>
      )}
    </Card>
  );
}
