import { SendOutlined } from '@ant-design/icons';
import {
  PRICE_DELIVERY_STATUS_LABELS,
  PRICE_MEASURE_KIND_LABELS,
  type ListPage as ListPageOf,
  type PriceDelivery,
  type PriceDeliveryStatus,
  type PriceMeasureKind,
} from '@taotai/shared';
import { Button, Card, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { DELIVERY_STATUS_COLORS } from './price-measure-labels.ts';
import { SendMeasureModal } from './SendMeasureModal.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { caseApi } from '../non-compliance-case/case-api.ts';

const columns: ListColumn<PriceDelivery>[] = [
  { key: 'id', title: '编号', dataIndex: 'id', width: 80, sortField: 'id' },
  { key: 'enterprise', title: '企业', dataIndex: 'enterpriseName', width: 240, render: (n: string, d) => <Link to={`/price-measures/${d.id}`}>{n}</Link> },
  { key: 'kind', title: '措施', dataIndex: 'kind', width: 120, render: (k: PriceMeasureKind) => PRICE_MEASURE_KIND_LABELS[k] },
  { key: 'surcharge', title: '加价（元/千瓦时）', dataIndex: 'surchargePerKwh', width: 140, render: (n: number | null) => (n === null ? '—' : n) },
  { key: 'recipient', title: '接收单位', dataIndex: 'recipientName', width: 200 },
  {
    key: 'status',
    title: '状态',
    dataIndex: 'status',
    width: 130,
    render: (s: PriceDeliveryStatus, d) => (
      <Space size={4}>
        <Tag color={DELIVERY_STATUS_COLORS[s]}>{PRICE_DELIVERY_STATUS_LABELS[s]}</Tag>
        {d.overdue && <Tag color="red">逾期</Tag>}
      </Space>
    ),
  },
  { key: 'dueOn', title: '办理期限', dataIndex: 'dueOn', width: 110, render: (d: string | null) => d ?? '—' },
  { key: 'effectiveOn', title: '执行日期', dataIndex: 'effectiveOn', width: 110, render: (d: string | null) => d ?? '—' },
  { key: 'sentAt', title: '送达时间', dataIndex: 'sentAt', width: 170, render: fmtDateTime },
];

/**
 * 价格信贷措施: a recipient agency's inbox (供电, 人民银行, 发改 for water), and for the office every delivery of its
 * region with those unacknowledged or unapplied past their period marked 逾期 (issue 12).
 */
export default function PriceMeasureListPage() {
  const me = useMe();
  const nav = useNavigate();
  const [sending, setSending] = useState(false);
  // A department sends measures only for the cases it opens (the server's rule): 供电 or 人民银行, which open none, only receive.
  const desk = useAsync(() => (me.role === 'member_agency' ? caseApi.desk() : Promise.resolve(null)), [me.role]);
  const maySend = me.role === 'group_office' || me.role === 'admin' || (me.role === 'member_agency' && (desk.data?.openableCriteria.length ?? 0) > 0);
  const filterFields: ListFilterField[] = [
    { name: 'status', label: '状态', node: <Select allowClear placeholder="全部" options={Object.entries(PRICE_DELIVERY_STATUS_LABELS).map(([value, label]) => ({ value, label }))} /> },
    { name: 'kind', label: '措施', node: <Select allowClear placeholder="全部" options={Object.entries(PRICE_MEASURE_KIND_LABELS).map(([value, label]) => ({ value, label }))} /> },
    { name: 'overdue', label: '逾期', node: <Select allowClear placeholder="全部" options={[{ value: 'true', label: '逾期未签收或未执行' }]} /> },
  ];
  return (
    <Card>
      <ListPage<PriceDelivery, ListPageOf<PriceDelivery>>
        listKey="price-measure"
        testId="price-measure"
        rowKey="id"
        columns={columns}
        filterFields={filterFields}
        fetchPage={(r) => api.get<ListPageOf<PriceDelivery>>('/price-measures', listQuery(r))}
        exportPath="/price-measures/export.xlsx"
        exportName="价格信贷措施.xlsx"
        actions={
          maySend && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)} data-testid="send-measure">
              送达措施
            </Button>
          )
        }
        scrollX={1300}
        emptyText="没有价格、信贷措施送达记录"
      />
      <SendMeasureModal open={sending} onClose={() => setSending(false)} onSent={(d) => nav(`/price-measures/${d.id}`)} />
    </Card>
  );
}
