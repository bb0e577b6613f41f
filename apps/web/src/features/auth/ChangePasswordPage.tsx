import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { FullPageSpin } from '../../app/access.tsx';
import { useSession } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** Forced after an initial or expired password; also reachable from the user menu. */
export default function ChangePasswordPage() {
  const { me, refresh, logout } = useSession();
  const [form] = Form.useForm<Values>();
  const nav = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (me === undefined) return <FullPageSpin />;
  if (me === null) return <Navigate to="/login" replace />;
  const forced = me.mustChangePassword;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      await refresh();
      nav('/', { replace: true });
    } catch (e) {
      if (!applyFieldErrors(form, e, ['oldPassword', 'newPassword'])) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-bg">
      <h1 className="login-title">落后产能退出综合管理平台</h1>
      <div className="login-subtitle">{me.displayName}（{me.username}）</div>
      <Card title="修改密码" style={{ width: 420 }}>
        {forced && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="首次登录或密码已到期，请先修改密码后再使用系统" />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            rules={[{ required: true, message: '请输入新密码' }]}
            extra="须符合系统密码策略（长度与字符种类），且不能包含用户名"
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            {forced ? (
              <Button onClick={() => logout().then(() => nav('/login', { replace: true }))}>退出登录</Button>
            ) : (
              <Button onClick={() => nav(-1)}>返回</Button>
            )}
            <Button type="primary" htmlType="submit" loading={busy}>
              确认修改
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
