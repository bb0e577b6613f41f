import { PlusOutlined } from '@ant-design/icons';
import { type ListPage as ListPageOf, ROLE_LABELS, type User } from '@taotai/shared';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { usersApi } from './users-api.ts';

/** 用户管理: accounts in the manager's subtree; disable/enable and password reset are audited server-side. */
export default function UsersPage() {
  const me = useMe();
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [reload, setReload] = useState(0);

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
          setReload((n) => n + 1);
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const columns: ListColumn<User>[] = [
    { key: 'id', title: '编号', dataIndex: 'id', width: 80, sortField: 'id' },
    { key: 'username', title: '用户名', dataIndex: 'username', width: 110, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { key: 'displayName', title: '姓名', dataIndex: 'displayName', width: 180, ellipsis: true },
    { key: 'role', title: '角色', dataIndex: 'role', width: 150, render: (r: User['role']) => ROLE_LABELS[r] },
    { key: 'regionName', title: '所属区划', dataIndex: 'regionName', width: 180, ellipsis: true },
    { key: 'agencyName', title: '所属单位', dataIndex: 'agencyName', width: 190, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      key: 'state',
      title: '状态',
      width: 90,
      render: (_: unknown, u) =>
        u.disabled ? (
          <Tag>已停用</Tag>
        ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
          <Tag color="red">锁定至 {fmtDateTime(u.lockedUntil).slice(11, 16)}</Tag>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
    { key: 'lastLoginAt', title: '最近登录', dataIndex: 'lastLoginAt', width: 160, render: fmtDateTime },
    {
      key: 'ops',
      title: '操作',
      width: 130,
      fixed: 'right',
      render: (_: unknown, u) =>
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

  const filterFields: ListFilterField[] = [
    { name: 'region', label: '区划', node: <RegionSelect placeholder="全部（本级及下级）" /> },
    { name: 'q', label: '用户名/姓名', node: <Input allowClear /> },
  ];

  return (
    <Card title="用户管理">
      <ListPage<User, ListPageOf<User>>
        listKey="users"
        testId="users"
        rowKey="id"
        columns={columns}
        filterFields={filterFields}
        fetchPage={(r) => api.get<ListPageOf<User>>('/users', listQuery(r))}
        exportPath="/users/export.xlsx"
        exportName="用户.xlsx"
        // As before the list page: fifty accounts a page, so a county's accounts (and a new one) fit on the first.
        defaultPageSize={50}
        scrollX={1280}
        reloadToken={reload}
        emptyText="没有符合条件的用户"
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增用户
          </Button>
        }
        above={({ result }) => (
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }} data-testid="users-total">
            {result?.total != null ? `共 ${result.total} 个用户` : '…'}
          </Typography.Text>
        )}
      />
      <CreateUserModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) setReload((n) => n + 1);
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
