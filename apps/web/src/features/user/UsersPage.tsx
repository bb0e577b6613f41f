import { PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type User } from '@taotai/shared';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMe } from '../../app/session.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { usersApi } from './users-api.ts';

interface Filters {
  region?: string;
  q?: string;
}

/** 用户管理: accounts in the manager's subtree; disable/enable and password reset are audited server-side. */
export default function UsersPage() {
  const me = useMe();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [items, setItems] = useState<User[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const run = useRef(0);

  const fetchPage = useCallback(async (f: Filters, after: string | null) => {
    const mine = ++run.current;
    setLoading(true);
    try {
      const page = await usersApi.list({ region: f.region, q: f.q?.trim() || undefined, cursor: after });
      if (mine !== run.current) return;
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      if (!after) setTotal(page.total);
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (e) {
      if (mine === run.current) setError(errorMessage(e));
    } finally {
      if (mine === run.current) setLoading(false);
    }
  }, []);
  useEffect(() => {
    fetchPage(filters, null);
  }, [filters, fetchPage]);

  const toggle = (u: User) =>
    modal.confirm({
      title: u.disabled ? `启用用户 ${u.username}？` : `停用用户 ${u.username}？`,
      content: u.disabled ? '启用后该用户可重新登录。' : '停用后该用户立即不能登录，已登录的会话失效。',
      okText: u.disabled ? '启用' : '停用',
      okButtonProps: { danger: !u.disabled },
      onOk: async () => {
        try {
          await usersApi.update(u.id, { displayName: u.displayName, disabled: !u.disabled });
          message.success(u.disabled ? '已启用' : '已停用');
          fetchPage(filters, null);
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const columns: TableProps<User>['columns'] = [
    { title: '用户名', dataIndex: 'username', width: 110, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: '姓名', dataIndex: 'displayName', ellipsis: true },
    { title: '角色', dataIndex: 'role', width: 150, render: (r: User['role']) => ROLE_LABELS[r] },
    { title: '所属区划', dataIndex: 'regionName', width: 180, ellipsis: true },
    { title: '所属单位', dataIndex: 'agencyName', width: 190, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_, u) =>
        u.disabled ? (
          <Tag>已停用</Tag>
        ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
          <Tag color="red">锁定至 {fmtDateTime(u.lockedUntil).slice(11, 16)}</Tag>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 160, render: fmtDateTime },
    {
      title: '操作',
      key: 'ops',
      width: 130,
      fixed: 'right',
      render: (_, u) =>
        u.id === me.id ? (
          <Typography.Text type="secondary">当前用户</Typography.Text>
        ) : (
          <Space size={0}>
            <Button type="link" size="small" danger={!u.disabled} onClick={() => toggle(u)}>
              {u.disabled ? '启用' : '停用'}
            </Button>
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              重置密码
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Card
      title="用户管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新增用户
        </Button>
      }
    >
      <Form<Filters> layout="inline" onFinish={(v) => setFilters({ ...v })} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="region" label="区划">
          <RegionSelect placeholder="全部（本级及下级）" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="q" label="用户名/姓名">
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<User> rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false} scroll={{ x: 1150 }} />
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
        <Typography.Text type="secondary">{total !== null ? `共 ${total} 个用户` : `已显示 ${items.length} 个用户`}</Typography.Text>
        {cursor && (
          <Button onClick={() => fetchPage(filters, cursor)} loading={loading}>
            加载更多
          </Button>
        )}
      </div>
      <CreateUserModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) fetchPage(filters, null);
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (user) {
      form.resetFields();
      setError(undefined);
    }
  }, [user, form]);
  const save = async () => {
    if (!user) return;
    let v: { password: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await usersApi.update(user.id, { displayName: user.displayName, disabled: user.disabled, resetPassword: v.password });
      message.success(`已重置 ${user.username} 的密码，下次登录须修改`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={`重置密码：${user?.username ?? ''}`} open={!!user} onOk={save} okText="重置" confirmLoading={saving} onCancel={onClose} forceRender>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item label="新的初始密码" name="password" rules={[{ required: true, message: '请输入新的初始密码' }]} extra="用户下次登录时须修改此密码">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
