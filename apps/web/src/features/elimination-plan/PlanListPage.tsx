import { PlusOutlined } from '@ant-design/icons';
import { type ListPage as Page, PLAN_STATUS_LABELS, type PlanStatus, type PlanSummary } from '@taotai/shared';
import { App, Button, Card, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { unitTotalsText } from '../survey/survey-api.ts';
import { PLAN_STATUS_COLORS, planApi } from './plan-api.ts';

const columns: ListColumn<PlanSummary>[] = [
  { key: 'title', title: '计划名称', dataIndex: 'title', render: (t: string, p) => <Link to={`/elimination-plans/${p.id}`}>{t}</Link> },
  // Sortable by region: the (region_code, year) unique index serves it (ADR 0014).
  { key: 'regionName', title: '区划', dataIndex: 'regionName', width: 120, sortField: 'regionCode' },
  { key: 'year', title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
  { key: 'status', title: '状态', dataIndex: 'status', width: 90, render: (s: PlanStatus) => <Tag color={PLAN_STATUS_COLORS[s]}>{PLAN_STATUS_LABELS[s]}</Tag> },
  { key: 'lineCount', title: '生产线', dataIndex: 'lineCount', width: 80, align: 'right', render: (n: number) => `${n} 条` },
  { key: 'totals', title: '产能（分单位）', render: (_, p) => unitTotalsText(p.totals) },
  { key: 'updatedAt', title: '更新时间', dataIndex: 'updatedAt', width: 170, render: fmtDateTime },
];

/** 淘汰计划: the plans of the region and those below (the year in the URL, this year by default); the office drafts its own. */
export default function PlanListPage() {
  const me = useMe();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const thisYear = yearOf(useToday());
  const year = Number(params.get('year')) || thisYear;
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ title?: string; note?: string }>();
  // Its own plan of the year decides whether 编制 is offered (one plan per region and year).
  const own = useAsync(() => (year ? planApi.list({ year, region: me.regionCode }) : Promise.resolve(null)), [year, me.regionCode]);
  const mayDraft = me.role === 'group_office' && !!year && own.data !== null && own.data !== undefined && own.data.length === 0;

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

  const years = thisYear ? [-3, -2, -1, 0, 1].map((d) => thisYear + d) : [];
  const filterFields: ListFilterField[] = [
    { name: 'year', label: '年度', node: <Select allowClear placeholder="全部" options={years.map((y) => ({ value: String(y), label: `${y}年` }))} /> },
    { name: 'status', label: '状态', node: <Select allowClear placeholder="全部" options={Object.entries(PLAN_STATUS_LABELS).map(([value, label]) => ({ value, label }))} /> },
    { name: 'region', label: '区划', node: <RegionSelect placeholder="全部" /> },
  ];

  return (
    <Card>
      {/* The year default needs the server's today (a demo clock may differ from the browser's). */}
      {thisYear && (
        <ListPage<PlanSummary, Page<PlanSummary>>
          listKey="elimination-plan"
          testId="plan"
          rowKey="id"
          columns={columns}
          filterFields={filterFields}
          defaultFilters={{ year: String(thisYear) }}
          fetchPage={(r) => api.get<Page<PlanSummary>>('/elimination-plans', listQuery(r))}
          exportPath="/elimination-plans/list.xlsx"
          exportName="淘汰计划.xlsx"
          emptyText={`${params.get('year') ? `${params.get('year')}年` : ''}尚无淘汰计划`}
          actions={
            mayDraft && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                编制本级{year}年淘汰计划
              </Button>
            )
          }
        />
      )}
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
