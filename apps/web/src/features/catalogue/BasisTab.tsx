import { PlusOutlined } from '@ant-design/icons';
import { type BasisItem, CRITERION_LABELS, type Industry, type ListPage as Page } from '@taotai/shared';
import { Alert, App, Button, Form, Input, Modal, Select, Switch, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { CriterionTag, options } from '../enterprise/labels.tsx';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { invalidateCatalogue } from './catalogue-api.ts';

type Body = Omit<BasisItem, 'id'>;

type Row = BasisItem & { industryName: string | null };

interface Props {
  industries: Industry[];
  canManage: boolean;
  /** Bumped after an edit: the list fetches again. */
  reloads: number;
  onChanged: () => void;
}

/** The standards and catalogue items a line's non-compliance is judged by, on the one list page (ADR 0014). */
export function BasisTab({ industries, canManage, reloads, onChanged }: Props) {
  const [editing, setEditing] = useState<BasisItem | 'new' | null>(null);
  const filters: ListFilterField[] = [
    { name: 'criterion', label: '类别', node: <Select allowClear placeholder="全部类别" options={options(CRITERION_LABELS)} /> },
    {
      name: 'industry',
      label: '行业',
      node: <Select allowClear placeholder="全部行业" options={industries.map((i) => ({ value: i.code, label: i.name }))} showSearch={{ optionFilterProp: 'label' }} />,
    },
    { name: 'active', label: '状态', node: <Select allowClear placeholder="全部" options={[{ value: 'true', label: '启用' }, { value: 'false', label: '停用' }]} /> },
    { name: 'q', label: '关键字', node: <Input allowClear placeholder="依据条目或来源" /> },
  ];
  const columns: ListColumn<Row>[] = [
    { key: 'id', title: '编号', dataIndex: 'id', width: 80, sortField: 'id' },
    { key: 'criterion', title: '类别', dataIndex: 'criterion', width: 90, render: (c: BasisItem['criterion']) => <CriterionTag criterion={c} /> },
    { key: 'industry', title: '行业', dataIndex: 'industryName', width: 110, render: (n: string | null) => n ?? '通用' },
    { key: 'title', title: '依据条目', dataIndex: 'title' },
    { key: 'source', title: '来源', dataIndex: 'source', width: 320 },
    { key: 'active', title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
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
        listKey="catalogue-basis"
        testId="basis-items"
        rowKey="id"
        columns={columns}
        filterFields={filters}
        fetchPage={(r) => api.get<Page<Row>>('/catalogue/basis-items/list', listQuery(r))}
        reloadToken={reloads}
        exportPath="/catalogue/basis-items/list.xlsx"
        exportName="判定依据.xlsx"
        scrollX={1100}
        actions={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增判定依据
            </Button>
          )
        }
      />
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
