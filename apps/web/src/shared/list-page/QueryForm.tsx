import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Col, Form, Grid, Row, Space } from 'antd';
import { type ReactElement, useEffect, useState } from 'react';
import type { Filters } from './use-list-url.ts';

/** One field of a list's query form: `node` is an uncontrolled input (Form.Item passes value and onChange). */
export interface ListFilterField {
  name: string;
  label: string;
  node: ReactElement;
}

interface Props {
  fields: ListFilterField[];
  value: Filters;
  onSubmit: (values: Filters) => void;
  onReset: () => void;
}

/** Fields per row at each width: three on a wide screen, two on a tablet, one on a phone. */
function usePerRow(): number {
  const bp = Grid.useBreakpoint();
  return bp.xl ? 4 : bp.lg ? 3 : bp.sm ? 2 : 1;
}

/**
 * The query form: a grid of fields, collapsed to its first row (展开/收起), with 查询 and 重置. The form shows
 * what the URL says; 查询 writes it back (ListPage owns the URL).
 */
export function QueryForm({ fields, value, onSubmit, onReset }: Props) {
  const [form] = Form.useForm<Filters>();
  const [expanded, setExpanded] = useState(false);
  const perRow = usePerRow();
  const names = fields.map((f) => f.name).join(',');

  useEffect(() => {
    form.resetFields();
    const own: Filters = {};
    for (const n of names.split(',')) own[n] = value[n];
    form.setFieldsValue(own);
  }, [form, value, names]);

  // The buttons share the last row: collapsed, the first row keeps room for them.
  const visible = expanded || fields.length < perRow ? fields.length : perRow - 1;
  const collapsible = fields.length >= perRow;
  const span = 24 / perRow;

  const submit = (v: Filters) => {
    const next: Filters = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== null && String(x).trim() !== '') next[k] = String(x).trim();
    onSubmit(next);
  };

  return (
    // Named, so its fields' ids (list-query_kind) never collide with a dialog's form on the same page (a label
    // pointing at the query form's field instead of the dialog's).
    <Form<Filters> form={form} name="list-query" onFinish={submit} data-testid="list-query-form" labelCol={{ flex: '88px' }} labelWrap>
      <Row gutter={16}>
        {fields.map((f, i) => (
          <Col key={f.name} span={span} style={i < visible ? undefined : { display: 'none' }}>
            <Form.Item name={f.name} label={f.label} style={{ marginBottom: 12 }}>
              {f.node}
            </Form.Item>
          </Col>
        ))}
        <Col span={span} offset={expanded || !collapsible ? Math.max(0, ((perRow - 1 - (fields.length % perRow)) % perRow) * span) : 0} style={{ textAlign: 'right', marginBottom: 12 }}>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onReset();
              }}
            >
              重置
            </Button>
            {collapsible && (
              <Button type="link" onClick={() => setExpanded(!expanded)} aria-expanded={expanded} style={{ paddingInline: 4 }}>
                {expanded ? '收起' : '展开'}
                {expanded ? <UpOutlined /> : <DownOutlined />}
              </Button>
            )}
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
