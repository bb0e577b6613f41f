import { CASE_CRITERION_LABELS, CASE_EVENT_LABELS, type Case, type CaseExtensionRequest, type CaseReinspection, EXTENSION_EVENT_LABELS, EXTENSION_STATUS_LABELS, REINSPECTION_RESULT_LABELS } from '@taotai/shared';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { fmtDateTime } from '../../shared/format.ts';
import { TransitionActions } from '../../shared/TransitionActions.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { caseApi } from './case-api.ts';
import { CaseFiles } from './CaseFiles.tsx';
import { ExtensionModal, ReinspectionModal } from './CaseForms.tsx';
import { CaseDeadline, CaseStatusTag } from './CaseStatusTag.tsx';
import { useRecordAction } from '../../shared/use-record-action.ts';

const EXT_COLORS = { requested: 'blue', granted: 'green', refused: 'red' } as const;

/** One case: its deadline (days left, red when overdue), extension requests and their decisions, re-inspections, history. */
export default function CaseDetailPage() {
  const { id } = useParams();
  const p = useAsync(() => caseApi.get(id!), [id]);
  const { busy, run } = useRecordAction(() => p.reload());
  const [dialog, setDialog] = useState<'extension' | 'reinspection' | null>(null);

  return <DetailPage state={p} notFound="案件不存在或无权访问" back={{ to: '/cases', label: '返回' }} render={view} />;

  function view(c: Case): DetailView {
    const close = (changed: boolean) => {
      setDialog(null);
      if (changed) p.reload();
    };
    const extColumns = [
      { title: '申请时间', dataIndex: 'requestedAt', width: 150, render: (d: string) => fmtDateTime(d) },
      { title: '申请人', dataIndex: 'requestedByName', width: 150 },
      { title: '延期', dataIndex: 'months', width: 70, render: (m: number) => `${m}个月` },
      { title: '理由', dataIndex: 'reason' },
      { title: '状态', dataIndex: 'status', width: 90, render: (s: CaseExtensionRequest['status']) => <Tag color={EXT_COLORS[s]}>{EXTENSION_STATUS_LABELS[s]}</Tag> },
      { title: '决定意见', key: 'note', width: 200, render: (_: unknown, e: CaseExtensionRequest) => (e.decidedAt ? `${e.decidedByName ?? ''}：${e.decisionNote ?? '—'}` : '—') },
      {
        title: '操作',
        key: 'op',
        width: 190,
        render: (_: unknown, e: CaseExtensionRequest) => (
          <TransitionActions
            events={e.availableEvents}
            labels={EXTENSION_EVENT_LABELS}
            noun="延期申请"
            busy={busy}
            onFire={(event, reason) => run(() => caseApi.decideExtension(c.id, e.id, event as 'grant' | 'refuse', reason), event === 'grant' ? '已批准延期' : '已不予批准')}
            confirm={{ grant: `批准后整改期限顺延${e.months}个月。` }}
          />
        ),
      },
    ];
    const reColumns = [
      { title: '复查日期', dataIndex: 'inspectedOn', width: 110 },
      { title: '复查人员', dataIndex: 'inspectors', width: 160 },
      { title: '复查情况', dataIndex: 'findings' },
      { title: '结论', dataIndex: 'result', width: 100, render: (r: CaseReinspection['result']) => <Tag color={r === 'passed' ? 'green' : 'red'}>{REINSPECTION_RESULT_LABELS[r]}</Tag> },
    ];
    return {
      title: `${c.enterpriseName} · ${CASE_CRITERION_LABELS[c.criterion]}`,
      status: <CaseStatusTag c={c} />,
      actions: (
        <>
          {c.abilities.requestExtension && (
            <Button onClick={() => setDialog('extension')} data-testid="case-request-extension">
              申请延期
            </Button>
          )}
          {c.abilities.reinspect && (
            <Button type="primary" onClick={() => setDialog('reinspection')} data-testid="case-reinspect">
              录入复查结论
            </Button>
          )}
          <TransitionActions
            events={c.availableEvents.filter((e) => e === 'withdraw')}
            labels={CASE_EVENT_LABELS}
            noun="案件"
            busy={busy}
            reasonEvents={['withdraw']}
            onFire={(_, reason) => run(() => caseApi.withdraw(c.id, reason), '案件已撤销')}
          />
        </>
      ),
      columns: { md: 2, xl: 3 },
      facts: [
        { key: 'e', label: '企业', children: <Link to={`/enterprises/${c.enterpriseId}`}>{c.enterpriseName}</Link> },
        { key: 'l', label: '生产线', children: c.lineName ?? '整个企业' },
        { key: 'r', label: '所在地', children: c.regionName },
        { key: 'a', label: '立案部门', children: c.agencyName },
        { key: 'no', label: '决定书文号', children: c.decisionNo },
        { key: 's', label: '送达日期', children: c.servedOn },
        { key: 'd', label: '整改期限', children: <CaseDeadline c={c} /> },
        ...(c.originalDeadline && c.originalDeadline !== c.deadline ? [{ key: 'od', label: '原定期限', children: `${c.originalDeadline}（已延期）` }] : []),
        { key: 'std', label: '依据', children: c.standardText },
        { key: 'f', label: '检查发现', children: c.findings },
        ...(c.closureDecisionNo ? [{ key: 'cn', label: '关闭决定文号', children: <Typography.Text type="danger">{c.closureDecisionNo}</Typography.Text> }] : []),
        ...(c.concludedOn ? [{ key: 'co', label: '结案日期', children: c.concludedOn }] : []),
      ],
      notice:
        c.status === 'closure_ordered' ? (
          <Alert type="error" showIcon title="复查不合格：责令关闭，列入红牌名单" data-testid="case-red" />
        ) : c.overdue ? (
          <Alert type="error" showIcon title="整改期限已过，请及时复查" />
        ) : null,
      body: (
        <>
          <CaseFiles c={c} onUploaded={p.reload} />
          <Card title="延期申请" size="small" data-testid="case-extensions">
            <Table<CaseExtensionRequest> rowKey="id" size="small" dataSource={c.extensionRequests} columns={extColumns} pagination={false} scroll={{ x: 960 }} locale={{ emptyText: '没有延期申请' }} />
          </Card>
          <Card title="复查记录" size="small">
            <Table<CaseReinspection> rowKey="id" size="small" dataSource={c.reinspections} columns={reColumns} pagination={false} scroll={{ x: 640 }} locale={{ emptyText: '尚未复查' }} />
          </Card>
        </>
      ),
      history: { path: `/cases/${c.id}`, version: c.version },
      modals: (
        <>
          <ExtensionModal c={c} open={dialog === 'extension'} onClose={close} />
          <ReinspectionModal c={c} open={dialog === 'reinspection'} onClose={close} />
        </>
      ),
    };
  }
}
