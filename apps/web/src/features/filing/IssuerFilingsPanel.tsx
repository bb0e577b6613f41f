import type { FilingRequirement, FilingSummary, NonSubmitters } from '@taotai/shared';
import { Alert, Badge, Button, Card, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { fmtDateTime } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { filingApi } from './filing-api.ts';
import { FilingDrawer } from './FilingDrawer.tsx';
import { FilingStatusTag } from './labels.tsx';
import { ProvisionalDate } from '../../shared/ProvisionalDate.tsx';

type Missing = NonSubmitters['items'][number];

interface Props {
  requirement: FilingRequirement;
  periodKey: string;
  onChanged: () => void;
}

/** The issuer's (and overseers') side: who filed and how, and who has not — with working days overdue. */
export function IssuerFilingsPanel({ requirement, periodKey, onChanged }: Props) {
  const [tab, setTab] = useState('filings');
  const [open, setOpen] = useState<number | null>(null);
  const filings = useAsync(() => filingApi.filings(requirement.id, periodKey), [requirement.id, periodKey]);
  const missing = useAsync(() => filingApi.nonSubmitters(requirement.id, periodKey), [requirement.id, periodKey]);
  const issuer = requirement.relation === 'issuer';

  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'filings',
            label: `已报送（${filings.data?.length ?? 0}/${requirement.targetCount}）`,
            children: (
              <>
                {filings.error && <Alert type="error" showIcon title={filings.error.message} />}
                <Table<FilingSummary>
                  rowKey="id"
                  size="middle"
                  loading={filings.loading}
                  dataSource={filings.data}
                  pagination={false}
                  locale={{ emptyText: '尚无单位报送' }}
                  data-testid="filings-table"
                  columns={[
                    { title: '报送单位', key: 'unit', render: (_, f) => f.target.name },
                    { title: '状态', dataIndex: 'status', width: 110, render: (s: FilingSummary['status']) => <FilingStatusTag status={s} /> },
                    { title: '报送时间', dataIndex: 'submittedAt', width: 170, render: fmtDateTime },
                    {
                      title: '是否按时',
                      key: 'late',
                      width: 150,
                      render: (_, f) =>
                        f.onTime ? <Typography.Text type="success">按时</Typography.Text> : <Typography.Text type="danger">逾期 {f.lateWorkingDays} 个工作日</Typography.Text>,
                    },
                    { title: '版本', dataIndex: 'revision', width: 70, render: (r: number) => `第${r}版` },
                    {
                      title: '操作',
                      key: 'op',
                      width: 110,
                      render: (_, f) => {
                        const pending = issuer && f.availableEvents.some((e) => e === 'receive' || e === 'accept');
                        return (
                          <Button type="link" size="small" onClick={() => setOpen(f.id)}>
                            {pending ? (
                              <Badge dot offset={[4, 0]}>
                                办理
                              </Badge>
                            ) : (
                              '查看'
                            )}
                          </Button>
                        );
                      },
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'missing',
            label: `未报送单位（${missing.data?.items.length ?? 0}）`,
            children: (
              <>
                {missing.error && <Alert type="error" showIcon title={missing.error.message} />}
                {missing.data && (
                  <Typography.Paragraph type="secondary">
                    截止 <ProvisionalDate date={missing.data.period.dueDate} provisional={missing.data.period.dueProvisional} />，截至 {missing.data.today} 应报 {missing.data.expected} 个单位，未报送 {missing.data.items.length} 个。逾期按工作日计算。
                  </Typography.Paragraph>
                )}
                <Table<Missing>
                  rowKey="id"
                  size="middle"
                  loading={missing.loading}
                  dataSource={missing.data?.items}
                  pagination={false}
                  locale={{ emptyText: '全部单位均已报送' }}
                  data-testid="non-submitters"
                  columns={[
                    { title: '未报送单位', dataIndex: 'name' },
                    {
                      title: '逾期情况',
                      key: 'over',
                      width: 200,
                      render: (_, m) =>
                        m.overdueWorkingDays > 0 ? (
                          <Typography.Text type="danger" strong>
                            逾期 {m.overdueWorkingDays} 个工作日
                          </Typography.Text>
                        ) : (
                          <Typography.Text>{m.label}</Typography.Text>
                        ),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      <FilingDrawer
        filingId={open}
        requirement={requirement}
        onClose={(changed) => {
          setOpen(null);
          if (changed) {
            filings.reload();
            missing.reload();
            onChanged();
          }
        }}
      />
    </Card>
  );
}
