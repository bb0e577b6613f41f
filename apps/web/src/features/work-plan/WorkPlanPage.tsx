import { PlusOutlined } from '@ant-design/icons';
import type { WorkPlan } from '@taotai/shared';
import { Alert, Button, Card, Drawer, Empty, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/session.tsx';
import { DetailPage } from '../../shared/DetailPage.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { YearSelect } from '../../shared/YearSelect.tsx';
import { CreateWorkPlanModal } from './CreateWorkPlanModal.tsx';
import { EditPhasesModal } from './EditPhasesModal.tsx';
import { LowerPlanList } from './LowerPlanList.tsx';
import { planView } from './PlanCard.tsx';
import { workPlanApi } from './work-plan-api.ts';

/** 工作方案: the region's plan for a year (or the upper level's it follows), and the plans below it. */
export default function WorkPlanPage() {
  const me = useMe();
  const today = useToday();
  const [year, setYear] = useState<number>();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    if (today && year === undefined) setYear(yearOf(today));
  }, [today, year]);

  const eff = useAsync(() => (year ? workPlanApi.effective(year) : Promise.resolve(undefined)), [year]);
  const viewed = useAsync(() => (viewing ? workPlanApi.get(viewing) : Promise.resolve(null)), [viewing]);
  const plan = eff.data?.plan ?? null;
  const inherited = !!eff.data?.inherited;
  const own = plan && !inherited ? plan : null;
  const mayCreate = me.role === 'group_office' && !own && !eff.loading;
  const reload = () => {
    eff.reload();
    setReloads((n) => n + 1);
  };

  // Plans of the levels below (the region's own and its upper levels' are shown above); towns have none below.
  const hasLower = me.role !== 'town' && me.role !== 'enterprise';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div className="page-toolbar" style={{ marginBottom: 0 }}>
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>
              年度工作方案
            </Typography.Title>
            {year && <YearSelect value={year} onChange={setYear} around={yearOf(today) ?? year} />}
          </Space>
          {mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              制定本级方案
            </Button>
          )}
        </div>
      </Card>
      {inherited && plan && (
        <Alert
          type="info"
          showIcon
          title={`${me.regionName}尚未制定${year}年工作方案，目前执行${plan.regionName}的方案`}
          description={me.role === 'group_office' ? '可依据上级方案制定本级方案（只能收紧各阶段时间），也可按模板制定。' : undefined}
        />
      )}
      <DetailPage
        state={{ data: plan ?? undefined, error: eff.error, loading: eff.loading || !year }}
        notFound={`${year ?? ''}年尚无工作方案`}
        empty={
          <Card>
            <Empty description={`${year ?? ''}年尚无工作方案`} />
          </Card>
        }
        render={(p) => planView(p, today, own ? () => setEditing(true) : undefined)}
      />
      {year && hasLower && (
        <Card title="下级工作方案">
          <LowerPlanList year={year} reloads={reloads} onOpen={setViewing} />
        </Card>
      )}
      {year && (
        <CreateWorkPlanModal
          open={creating}
          year={year}
          upper={inherited ? plan : null}
          onClose={(created) => {
            setCreating(false);
            if (created) reload();
          }}
        />
      )}
      {own && (
        <EditPhasesModal
          open={editing}
          plan={own}
          onClose={(saved: WorkPlan | null) => {
            setEditing(false);
            if (saved) reload();
          }}
        />
      )}
      <Drawer title={viewed.data?.title ?? '工作方案'} open={viewing !== null} onClose={() => setViewing(null)} size={900}>
        {viewing !== null && <DetailPage state={{ data: viewed.data ?? undefined, error: viewed.error, loading: viewed.loading }} notFound="工作方案不存在或无权访问" render={(p) => planView(p, today)} />}
      </Drawer>
    </Space>
  );
}

