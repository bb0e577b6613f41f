import { JOINT_NOTICE_ACTION_LABELS, JOINT_NOTICE_ACTIONS, JOINT_PUNISHMENT_GROUND_LABELS, type JointNotice, type JointPunishmentCandidate } from '@taotai/shared';
import { App, Checkbox, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';

/** 发出到期联合通知: enterprises that missed their exit deadline or are red-listed and still producing, and the actions. */
export function IssueNoticeModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (n: JointNotice) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ enterpriseIds: number[]; actions: string[] }>();
  const [busy, setBusy] = useState(false);
  const candidates = useAsync(() => (open ? api.get<{ items: JointPunishmentCandidate[] }>('/joint-notices/candidates') : Promise.resolve({ items: [] })), [open]);
  const options = [...new Map((candidates.data?.items ?? []).map((c) => [c.enterpriseId, c])).values()].map((c) => ({
    value: c.enterpriseId,
    label: `${c.enterpriseName}（${JOINT_PUNISHMENT_GROUND_LABELS[c.ground]}）`,
  }));
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const n = await api.post<JointNotice>('/joint-notices', v);
      message.success(`已发出${n.documentNo}`);
      onIssued(n);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['enterpriseIds', 'actions'])) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="发出到期联合通知" open={open} onCancel={onClose} onOk={submit} okText="发出" confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ actions: [...JOINT_NOTICE_ACTIONS] }}>
        <Form.Item name="enterpriseIds" label="企业（逾期未完成退出、红牌仍在生产）" rules={[{ required: true, message: '请选择企业' }]}>
          <Select mode="multiple" options={options} loading={candidates.loading} placeholder="请选择" notFoundContent="没有候选企业" />
        </Form.Item>
        <Form.Item name="actions" label="通知事项" rules={[{ required: true, message: '请选择通知事项' }]}>
          <Checkbox.Group options={JOINT_NOTICE_ACTIONS.map((a) => ({ value: a, label: JOINT_NOTICE_ACTION_LABELS[a] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
