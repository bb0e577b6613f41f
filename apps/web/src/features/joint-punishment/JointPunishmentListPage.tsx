import { DownloadOutlined } from '@ant-design/icons';
import {
  JOINT_PUNISHMENT_GROUND_LABELS,
  JOINT_PUNISHMENT_STATUS_LABELS,
  RESTRICTION_DOMAIN_LABELS,
  type JointPunishmentEntry,
  type JointPunishmentGround,
  type JointPunishmentStatus,
  type ListPage as ListPageOf,
} from '@taotai/shared';
import { App, Button, Card, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { api, download } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { CandidatesCard } from './CandidatesCard.tsx';
import { ENTRY_STATUS_COLORS } from './joint-punishment-labels.ts';

const columns: ListColumn<JointPunishmentEntry>[] = [
  { key: 'id', title: '编号', dataIndex: 'id', width: 80, sortField: 'id' },
  { key: 'enterprise', title: '企业', dataIndex: 'enterpriseName', width: 240, render: (n: string, e) => <Link to={`/joint-punishment/${e.id}`}>{n}</Link> },
  { key: 'uscc', title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
  { key: 'ground', title: '事由', dataIndex: 'ground', width: 140, render: (g: JointPunishmentGround) => JOINT_PUNISHMENT_GROUND_LABELS[g] },
  { key: 'status', title: '状态', dataIndex: 'status', width: 130, render: (s: JointPunishmentStatus) => <Tag color={ENTRY_STATUS_COLORS[s]}>{JOINT_PUNISHMENT_STATUS_LABELS[s]}</Tag> },
  { key: 'listedOn', title: '列入日期', dataIndex: 'listedOn', width: 110 },
  {
    key: 'restrictions',
    title: '已实施惩戒',
    dataIndex: 'restrictions',
    width: 260,
    render: (rs: JointPunishmentEntry['restrictions']) => (rs.length ? rs.map((r) => RESTRICTION_DOMAIN_LABELS[r.domain]).join('、') : '—'),
  },
  { key: 'issuer', title: '列入机关', dataIndex: 'issuingAgencyName', width: 220 },
];

/** 联合惩戒名单 (002 §三(八)): the office lists candidates; departments record restrictions; the exchange file. */
export default function JointPunishmentListPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [token, setToken] = useState(0);
  const office = me.role === 'group_office' || me.role === 'admin';
  const filterFields: ListFilterField[] = [
    { name: 'status', label: '状态', node: <Select allowClear placeholder="全部" options={Object.entries(JOINT_PUNISHMENT_STATUS_LABELS).map(([value, label]) => ({ value, label }))} /> },
    { name: 'ground', label: '事由', node: <Select allowClear placeholder="全部" options={Object.entries(JOINT_PUNISHMENT_GROUND_LABELS).map(([value, label]) => ({ value, label }))} /> },
  ];
  const exchange = (ext: 'csv' | 'json') =>
    download(`/joint-punishment/exchange.${ext}`, undefined, `joint-punishment.${ext}`).then(
      (name) => message.success(`已下载${name}`),
      (e) => message.error(errorMessage(e)),
    );
  return (
    <>
      {office && <CandidatesCard onListed={() => setToken((n) => n + 1)} />}
      <Card>
        <ListPage<JointPunishmentEntry, ListPageOf<JointPunishmentEntry>>
          listKey="joint-punishment"
          testId="joint-punishment"
          rowKey="id"
          columns={columns}
          filterFields={filterFields}
          reloadToken={token}
          fetchPage={(r) => api.get<ListPageOf<JointPunishmentEntry>>('/joint-punishment', listQuery(r))}
          exportPath="/joint-punishment/export.xlsx"
          exportName="联合惩戒名单.xlsx"
          actions={
            me.role !== 'enterprise' && (
              <Space wrap>
                <Button icon={<DownloadOutlined />} onClick={() => exchange('csv')}>
                  交换文件（CSV）
                </Button>
                <Button icon={<DownloadOutlined />} onClick={() => exchange('json')}>
                  交换文件（JSON）
                </Button>
              </Space>
            )
          }
          scrollX={1400}
          emptyText="联合惩戒名单中没有企业"
        />
      </Card>
    </>
  );
}
