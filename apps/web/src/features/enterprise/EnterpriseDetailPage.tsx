import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type Enterprise, type Line, SIZE_CLASS_LABELS, sumByUnit } from '@taotai/shared';
import { App, Button, Popconfirm, Space, Table, type TableProps, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDate, fmtDateTime, fmtNumber } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { useCatalogue } from '../catalogue/catalogue-api.ts';
import { regionApi } from '../region/region-tree-data.ts';
import { enterpriseApi } from './enterprise-api.ts';
import { CriterionTag, LineStatusTag, StatusTag } from './labels.tsx';
import { OpenCaseButton } from '../non-compliance-case/OpenCaseButton.tsx';
import { LineFormModal } from './LineFormModal.tsx';
import { EnterpriseLevers } from '../joint-punishment/EnterpriseLevers.tsx';
import { EnterpriseCases } from '../non-compliance-case/EnterpriseCases.tsx';
import { useMe } from '../../app/session.tsx';

/** One enterprise and its lines; an enterprise out of the user's scope is "不存在或无权访问" like a missing one. */
/** Roles that read cases (the case module's policy): others get no 不达标案件 tab. */
const CASE_READERS = new Set(['admin', 'group_office', 'leader', 'member_agency', 'enterprise']);

export default function EnterpriseDetailPage() {
  const me = useMe();
  const { id } = useParams();
  const nav = useNavigate();
  const { message } = App.useApp();
  const { basisItems } = useCatalogue();
  const ent = useAsync(() => enterpriseApi.get(id!), [id]);
  const [editing, setEditing] = useState<{ line: Line | null } | null>(null);
  const regionCode = ent.data?.regionCode;
  // The full path (河南省 / 郑州市 / 巩义市 / 米河镇) reads better than the bare town name.
  const region = useAsync(() => (regionCode ? regionApi.get(regionCode) : Promise.resolve(null)), [regionCode]);

  return <DetailPage state={ent} notFound="企业不存在或无权访问" back={{ to: '/enterprises', label: '返回企业台账' }} render={view} />;

  // Declared below the return (hoisted): the page's content once the enterprise is loaded.

  function view(e: Enterprise): DetailView {
    // The catalogue item's own words first (what an inspector checks), its source after.
    const basisOf = (l: Line) => {
      const item = l.basisItemId ? basisItems.find((b) => b.id === l.basisItemId) : undefined;
      const short = [item?.title, l.basisText || null].filter(Boolean).join('；') || '—';
      const full = [item ? `${item.title}（${item.source}）` : null, l.basisText || null].filter(Boolean).join('；');
      return { short, full };
    };

    const removeLine = async (l: Line) => {
      try {
        await enterpriseApi.deleteLine(l.id, l.version);
        message.success('生产线已删除');
        ent.reload();
      } catch (err) {
        message.error(errorMessage(err));
      }
    };

    const columns: TableProps<Line>['columns'] = [
      { title: '生产线（设备）名称', dataIndex: 'name', render: (n: string, l) => (l.specification ? `${n}（${l.specification}）` : n) },
      { title: '数量', dataIndex: 'quantity', width: 70, align: 'right', render: (q: number) => `${q} 台/套` },
      {
        title: '产能',
        key: 'capacity',
        width: 140,
        align: 'right',
        render: (_, l) => (
          <span>
            {fmtNumber(l.capacity)} <Typography.Text type="secondary">{l.capacityUnitName}</Typography.Text>
          </span>
        ),
      },
      { title: '行业', dataIndex: 'industryName', width: 90 },
      { title: '不达标类别', dataIndex: 'criterion', width: 100, render: (c: Line['criterion']) => <CriterionTag criterion={c} /> },
      {
        title: '判定依据',
        key: 'basis',
        ellipsis: { showTitle: false },
        render: (_, l) => {
          const b = basisOf(l);
          return (
            <Tooltip title={b.full || undefined} placement="topLeft">
              {b.short}
            </Tooltip>
          );
        },
      },
      { title: '计划淘汰时间', dataIndex: 'plannedExitDate', width: 120, render: fmtDate },
      { title: '状态', dataIndex: 'status', width: 100, render: (s: Line['status']) => <LineStatusTag status={s} /> },
    ];
    if (e.abilities.update) {
      columns.push({
        title: '操作',
        key: 'ops',
        width: 120,
        render: (_, l) => (
          <Space size={4}>
            <Button type="link" size="small" onClick={() => setEditing({ line: l })}>
              编辑
            </Button>
            <Popconfirm title="删除该生产线？" description="删除后不可恢复，操作将记入审计日志。" onConfirm={() => removeLine(l)} okText="删除" okButtonProps={{ danger: true }}>
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ),
      });
    }

    // Capacities are totalled per unit; different units are never added together.
    const byUnit = sumByUnit(e.lines, (l) => l.capacityUnitName, (l) => l.capacity);

    return {
      title: e.name,
      status: <StatusTag status={e.status} />,
      actions: (
        <>
          {e.abilities.update && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => nav(`/enterprises/${e.id}/edit`)}>
              编辑
            </Button>
          )}
          <OpenCaseButton enterprise={e} />
        </>
      ),
      facts: [
        { key: 'uscc', label: '统一社会信用代码', children: <Typography.Text copyable>{e.uscc}</Typography.Text> },
        { key: 'region', label: '所在区划', children: region.data?.fullName ?? e.regionName },
        { key: 'industry', label: '行业', children: e.industryName },
        { key: 'address', label: '生产经营地址', children: e.address || '—', span: 2 },
        { key: 'legal', label: '法定代表人', children: e.legalRepresentative || '—' },
        { key: 'contact', label: '联系人', children: e.contactPerson || '—' },
        { key: 'phone', label: '联系电话', children: e.contactPhone || '—' },
        { key: 'employees', label: '职工人数', children: e.employees ?? '—' },
        { key: 'size', label: '企业规模', children: e.sizeClass ? SIZE_CLASS_LABELS[e.sizeClass] : '—' },
        { key: 'created', label: '登记时间', children: fmtDateTime(e.createdAt) },
        { key: 'updated', label: '更新时间', children: fmtDateTime(e.updatedAt) },
      ],
      tabs: [
        {
          key: 'lines',
          label: `落后生产线（设备）· ${e.lines.length} 条`,
          children: (
            <>
              {e.abilities.addLine && (
                <div style={{ textAlign: 'right', marginBottom: 12 }}>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ line: null })}>
                    添加生产线
                  </Button>
                </div>
              )}
              <Table<Line> rowKey="id" size="middle" columns={columns} dataSource={e.lines} pagination={false} scroll={{ x: 1000 }} data-testid="line-table" />
              {byUnit.size > 0 && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  产能合计：{[...byUnit].map(([u, t]) => `${fmtNumber(t)} ${u}`).join('；')}
                </Typography.Paragraph>
              )}
            </>
          ),
        },
        // Issue 12: the enterprise's cases with their list status, and its joint punishment entries and price/credit
        // measures, with their dates (towns and auditors read no cases: the tab is left out for them).
        ...(CASE_READERS.has(me.role) ? [{ key: 'cases', label: '不达标案件', children: <EnterpriseCases enterpriseId={e.id} /> }] : []),
        { key: 'levers', label: '惩戒与价格措施', children: <EnterpriseLevers enterpriseId={e.id} /> },
      ],
      modals: (
        <LineFormModal
          enterprise={e}
          line={editing?.line ?? null}
          open={editing !== null}
          onClose={(saved) => {
            setEditing(null);
            if (saved) ent.reload();
          }}
        />
      ),
    };
  }
}
