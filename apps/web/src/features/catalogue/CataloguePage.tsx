import type { BasisItem, CapacityUnit, Industry } from '@taotai/shared';
import { Alert, Card, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { useAsync } from '../../shared/use-async.ts';
import { BasisTab } from './BasisTab.tsx';
import { IndustryTab } from './IndustryTab.tsx';

/** 行业与判定依据: everyone reads it; the province office (catalogue:manage) maintains it. */
export default function CataloguePage() {
  const can = useCan();
  const canManage = can('catalogue:manage');
  const data = useAsync(
    () =>
      Promise.all([
        api.get<CapacityUnit[]>('/catalogue/units'),
        api.get<Industry[]>('/catalogue/industries'),
        api.get<BasisItem[]>('/catalogue/basis-items'),
      ]),
    [],
  );
  const [units, industries, basis] = data.data ?? [[], [], []];
  const [reloads, setReloads] = useState(0);
  const changed = () => {
    data.reload();
    setReloads((n) => n + 1);
  };
  // The open tab is in the URL; switching drops the other list's filters and page (only the open tab is mounted).
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'industries';

  return (
    <Card title="行业与判定依据">
      {!canManage && (
        <Typography.Paragraph type="secondary">目录由省级领导小组办公室维护，如需增补行业或依据请向上级提出。</Typography.Paragraph>
      )}
      {data.error && <Alert type="error" showIcon title={data.error.message} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={(t) => setParams({ tab: t }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'industries',
            label: `行业（${industries.length}）`,
            children: <IndustryTab units={units} canManage={canManage} reloads={reloads} onChanged={changed} />,
          },
          {
            key: 'basis',
            label: `判定依据（${basis.length}）`,
            children: <BasisTab industries={industries} canManage={canManage} reloads={reloads} onChanged={changed} />,
          },
          {
            key: 'units',
            label: '产能单位',
            children: (
              <Table<CapacityUnit>
                rowKey="code"
                size="middle"
                pagination={false}
                loading={data.loading}
                dataSource={units}
                columns={[
                  { title: '单位代码', dataIndex: 'code', width: 200, render: (v: string) => <code>{v}</code> },
                  { title: '单位名称', dataIndex: 'name' },
                ]}
                footer={() => '不同产能单位的产能不相加，所有合计均按单位分列。'}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
