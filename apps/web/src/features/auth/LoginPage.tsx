import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Me } from '@taotai/shared';
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

  if (me) return <Navigate to={me.mustChangePassword ? '/change-password' : safeNext(params.get('next'))} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const m = await api.post<Me>('/auth/login', v);
      setMe(m);
      nav(m.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
    } catch (e) {
      // Wrong password, remaining attempts and lockout all come from the server, in Chinese.
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-bg">
      <div className="login-title">落后产能退出综合管理平台</div>
      <div className="login-subtitle">摸底排查 · 计划分解 · 限期整改 · 退出验收</div>
      <Card title="用户登录" style={{ width: 380 }}>
        {expired && !error && <Alert type="warning" showIcon title="登录已过期，请重新登录" style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
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
      </Card>
      <a href="/public" className="login-public-link" style={{ color: 'rgba(255, 255, 255, 0.85)', marginTop: 24 }}>
        公告公示查询（无需登录）›
      </a>
    </div>
  );
}
