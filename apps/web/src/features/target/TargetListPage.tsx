import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { YearSelect } from '../../shared/YearSelect.tsx';
import { CreateTargetModal } from './CreateTargetModal.tsx';
import { ProgressTable } from './ProgressTable.tsx';
import { targetApi } from './target-api.ts';

/** 目标任务: the region's targets per industry with their decomposition and progress. */
export default function TargetListPage() {
  const me = useMe();
  const nav = useNavigate();
  const today = useToday();
  const [year, setYear] = useState<number>();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (today && year === undefined) setYear(yearOf(today));
  }, [today, year]);
  const region = me.role === 'admin' || me.role === 'national_auditor' ? undefined : me.regionCode;
  const progress = useAsync(() => (year && region ? targetApi.progress(region, year) : Promise.resolve(undefined)), [year, region]);

  return (
    <Card>
      <div className="page-toolbar">
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            目标任务 · {me.regionName}
          </Typography.Title>
          {year && <YearSelect value={year} onChange={setYear} around={yearOf(today) ?? year} />}
        </Space>
        {me.role === 'group_office' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            录入目标任务
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">
        目标任务按行业下达，各行业以各自的产能单位计量；“已分解”少于目标时标记“分解不足”。县级目标任务分解到企业和生产线。
      </Typography.Paragraph>
      {!region && <Alert type="info" showIcon title="系统管理员请以各级领导小组办公室账号查看目标任务" />}
      {progress.error && <Alert type="error" showIcon title={progress.error.message} />}
      {progress.data && <ProgressTable progress={progress.data} />}
      {year && (
        <CreateTargetModal
          open={creating}
          year={year}
          onClose={(t) => {
            setCreating(false);
            if (t) nav(`/targets/${t.id}`);
          }}
        />
      )}
    </Card>
  );
}
