import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginResult, Me } from '@taotai/shared';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';

interface Values {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login, never an absolute URL from the query string. */
const safeNext = (n: string | null) => (n?.startsWith('/') && !n.startsWith('//') ? n : '/');

export default function LoginPage() {
  const { me, expired, setMe } = useSession();
  const [params] = useSearchParams();
  const nav = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Set when the password step passed and the account has a second factor (动态口令).
  const [ticket, setTicket] = useState<string>();

  if (me) return <Navigate to={me.mustChangePassword ? '/change-password' : safeNext(params.get('next'))} replace />;

  const enter = (m: Me) => {
    setMe(m);
    nav(m.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
  };
  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await step();
    } catch (e) {
      // Wrong password, throttling and lockout all come from the server, in Chinese.
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (v: Values) =>
    run(async () => {
      const r = await api.post<LoginResult>('/auth/login', v);
      if ('totpRequired' in r) setTicket(r.ticket);
      else enter(r);
    });
  const submitCode = (v: { code: string }) => run(async () => enter(await api.post<Me>('/auth/login/totp', { ticket, code: v.code })));
  const restart = () => {
    setTicket(undefined);
    setError(undefined);
  };

  return (
    <div className="login-bg">
      <h1 className="login-title">落后产能退出综合管理平台</h1>
      <div className="login-subtitle">摸底排查 · 计划分解 · 限期整改 · 退出验收</div>
      <Card title="用户登录" style={{ width: 380 }}>
        {expired && !error && <Alert type="warning" showIcon title="登录已过期，请重新登录" style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        {ticket ? (
          <Form<{ code: string }> layout="vertical" onFinish={submitCode} requiredMark={false} size="large">
            <Alert type="info" showIcon title="需要动态口令：请打开手机上的身份验证器，输入本账户当前的6位数字" style={{ marginBottom: 16 }} />
            <Form.Item
              label="动态口令"
              name="code"
              rules={[
                { required: true, message: '请输入动态口令' },
                { pattern: /^\d{6}$/, message: '动态口令为6位数字' },
              ]}
            >
              <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              验证并登录
            </Button>
            <Button type="link" block onClick={restart} style={{ marginTop: 8 }}>
              返回重新输入用户名和密码
            </Button>
          </Form>
        ) : (
          <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} size="large">
            <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
        )}
      </Card>
      <a href="/public" className="login-public-link" style={{ color: 'rgba(255, 255, 255, 0.85)', marginTop: 24 }}>
        公告公示查询（无需登录）›
      </a>
    </div>
  );
}
