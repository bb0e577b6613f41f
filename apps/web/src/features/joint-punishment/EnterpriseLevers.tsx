import {
  JOINT_PUNISHMENT_STATUS_LABELS,
  PRICE_DELIVERY_STATUS_LABELS,
  PRICE_MEASURE_KIND_LABELS,
  RESTRICTION_DOMAIN_LABELS,
  type JointPunishmentEntry,
  type ListPage as ListPageOf,
  type PriceDelivery,
} from '@taotai/shared';
import { Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { useAsync } from '../../shared/use-async.ts';
import { ENTRY_STATUS_COLORS } from './joint-punishment-labels.ts';

/**
 * The enterprise page's 「惩戒与价格措施」 tab (issue 12 "Who sees what"): its joint punishment entries with the
 * restrictions applied, and the price and credit measures sent for it, with their dates. Scoped by the server
 * (an enterprise account sees its own only).
 */
export function EnterpriseLevers({ enterpriseId }: { enterpriseId: number }) {
  const entries = useAsync(() => api.get<ListPageOf<JointPunishmentEntry>>('/joint-punishment', { enterpriseId, pageSize: 50 }), [enterpriseId]);
  const measures = useAsync(() => api.get<ListPageOf<PriceDelivery>>('/price-measures', { enterpriseId, pageSize: 50 }), [enterpriseId]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="enterprise-levers">
      <div>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          联合惩戒
        </Typography.Title>
        {entries.data?.items.length ? (
          entries.data.items.map((e) => (
            <div key={e.id} style={{ marginBottom: 12 }}>
              <Space wrap>
                <Link to={`/joint-punishment/${e.id}`}>列入日期 {e.listedOn}</Link>
                <Tag color={ENTRY_STATUS_COLORS[e.status]}>{JOINT_PUNISHMENT_STATUS_LABELS[e.status]}</Tag>
                {e.endedOn && <span>移出日期 {e.endedOn}</span>}
              </Space>
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {e.restrictions.map((r) => (
                  <li key={r.id}>
                    {RESTRICTION_DOMAIN_LABELS[r.domain]}：{r.measure}（{r.agencyName}，{r.appliedOn}）
                  </li>
                ))}
                {e.restrictions.length === 0 && <li>各部门尚未记录惩戒措施</li>}
              </ul>
            </div>
          ))
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={entries.loading ? '加载中…' : '未列入联合惩戒名单'} />
        )}
      </div>
      <div>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          价格、信贷措施
        </Typography.Title>
        <Table<PriceDelivery>
          size="small"
          rowKey="id"
          loading={measures.loading}
          dataSource={measures.data?.items ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: '没有价格、信贷措施' }}
          columns={[
            { key: 'k', title: '措施', dataIndex: 'kind', width: 130, render: (k: PriceDelivery['kind'], d) => <Link to={`/price-measures/${d.id}`}>{PRICE_MEASURE_KIND_LABELS[k]}</Link> },
            { key: 'r', title: '执行单位', dataIndex: 'recipientName', width: 180 },
            { key: 's', title: '状态', dataIndex: 'status', width: 90, render: (s: PriceDelivery['status']) => PRICE_DELIVERY_STATUS_LABELS[s] },
            { key: 'e', title: '执行日期', dataIndex: 'effectiveOn', width: 110, render: (d: string | null) => d ?? '—' },
            { key: 'x', title: '解除日期', dataIndex: 'removedOn', width: 110, render: (d: string | null) => d ?? '—' },
          ]}
        />
      </div>
    </Space>
  );
}
