import { type AnnouncementItem, type AnnouncementKind, type AnnouncementUnitTotal, departmentListKindOf } from '@taotai/shared';
import { Card, Empty, Grid, Input, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { fmtNumber } from '../../shared/format.ts';
import { DATE_LABELS } from './announcement-api.ts';
import './items.css';

// A department list's case may concern the whole enterprise (no line, no capacity).
const capacityText = (i: AnnouncementItem) => (i.unitName ? `${fmtNumber(i.capacity)} ${i.unitName}` : '—');

/** 合计：12.5 万吨（2 条生产线，1 家企业）；120 万重量箱（…）— one entry per unit, never added across units. */
export function TotalsLine({ totals }: { totals: AnnouncementUnitTotal[] }) {
  if (!totals.length) return null;
  return (
    <div className="ann-totals" data-testid="ann-totals">
      <strong>合计：</strong>
      {totals.map((t, n) => (
        <span key={t.unitCode}>
          {n > 0 && '；'}
          {fmtNumber(t.capacity)} {t.unitName}（{t.lineCount} 条生产线，{t.enterpriseCount} 家企业）
        </span>
      ))}
    </div>
  );
}

const matches = (i: AnnouncementItem, q: string) => !q || i.enterpriseName.includes(q) || i.lineName.includes(q) || i.uscc === q.toUpperCase() || i.regionName.includes(q);

/**
 * The listed lines with a filter box. Wide screens get a table that scrolls inside its container; phones
 * get one card per line, so the page itself never scrolls sideways.
 */
export function ItemsView({ items, kind, searchable = true }: { items: AnnouncementItem[]; kind: AnnouncementKind; searchable?: boolean }) {
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [q, setQ] = useState('');
  const shown = useMemo(() => items.filter((i) => matches(i, q.trim())), [items, q]);
  const dateLabel = DATE_LABELS[kind];
  const department = departmentListKindOf(kind);

  const filter = searchable && (
    <Input.Search allowClear placeholder="按企业、生产线名称或统一社会信用代码筛选" onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 420, marginBottom: 12 }} aria-label="筛选名单" />
  );

  if (narrow) {
    return (
      <>
        {filter}
        {shown.length === 0 && <Empty description="没有符合条件的条目" />}
        <div className="ann-item-list">
          {shown.map((i) => (
            <Card size="small" className="ann-item-card" key={i.id} data-testid="ann-item-card">
              <div className="ann-item-head">
                <span className="ann-item-seq">{i.seq}</span>
                <Typography.Text strong>{i.enterpriseName}</Typography.Text>
              </div>
              <dl className="ann-item-fields">
                <dt>统一社会信用代码</dt>
                <dd>{i.uscc}</dd>
                <dt>所在地区</dt>
                <dd>{i.regionName}</dd>
                <dt>生产线（设备）</dt>
                <dd>{i.specification ? `${i.lineName}（${i.specification}）` : i.lineName}</dd>
                <dt>产能</dt>
                <dd>{capacityText(i)}</dd>
                <dt>{dateLabel}</dt>
                <dd>{i.date ?? '—'}</dd>
                {department && (
                  <>
                    {department.colour === 'yellow' && (
                      <>
                        <dt>整改期限</dt>
                        <dd>{i.dismantleDeadline ?? '—'}</dd>
                      </>
                    )}
                    <dt>处理情况</dt>
                    <dd>{i.commitment}</dd>
                  </>
                )}
                {kind === 'sealed_list' && (
                  <>
                    <dt>拆除期限</dt>
                    <dd>{i.dismantleDeadline ?? '—'}</dd>
                    <dt>承诺</dt>
                    <dd>{i.commitment}</dd>
                  </>
                )}
              </dl>
            </Card>
          ))}
        </div>
      </>
    );
  }
  return (
    <>
      {filter}
      <Table<AnnouncementItem>
        rowKey="id"
        size="small"
        dataSource={shown}
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        data-testid="ann-items"
        columns={[
          { title: '序号', dataIndex: 'seq', width: 50 },
          { title: '企业名称', dataIndex: 'enterpriseName', width: 190 },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 170 },
          { title: '所在地区', dataIndex: 'regionName', width: 90 },
          { title: '生产线（设备）', dataIndex: 'lineName', width: 150 },
          { title: '规格型号', dataIndex: 'specification', width: 110 },
          { title: '产能', key: 'cap', width: 105, align: 'right', render: (_, i) => capacityText(i) },
          { title: dateLabel, dataIndex: 'date', width: 100 },
          ...(kind === 'sealed_list'
            ? [
                { title: '拆除期限', dataIndex: 'dismantleDeadline', width: 110 },
                { title: '企业承诺', dataIndex: 'commitment', width: 320 },
              ]
            : []),
          ...(department
            ? [
                ...(department.colour === 'yellow' ? [{ title: '整改期限', dataIndex: 'dismantleDeadline', width: 110 }] : []),
                { title: '处理情况', dataIndex: 'commitment', width: 280 },
              ]
            : []),
        ]}
      />
    </>
  );
}
