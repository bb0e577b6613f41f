import { PlusOutlined } from '@ant-design/icons';
import { INSPECTION_ROUND_STATUS_LABELS, type InspectionRoundStatus, type InspectionRoundSummary, TEAM_ROLE_LABELS } from '@taotai/shared';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { YearSelect } from '../../shared/YearSelect.tsx';
import { CreateRoundModal } from './CreateRoundModal.tsx';
import { inspectionApi, ROUND_STATUS_COLORS } from './inspection-api.ts';

/** 联合验收: the inspection rounds of my region and those below; the office sets up its own. */
export default function InspectionListPage() {
  const me = useMe();
  const nav = useNavigate();
  const today = useToday();
  const [year, setYear] = useState<number>();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (today && year === undefined) setYear(yearOf(today));
  }, [today, year]);
  const rounds = useAsync(() => (year ? inspectionApi.list({ year }) : Promise.resolve([])), [year]);
  const mayCreate = me.role === 'group_office' || me.role === 'admin';

  return (
    <Card>
      <div className="page-toolbar">
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            联合检查验收
          </Typography.Title>
          {year && <YearSelect value={year} onChange={setYear} around={yearOf(today) ?? year} />}
        </Space>
        {mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-round">
            组建检查验收批次
          </Button>
        )}
      </div>
      {rounds.error && <Alert type="error" showIcon title={rounds.error.message} />}
      <Table<InspectionRoundSummary>
        rowKey="id"
        size="middle"
        loading={rounds.loading}
        dataSource={rounds.data}
        pagination={false}
        locale={{ emptyText: `${year ?? ''}年尚无检查验收批次` }}
        data-testid="round-table"
        columns={[
          { title: '批次', dataIndex: 'title', render: (t: string, r) => <Link to={`/inspections/${r.id}`}>{t}</Link> },
          { title: '区划', dataIndex: 'regionName', width: 110 },
          { title: '检查日期', key: 'd', width: 200, render: (_, r) => (r.endDate ? `${r.startDate} 至 ${r.endDate}` : `${r.startDate} 起`) },
          {
            title: '检查组',
            key: 'team',
            render: (_, r) => {
              const leader = r.team.find((m) => m.role === 'leader');
              return `${leader ? `${TEAM_ROLE_LABELS.leader} ${leader.personName}（${leader.agencyName}）` : '未定组长'}，共${r.team.length}人`;
            },
          },
          { title: '企业（已结论/总数）', key: 'n', width: 150, render: (_, r) => `${r.concludedCount} / ${r.enterpriseCount}` },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: InspectionRoundStatus) => <Tag color={ROUND_STATUS_COLORS[s]}>{INSPECTION_ROUND_STATUS_LABELS[s]}</Tag>,
          },
        ]}
      />
      {creating && year && (
        <CreateRoundModal regionCode={me.regionCode} year={year} onClose={() => setCreating(false)} onCreated={(id) => nav(`/inspections/${id}`)} />
      )}
    </Card>
  );
}
