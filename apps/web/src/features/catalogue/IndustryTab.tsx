import { PlusOutlined } from '@ant-design/icons';
import type { CapacityUnit, Industry, ListPage as Page } from '@taotai/shared';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Switch, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { invalidateCatalogue } from './catalogue-api.ts';

type Body = Industry;

type Row = Industry & { unitName: string };

interface Props {
  units: CapacityUnit[];
  canManage: boolean;
  /** Bumped after an edit: the list fetches again. */
  reloads: number;
  onChanged: () => void;
}

const FILTERS: ListFilterField[] = [
  { name: 'q', label: '行业名称', node: <Input allowClear placeholder="名称或代码" /> },
  { name: 'isKey', label: '重点行业', node: <Select allowClear placeholder="全部" options={[{ value: 'true', label: '重点' }, { value: 'false', label: '一般' }]} /> },
];

/** Key industries and the capacity unit each is measured in, on the one list page (ADR 0014); offices may add local ones. */
export function IndustryTab({ units, canManage, reloads, onChanged }: Props) {
  const [editing, setEditing] = useState<Industry | 'new' | null>(null);
  const columns: ListColumn<Row>[] = [
    // The catalogue is ordered by its sort number (ADR 0014: a small list read whole, ordered in memory).
    { key: 'sortOrder', title: '排序', dataIndex: 'sortOrder', width: 80, align: 'right', sortField: 'sortOrder' },
    { key: 'code', title: '行业代码', dataIndex: 'code', width: 200, render: (v: string) => <code>{v}</code> },
    { key: 'name', title: '行业名称', dataIndex: 'name' },
    { key: 'unit', title: '产能单位', dataIndex: 'unitName', width: 140 },
    { key: 'isKey', title: '重点行业', dataIndex: 'isKey', width: 100, render: (k: boolean) => (k ? <Tag color="red">重点</Tag> : <Tag>一般</Tag>) },
  ];
  if (canManage) {
    columns.push({
      key: 'ops',
      title: '操作',
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
      <ListPage<Row, Page<Row>>
        listKey="catalogue-industry"
        testId="industries"
        rowKey="code"
        columns={columns}
        filterFields={FILTERS}
        fetchPage={(r) => api.get<Page<Row>>('/catalogue/industries/list', listQuery(r))}
        reloadToken={reloads}
        exportPath="/catalogue/industries/list.xlsx"
        exportName="行业目录.xlsx"
        scrollX={720}
        actions={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增行业
            </Button>
          )
        }
      />
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
