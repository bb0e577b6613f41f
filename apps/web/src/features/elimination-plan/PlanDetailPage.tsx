import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { CRITERION_LABELS, PLAN_EVENT_LABELS, PLAN_STATUS_LABELS, type Plan, type PlanEvent, type PlanLine } from '@taotai/shared';
import { Alert, App, Button, Card, DatePicker, Popconfirm, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime, fmtNumber } from '../../shared/format.ts';
import { TransitionActions } from '../../shared/TransitionActions.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { LineStatusTag } from '../enterprise/labels.tsx';
import { exitTaskApi } from '../exit-task/exit-task-api.ts';
import { unitTotalsText } from '../survey/survey-api.ts';
import { CaseCandidatesCard } from '../department-list/CaseCandidatesCard.tsx';
import { AddLinesModal } from './AddLinesModal.tsx';
import { PLAN_STATUS_COLORS, planApi } from './plan-api.ts';
import { useRecordAction } from '../../shared/use-record-action.ts';

const DONE: Record<PlanEvent, string> = { submit: '计划已报送', withdraw: '计划已撤回', return: '计划已退回', approve: '计划已批准，生产线已列入计划' };

/** One plan: its lines with deadlines, totals per unit, and 报送 / 撤回 / 退回 / 批准 / 导出 as allowed. */
export default function PlanDetailPage() {
  const { id } = useParams();
  const nav = useNavigate();
  const { message } = App.useApp();
  const me = useMe();
  const p = useAsync(() => planApi.get(id!), [id]);
  const { busy, run } = useRecordAction(() => p.reload());
  const [adding, setAdding] = useState(false);

  return <DetailPage state={p} notFound="淘汰计划不存在或无权访问" back={{ to: '/elimination-plans', label: '返回' }} render={view} />;

  // Declared below the return (hoisted): the page's content once the plan is loaded.
  function view(plan: Plan): DetailView {
    const a = plan.abilities;
    const fire = (e: PlanEvent, r = '') => run(() => planApi.transition(plan.id, e, r), DONE[e]);

    const columns = [
      { title: '企业', dataIndex: 'enterpriseName', width: 220, render: (n: string, l: PlanLine) => <Typography.Link onClick={() => nav(`/enterprises/${l.enterpriseId}`)}>{n}</Typography.Link> },
      { title: '所在区划', dataIndex: 'regionName', width: 120 },
      { title: '生产线（设备）', dataIndex: 'lineName', render: (n: string, l: PlanLine) => (l.specification ? `${n}（${l.specification}）` : n) },
      { title: '行业', dataIndex: 'industryName', width: 80 },
      { title: '产能', key: 'cap', width: 120, align: 'right' as const, render: (_: unknown, l: PlanLine) => `${fmtNumber(l.capacity)} ${l.capacityUnitName}` },
      { title: '类别', dataIndex: 'criterion', width: 60, render: (c: PlanLine['criterion']) => CRITERION_LABELS[c] },
      {
        title: '淘汰期限',
        dataIndex: 'exitDeadline',
        width: 150,
        render: (d: string, l: PlanLine) =>
          a.editLines ? (
            <DatePicker
              size="small"
              value={dayjs(d)}
              allowClear={false}
              onChange={(v) => v && run(() => planApi.updateLine(plan.id, l.lineId, plan.version, v.format('YYYY-MM-DD')), '淘汰期限已修改')}
              aria-label={`淘汰期限：${l.lineName}`}
            />
          ) : (
            d
          ),
      },
      { title: '状态', dataIndex: 'lineStatus', width: 100, render: (s: PlanLine['lineStatus']) => (s ? <LineStatusTag status={s} /> : <Tag>已删除</Tag>) },
      ...(a.editLines
        ? [
            {
              title: '操作',
              key: 'op',
              width: 70,
              render: (_: unknown, l: PlanLine) => (
                <Popconfirm title="将该生产线移出计划？" onConfirm={() => run(() => planApi.removeLine(plan.id, l.lineId, plan.version), '已移出计划')}>
                  <Button type="link" size="small" danger>
                    移出
                  </Button>
                </Popconfirm>
              ),
            },
          ]
        : []),
    ];

    return {
      title: plan.title,
      status: (
        <Tag color={PLAN_STATUS_COLORS[plan.status]} data-testid="plan-status">
          {PLAN_STATUS_LABELS[plan.status]}
        </Tag>
      ),
      actions: (
        <>
          {plan.status === 'approved' && (me.role === 'admin' || me.role === 'group_office') && (
            <Button
              loading={busy}
              onClick={() =>
                exitTaskApi
                  .fromPlan(plan.id)
                  .then((r) => message.success(`已生成退出任务：新增 ${r.created} 项，共 ${r.tasks.length} 项`))
                  .catch((e) => message.error(errorMessage(e)))
              }
              data-testid="plan-make-tasks"
            >
              生成退出任务
            </Button>
          )}
          {plan.status === 'approved' && (
            <Button onClick={() => nav(`/exit-tasks?region=${plan.regionCode}&year=${plan.year}`)} data-testid="plan-view-tasks">
              查看退出任务
            </Button>
          )}
          {a.export && (
            <Button icon={<DownloadOutlined />} onClick={() => run(() => planApi.export(plan.id, `${plan.title}.xlsx`), '已导出')}>
              导出
            </Button>
          )}
          {a.delete && (
            <Popconfirm title="删除该草稿计划？" onConfirm={() => run(() => planApi.remove(plan.id, plan.version), '已删除').then((ok) => ok && nav('/elimination-plans'))}>
              <Button danger>删除</Button>
            </Popconfirm>
          )}
          <TransitionActions
            events={plan.availableEvents}
            labels={PLAN_EVENT_LABELS}
            noun="计划"
            busy={busy}
            onFire={fire}
            confirm={{ submit: '报送后不能再修改，由上级审批。', approve: '批准后，计划中的生产线状态将变为“已列入计划”。' }}
          />
        </>
      ),
      columns: { md: 3, xl: 3 },
      facts: [
        { key: 'r', label: '区划', children: plan.regionName },
        { key: 'y', label: '年度', children: `${plan.year}年` },
        { key: 'n', label: '生产线', children: `${plan.lineCount} 条` },
        { key: 't', label: '产能合计', children: unitTotalsText(plan.totals) },
        { key: 's', label: '报送时间', children: fmtDateTime(plan.submittedAt) },
        { key: 'ap', label: '批准时间', children: fmtDateTime(plan.approvedAt) },
        ...(plan.note ? [{ key: 'note', label: '说明', children: plan.note }] : []),
      ],
      notice: plan.status === 'draft' && plan.returnReason && <Alert type="warning" showIcon title="计划被退回" description={plan.returnReason} />,
      body: (
        <>
          <Card
            title="计划淘汰的生产线（设备）"
            extra={
              a.editLines && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  列入生产线
                </Button>
              )
            }
          >
            <Table<PlanLine>
              rowKey="id"
              size="middle"
              dataSource={plan.lines}
              columns={columns}
              pagination={plan.lines.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: '尚未列入生产线' }}
              data-testid="plan-lines"
            />
          </Card>
          <CaseCandidatesCard
            regionCode={plan.regionCode}
            year={plan.year}
            version={plan.version}
            canAdd={a.editLines}
            onAdd={(lineId) => run(() => planApi.addLines(plan.id, plan.version, [{ lineId, exitDeadline: null }]), '已列入计划')}
          />
        </>
      ),
      history: { path: `/elimination-plans/${plan.id}`, version: plan.version },
      modals: (
        <AddLinesModal
          open={adding}
          plan={plan}
          onClose={(updated) => {
            setAdding(false);
            if (updated) p.reload();
          }}
        />
      ),
    };
  }
}
