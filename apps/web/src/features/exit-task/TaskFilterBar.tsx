import { EXIT_TASK_STAGE_LABELS, EXIT_TASK_STATUS_LABELS } from '@taotai/shared';
import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { useCatalogue } from '../catalogue/catalogue-api.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import type { TaskFilters } from './exit-task-api.ts';

interface Props {
  value: TaskFilters;
  onChange: (f: TaskFilters) => void;
}

const opts = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 区划, 年度, 阶段, 状态, 行业, 单位, 逾期, 名称; the enterprise filter comes only from links (shown as a tag above). */
export function TaskFilterBar({ value, onChange }: Props) {
  const [form] = Form.useForm<TaskFilters>();
  const { industries, units } = useCatalogue();
  const year = yearOf(useToday()) ?? new Date().getFullYear();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(value);
  }, [form, value]);

  const apply = (v: TaskFilters) => {
    // Link-only filters stay; "本级" only while the region it belongs to is kept.
    const next: TaskFilters = { enterprise: value.enterprise, ownLevel: v.region === value.region ? value.ownLevel : undefined };
    for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== null && String(x).trim() !== '') next[k as keyof TaskFilters] = String(x).trim();
    onChange(next);
  };

  return (
    <Form<TaskFilters> form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }} data-testid="task-filters">
      <Form.Item name="region" label="区划">
        <RegionSelect placeholder="全部" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="year" label="年度">
        <Select allowClear placeholder="全部" style={{ width: 100 }} options={[-2, -1, 0, 1].map((d) => ({ value: String(year + d), label: `${year + d}年` }))} />
      </Form.Item>
      <Form.Item name="stage" label="阶段">
        <Select allowClear placeholder="全部" style={{ width: 130 }} options={opts(EXIT_TASK_STAGE_LABELS)} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select allowClear placeholder="全部" style={{ width: 120 }} options={opts(EXIT_TASK_STATUS_LABELS)} />
      </Form.Item>
      <Form.Item name="industry" label="行业">
        <Select allowClear placeholder="全部" style={{ width: 110 }} options={industries.map((i) => ({ value: i.code, label: i.name }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="unit" label="产能单位">
        <Select allowClear placeholder="全部" style={{ width: 120 }} options={units.map((u) => ({ value: u.code, label: u.name }))} />
      </Form.Item>
      <Form.Item name="overdue" label="逾期拆除">
        <Select allowClear placeholder="全部" style={{ width: 90 }} options={[{ value: 'true', label: '逾期' }, { value: 'false', label: '未逾期' }]} />
      </Form.Item>
      <Form.Item name="q" label="名称">
        <Input placeholder="企业或生产线名称" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button onClick={() => onChange({})}>重置</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
