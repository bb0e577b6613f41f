import { ROLE_LABELS, type Role } from '@taotai/shared';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useMe, useOwnRegion } from '../../app/session.tsx';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { enterpriseApi } from '../enterprise/enterprise-api.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { type CreateUserValues, usersApi } from './users-api.ts';

const FIELDS = ['username', 'displayName', 'role', 'regionCode', 'agencyId', 'enterpriseId', 'password'];
/** Roles that sit in an agency (工信 office or a member department). */
const AGENCY_ROLES: Role[] = ['group_office', 'member_agency'];

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: (created: boolean) => void }) {
  const me = useMe();
  const ownRegion = useOwnRegion();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const role = Form.useWatch('role', form);
  const regionCode = Form.useWatch('regionCode', form);
  const [entQuery, setEntQuery] = useState('');

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);

  const agencies = useAsync(
    () => (regionCode && AGENCY_ROLES.includes(role) ? usersApi.agencies(regionCode) : Promise.resolve([])),
    [regionCode, role],
  );
  const enterprises = useAsync(
    () => (role === 'enterprise' ? enterpriseApi.list({ q: entQuery || undefined, region: regionCode }, { limit: 20 }) : Promise.resolve(null)),
    [role, entQuery, regionCode],
  );

  // Offices never create administrators; only an administrator does.
  const roles = (Object.keys(ROLE_LABELS) as Role[]).filter((r) => me.role === 'admin' || r !== 'admin');

  const save = async () => {
    let v: CreateUserValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await usersApi.create({ ...v, agencyId: v.agencyId ?? null, enterpriseId: v.enterpriseId ?? null });
      message.success(`用户 ${v.username} 已创建，首次登录须修改密码`);
      onClose(true);
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="新增用户" open={open} onOk={save} okText="创建" confirmLoading={saving} onCancel={() => onClose(false)} mask={{ closable: false }} forceRender width={560}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<CreateUserValues> form={form} layout="vertical" initialValues={{ regionCode: ownRegion }}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: '用户名应为3-32位小写字母、数字、点、横线或下划线' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} onChange={() => form.setFieldsValue({ agencyId: null, enterpriseId: null })} />
        </Form.Item>
        <Form.Item label="所属区划" name="regionCode" rules={[{ required: true, message: '请选择所属区划' }]}>
          <RegionSelect />
        </Form.Item>
        {AGENCY_ROLES.includes(role) && (
          <Form.Item label="所属单位" name="agencyId" rules={[{ required: true, message: '请选择所属单位' }]}>
            <Select loading={agencies.loading} options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))} notFoundContent="该区划未设单位" />
          </Form.Item>
        )}
        {role === 'enterprise' && (
          <Form.Item label="所属企业" name="enterpriseId" rules={[{ required: true, message: '请选择所属企业' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setEntQuery }}
              loading={enterprises.loading}
              placeholder="输入企业名称搜索"
              options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item label="初始密码" name="password" rules={[{ required: true, message: '请设置初始密码' }]} extra="用户首次登录时须修改">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
