import { PlusOutlined } from '@ant-design/icons';
import type { CapacityUnit, Industry } from '@taotai/shared';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Switch, Table, type TableProps, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { invalidateCatalogue, unitName } from './catalogue-api.ts';

type Body = Industry;

interface Props {
  industries: Industry[];
  units: CapacityUnit[];
  loading: boolean;
  canManage: boolean;
  onChanged: () => void;
}

/** Key industries and the capacity unit each is measured in; offices may add local ones. */
export function IndustryTab({ industries, units, loading, canManage, onChanged }: Props) {
  const [editing, setEditing] = useState<Industry | 'new' | null>(null);
  const columns: TableProps<Industry>['columns'] = [
    { title: '排序', dataIndex: 'sortOrder', width: 70, align: 'right' },
    { title: '行业代码', dataIndex: 'code', width: 200, render: (v: string) => <code>{v}</code> },
    { title: '行业名称', dataIndex: 'name' },
    { title: '产能单位', dataIndex: 'unitCode', width: 140, render: (u: string) => unitName(units, u) },
    { title: '重点行业', dataIndex: 'isKey', width: 100, render: (k: boolean) => (k ? <Tag color="red">重点</Tag> : <Tag>一般</Tag>) },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'ops',
      width: 80,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setEditing(r)}>
          编辑
        </Button>
      ),
    });
  }
  return (
    <>
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
          新增行业
        </Button>
      )}
      <Table<Industry> rowKey="code" size="middle" columns={columns} dataSource={industries} loading={loading} pagination={false} />
      <IndustryModal
        industry={editing}
        units={units}
        onClose={(saved) => {
          setEditing(null);
          if (saved) onChanged();
        }}
      />
    </>
  );
}

function IndustryModal({ industry, units, onClose }: { industry: Industry | 'new' | null; units: CapacityUnit[]; onClose: (saved: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Body>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const isNew = industry === 'new';

  useEffect(() => {
    if (!industry) return;
    form.resetFields();
    setError(undefined);
    form.setFieldsValue(isNew ? { isKey: false, sortOrder: 100, unitCode: 'wan_t' } : industry);
  }, [industry, isNew, form]);

  const save = async () => {
    let v: Body;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      if (isNew) await api.post('/catalogue/industries', v);
      else await api.put(`/catalogue/industries/${(industry as Industry).code}`, v);
      invalidateCatalogue();
      message.success('行业已保存');
      onClose(true);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['code', 'name', 'unitCode', 'isKey', 'sortOrder'])) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={isNew ? '新增行业' : '编辑行业'} open={!!industry} onOk={save} okText="保存" confirmLoading={saving} onCancel={() => onClose(false)} forceRender>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Body> form={form} layout="vertical">
        <Form.Item label="行业代码" name="code" rules={[{ required: true, message: '请填写行业代码' }, { pattern: /^[a-z][a-z0-9_]{1,30}$/, message: '行业代码应为小写字母、数字或下划线' }]}>
          <Input disabled={!isNew} placeholder="如 refractory" />
        </Form.Item>
        <Form.Item label="行业名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写行业名称' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="产能单位" name="unitCode" rules={[{ required: true, message: '请选择产能单位' }]}>
          <Select options={units.map((u) => ({ value: u.code, label: u.name }))} />
        </Form.Item>
        <Form.Item label="重点行业" name="isKey" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label="排序" name="sortOrder">
          <InputNumber precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
