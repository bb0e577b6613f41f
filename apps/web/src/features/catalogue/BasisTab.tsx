import { PlusOutlined } from '@ant-design/icons';
import { type BasisItem, CRITERION_LABELS, type Industry } from '@taotai/shared';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, type TableProps, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { CriterionTag, options } from '../enterprise/labels.tsx';
import { invalidateCatalogue } from './catalogue-api.ts';

type Body = Omit<BasisItem, 'id'>;

interface Props {
  items: BasisItem[];
  industries: Industry[];
  loading: boolean;
  canManage: boolean;
  onChanged: () => void;
}

/** The standards and catalogue items a line's non-compliance is judged by. */
export function BasisTab({ items, industries, loading, canManage, onChanged }: Props) {
  const [criterion, setCriterion] = useState<string>();
  const [industry, setIndustry] = useState<string>();
  const [editing, setEditing] = useState<BasisItem | 'new' | null>(null);
  const industryName = (c: string | null) => (c ? (industries.find((i) => i.code === c)?.name ?? c) : '通用');
  const shown = useMemo(
    () => items.filter((b) => (!criterion || b.criterion === criterion) && (!industry || b.industryCode === industry)),
    [items, criterion, industry],
  );

  const columns: TableProps<BasisItem>['columns'] = [
    { title: '类别', dataIndex: 'criterion', width: 90, render: (c: BasisItem['criterion']) => <CriterionTag criterion={c} /> },
    { title: '行业', dataIndex: 'industryCode', width: 110, render: industryName },
    { title: '依据条目', dataIndex: 'title' },
    { title: '来源', dataIndex: 'source', width: 320 },
    { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
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
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="全部类别" style={{ width: 130 }} value={criterion} onChange={setCriterion} options={options(CRITERION_LABELS)} />
        <Select
          allowClear
          placeholder="全部行业"
          style={{ width: 150 }}
          value={industry}
          onChange={setIndustry}
          options={industries.map((i) => ({ value: i.code, label: i.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增判定依据
          </Button>
        )}
      </Space>
      <Table<BasisItem> rowKey="id" size="middle" columns={columns} dataSource={shown} loading={loading} pagination={{ pageSize: 20, showSizeChanger: false }} />
      <BasisModal
        item={editing}
        industries={industries}
        onClose={(saved) => {
          setEditing(null);
          if (saved) onChanged();
        }}
      />
    </>
  );
}

function BasisModal({ item, industries, onClose }: { item: BasisItem | 'new' | null; industries: Industry[]; onClose: (saved: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Body>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const isNew = item === 'new';

  useEffect(() => {
    if (!item) return;
    form.resetFields();
    setError(undefined);
    form.setFieldsValue(isNew ? { active: true, industryCode: null } : item);
  }, [item, isNew, form]);

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
      const body = { ...v, industryCode: v.industryCode ?? null };
      if (isNew) await api.post('/catalogue/basis-items', body);
      else await api.put(`/catalogue/basis-items/${(item as BasisItem).id}`, body);
      invalidateCatalogue();
      message.success('判定依据已保存');
      onClose(true);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['criterion', 'industryCode', 'title', 'source', 'active'])) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={isNew ? '新增判定依据' : '编辑判定依据'} open={!!item} onOk={save} okText="保存" confirmLoading={saving} onCancel={() => onClose(false)} forceRender width={640}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Body> form={form} layout="vertical">
        <Form.Item label="不达标类别" name="criterion" rules={[{ required: true, message: '请选择不达标类别' }]}>
          <Select options={options(CRITERION_LABELS)} />
        </Form.Item>
        <Form.Item label="适用行业" name="industryCode" extra="不选表示各行业通用">
          <Select allowClear options={industries.map((i) => ({ value: i.code, label: i.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label="依据条目" name="title" rules={[{ required: true, whitespace: true, message: '请填写依据条目' }]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item label="来源（标准或目录）" name="source" rules={[{ required: true, whitespace: true, message: '请填写依据来源' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="启用" name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
