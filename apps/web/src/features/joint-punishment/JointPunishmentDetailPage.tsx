import {
  JOINT_PUNISHMENT_EVENT_LABELS,
  JOINT_PUNISHMENT_EVENTS,
  JOINT_PUNISHMENT_GROUND_LABELS,
  JOINT_PUNISHMENT_STATUS_LABELS,
  RESTRICTION_DOMAIN_LABELS,
  type JointPunishmentEntry,
  type JointPunishmentEvent,
  type JointRestriction,
} from '@taotai/shared';
import { App, Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { TransitionActions } from '../../shared/TransitionActions.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { ENTRY_STATUS_COLORS } from './joint-punishment-labels.ts';
import { RestrictionModal } from './RestrictionModal.tsx';

const CONFIRM: Partial<Record<JointPunishmentEvent, string>> = {
  object: '异议须在异议期内提出，由领导小组办公室答复。',
  apply_repair: '信用修复须在整改到位后申请，由领导小组办公室决定。',
  accept_objection: '异议成立，企业将移出联合惩戒名单。',
  grant_repair: '同意后企业移出联合惩戒名单，不再出现在交换文件中。',
};

/** One entry: basis, restrictions by department, the objection and the credit repair, and its history. */
export default function JointPunishmentDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const e = useAsync(() => api.get<JointPunishmentEntry>(`/joint-punishment/${id}`), [id]);
  const [busy, setBusy] = useState(false);
  const [restricting, setRestricting] = useState(false);

  return <DetailPage state={e} notFound="联合惩戒记录不存在或无权访问" back={{ to: '/joint-punishment', label: '返回联合惩戒名单' }} render={view} />;

  function view(j: JointPunishmentEntry): DetailView {
    const fire = async (event: JointPunishmentEvent, reason: string) => {
      setBusy(true);
      try {
        await api.post(`/joint-punishment/${j.id}/transition`, { event, reason, version: j.version });
        message.success(`已${JOINT_PUNISHMENT_EVENT_LABELS[event]}`);
        e.reload();
        return true;
      } catch (err) {
        message.error(errorMessage(err));
        return false;
      } finally {
        setBusy(false);
      }
    };
    return {
      title: j.enterpriseName,
      status: <Tag color={ENTRY_STATUS_COLORS[j.status]}>{JOINT_PUNISHMENT_STATUS_LABELS[j.status]}</Tag>,
      actions: (
        <>
          <TransitionActions<JointPunishmentEvent>
            events={j.availableEvents}
            labels={JOINT_PUNISHMENT_EVENT_LABELS}
            noun=""
            busy={busy}
            confirm={CONFIRM}
            reasonEvents={JOINT_PUNISHMENT_EVENTS}
            reasonLabel={j.status === 'listed' ? '异议或申请内容' : '答复或决定理由'}
            onFire={fire}
          />
          {j.mayRestrict && (
            <Button onClick={() => setRestricting(true)} data-testid="add-restriction">
              记录惩戒措施
            </Button>
          )}
        </>
      ),
      columns: { md: 2, xl: 3 },
      facts: [
        { key: 'u', label: '统一社会信用代码', children: j.uscc },
        { key: 'r', label: '所在地', children: j.regionName },
        { key: 'g', label: '事由', children: JOINT_PUNISHMENT_GROUND_LABELS[j.ground] },
        { key: 'b', label: '列入依据', children: j.basis, span: 2 },
        { key: 'i', label: '列入机关', children: j.issuingAgencyName },
        { key: 'l', label: '列入日期', children: j.listedOn },
        { key: 'o', label: '异议期至', children: j.objectionUntil },
        { key: 'ob', label: '异议', children: j.objection ?? '—' },
        { key: 'oa', label: '异议答复', children: j.objectionAnswer ?? '—' },
        { key: 'ra', label: '信用修复申请', children: j.repairApplication ?? '—' },
        { key: 'rd', label: '信用修复决定', children: j.repairDecision ?? '—' },
        { key: 'end', label: '移出日期', children: j.endedOn ?? '—' },
      ],
      tabs: [
        {
          key: 'restrictions',
          label: `惩戒措施（${j.restrictions.length}）`,
          children: (
            <Table<JointRestriction>
              size="small"
              rowKey="id"
              dataSource={j.restrictions}
              pagination={false}
              scroll={{ x: 720 }}
              locale={{ emptyText: '各部门尚未记录惩戒措施' }}
              columns={[
                { key: 'd', title: '领域', dataIndex: 'domain', width: 120, render: (d: JointRestriction['domain']) => RESTRICTION_DOMAIN_LABELS[d] },
                { key: 'a', title: '实施部门', dataIndex: 'agencyName', width: 200 },
                { key: 'm', title: '措施', dataIndex: 'measure', width: 240 },
                { key: 'on', title: '实施日期', dataIndex: 'appliedOn', width: 110 },
                { key: 'no', title: '文号', dataIndex: 'documentNo', width: 160, render: (n: string) => n || '—' },
              ]}
            />
          ),
        },
      ],
      history: { path: `/joint-punishment/${j.id}`, version: j.version },
      modals: (
        <RestrictionModal
          entryId={j.id}
          open={restricting}
          onClose={() => setRestricting(false)}
          onDone={() => {
            setRestricting(false);
            e.reload();
          }}
        />
      ),
    };
  }
}
