import { JOINT_PUNISHMENT_GROUND_LABELS, type JointPunishmentCandidate } from '@taotai/shared';
import { App, Button, Card, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';

/** 候选企业: missed exit deadlines and red-listed enterprises still producing; the office lists one with its basis. */
export function CandidatesCard({ onListed }: { onListed: () => void }) {
  const { message } = App.useApp();
  const list = useAsync(() => api.get<{ items: JointPunishmentCandidate[] }>('/joint-punishment/candidates'), []);
  const [picked, setPicked] = useState<JointPunishmentCandidate | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ basis: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.post('/joint-punishment', { enterpriseId: picked!.enterpriseId, ground: picked!.ground, basis: v.basis });
      message.success(`${picked!.enterpriseName}已列入联合惩戒名单`);
      setPicked(null);
      list.reload();
      onListed();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['basis'])) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="候选企业（逾期未完成退出、红牌仍在生产）" size="small" style={{ marginBottom: 16 }} data-testid="jp-candidates">
      <Table<JointPunishmentCandidate>
        size="small"
        rowKey={(c) => `${c.enterpriseId}:${c.ground}`}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: '没有候选企业' }}
        columns={[
          { key: 'n', title: '企业', dataIndex: 'enterpriseName', width: 220 },
          { key: 'g', title: '事由', dataIndex: 'ground', width: 140, render: (g: JointPunishmentCandidate['ground']) => JOINT_PUNISHMENT_GROUND_LABELS[g] },
          { key: 'b', title: '情况', dataIndex: 'basis', width: 300 },
          {
            key: 'a',
            title: '操作',
            width: 100,
            render: (_: unknown, c) => (
              <Button
                size="small"
                type="link"
                onClick={() => {
                  form.setFieldsValue({ basis: c.basis });
                  setPicked(c);
                }}
              >
                列入名单
              </Button>
            ),
          },
        ]}
      />
      <Modal title={picked ? `列入联合惩戒名单：${picked.enterpriseName}` : ''} open={picked !== null} onCancel={() => setPicked(null)} onOk={submit} okText="列入" confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="basis" label="列入依据" rules={[{ required: true, whitespace: true, message: '请填写列入依据' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
