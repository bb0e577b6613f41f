import { PlusOutlined } from '@ant-design/icons';
import { PLAN_STATUS_LABELS, type PlanStatus, type PlanSummary } from '@taotai/shared';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { YearSelect } from '../../shared/YearSelect.tsx';
import { unitTotalsText } from '../survey/survey-api.ts';
import { PLAN_STATUS_COLORS, planApi } from './plan-api.ts';

/** 淘汰计划: the plans of the region and those below for a year; the office drafts its own. */
export default function PlanListPage() {
  const me = useMe();
  const nav = useNavigate();
  const { message } = App.useApp();
  const today = useToday();
  const [year, setYear] = useState<number>();
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ title?: string; note?: string }>();
  useEffect(() => {
    if (today && year === undefined) setYear(yearOf(today));
  }, [today, year]);
  const plans = useAsync(() => (year ? planApi.list({ year }) : Promise.resolve([])), [year]);
  const hasOwn = plans.data?.some((p) => p.regionCode === me.regionCode);
  const mayDraft = me.role === 'group_office' && !hasOwn && !plans.loading;

  const create = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const p = await planApi.create({ regionCode: me.regionCode, year: year!, title: v.title?.trim() || undefined, note: v.note?.trim() ?? '' });
      message.success('淘汰计划已创建，请列入生产线');
      nav(`/elimination-plans/${p.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <div className="page-toolbar">
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            年度淘汰计划
          </Typography.Title>
          {year && <YearSelect value={year} onChange={setYear} around={yearOf(today) ?? year} />}
        </Space>
        {mayDraft && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            编制本级{year}年淘汰计划
          </Button>
        )}
      </div>
      {plans.error && <Alert type="error" showIcon title={plans.error.message} />}
      <Table<PlanSummary>
        rowKey="id"
        size="middle"
        loading={plans.loading}
        dataSource={plans.data}
        pagination={false}
        locale={{ emptyText: `${year ?? ''}年尚无淘汰计划` }}
        data-testid="plan-table"
        columns={[
          { title: '计划名称', dataIndex: 'title', render: (t: string, p) => <Link to={`/elimination-plans/${p.id}`}>{t}</Link> },
          { title: '区划', dataIndex: 'regionName', width: 120 },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: PlanStatus) => <Tag color={PLAN_STATUS_COLORS[s]}>{PLAN_STATUS_LABELS[s]}</Tag> },
          { title: '生产线', dataIndex: 'lineCount', width: 80, align: 'right', render: (n: number) => `${n} 条` },
          { title: '产能（分单位）', key: 'totals', render: (_, p) => unitTotalsText(p.totals) },
          { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: fmtDateTime },
        ]}
      />
      <Modal title={`编制${me.regionName}${year}年淘汰计划`} open={creating} onCancel={() => setCreating(false)} onOk={create} okText="创建" confirmLoading={saving} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="计划名称" extra="不填则按“××市××年落后产能淘汰计划”命名">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
