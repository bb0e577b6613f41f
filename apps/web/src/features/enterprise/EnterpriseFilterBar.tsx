import { CRITERION_LABELS, ENTERPRISE_STATUS_LABELS } from '@taotai/shared';
import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useCatalogue } from '../catalogue/catalogue-api.ts';
import type { EnterpriseFilters } from './enterprise-api.ts';
import { options } from './labels.tsx';

interface Props {
  value: EnterpriseFilters;
  onChange: (f: EnterpriseFilters) => void;
}

type Values = Pick<EnterpriseFilters, 'q' | 'industry' | 'criterion' | 'status'>;

/** 名称/信用代码, 行业, 不达标类别, 状态; the region comes from the tree beside it. */
export function EnterpriseFilterBar({ value, onChange }: Props) {
  const [form] = Form.useForm<Values>();
  const { industries } = useCatalogue();

  useEffect(() => {
    form.setFieldsValue({ q: value.q, industry: value.industry, criterion: value.criterion, status: value.status });
  }, [form, value.q, value.industry, value.criterion, value.status]);

  const apply = (v: Values) => onChange({ ...value, ...v, q: v.q?.trim() || undefined });

  return (
    <Form<Values> form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
      <Form.Item name="q" label="名称/信用代码">
        <Input placeholder="企业名称或信用代码" allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="industry" label="行业">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: 120 }}
          options={industries.map((i) => ({ value: i.code, label: i.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item name="criterion" label="不达标类别">
        <Select allowClear placeholder="全部" style={{ width: 100 }} options={options(CRITERION_LABELS)} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select allowClear placeholder="全部" style={{ width: 100 }} options={options(ENTERPRISE_STATUS_LABELS)} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({ region: value.region, sort: value.sort });
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
