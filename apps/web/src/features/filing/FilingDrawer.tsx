import type { FilingRequirement } from '@taotai/shared';
import { Alert, App, Button, Descriptions, Drawer, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { filingApi } from './filing-api.ts';
import { FilingHistory } from './FilingHistory.tsx';
import { FilingStatusTag } from './labels.tsx';
import { ProvisionalDate } from '../../shared/ProvisionalDate.tsx';

interface Props {
  filingId: number | null;
  requirement: FilingRequirement;
  onClose: (changed: boolean) => void;
}

/** One filing for the issuer: what was sent, its history, and 接收 / 采纳 / 退回修改 as the server allows. */
export function FilingDrawer({ filingId, requirement, onClose }: Props) {
  const { message } = App.useApp();
  const nav = useNavigate();
  const f = useAsync(() => (filingId ? filingApi.filing(filingId) : Promise.resolve(null)), [filingId]);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const filing = f.data;
  const can = (e: string) => !!filing?.availableEvents.includes(e as never);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await what();
      message.success(done);
      setChanged(true);
      f.reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    onClose(changed);
    setChanged(false);
  };
  const survey = requirement.kind === 'survey_result';

  return (
    <Drawer
      title={filing ? `${filing.target.name} · ${filing.requirementTitle}` : '报送详情'}
      open={filingId !== null}
      onClose={close}
      size={640}
      extra={
        filing && (
          <Space>
            {survey && <Button onClick={() => nav(`/survey-filings/${filing.id}`)}>排查明细与核查</Button>}
            {can('receive') && (
              <Button type="primary" loading={busy} onClick={() => act(() => filingApi.receive(filing.id), '已接收')}>
                接收
              </Button>
            )}
            {can('accept') && (
              <Button type="primary" loading={busy} onClick={() => act(() => filingApi.accept(filing.id), '已采纳')}>
                采纳
              </Button>
            )}
            {can('return') && (
              <Button danger onClick={() => setReturning(true)}>
                退回修改
              </Button>
            )}
          </Space>
        )
      }
    >
      {f.error && <Alert type="error" showIcon title={f.error.message} />}
      {filing && (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 's', label: '状态', children: <FilingStatusTag status={filing.status} /> },
              { key: 'p', label: '期次', children: filing.periodLabel },
              { key: 'd', label: '截止日期', children: <ProvisionalDate date={filing.dueDate} provisional={filing.dueProvisional} /> },
              {
                key: 'at',
                label: '报送时间',
                children: (
                  <span>
                    {fmtDateTime(filing.submittedAt)}{' '}
                    {filing.onTime ? <Typography.Text type="success">按时</Typography.Text> : <Typography.Text type="danger">逾期 {filing.lateWorkingDays} 个工作日</Typography.Text>}
                  </span>
                ),
              },
              ...requirement.requiredFields.map((rf) => ({ key: `v-${rf.key}`, label: rf.label, children: String(filing.values[rf.key] ?? '—') })),
              { key: 'n', label: '报送说明', children: filing.note || '—' },
            ]}
          />
          {filing.returnReason && filing.status === 'returned' && (
            <Alert type="warning" showIcon title="已退回修改" description={filing.returnReason} style={{ marginTop: 12 }} />
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            办理记录
          </Typography.Title>
          <FilingHistory filing={filing} />
        </>
      )}
      <Modal
        title="退回修改"
        open={returning}
        okText="退回"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        confirmLoading={busy}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          if (filing && (await act(() => filingApi.returnFiling(filing.id, reason.trim()), '已退回，报送单位将收到通知'))) {
            setReturning(false);
            setReason('');
          }
        }}
      >
        <Typography.Paragraph type="secondary">请写明退回原因，报送单位修改后重新报送。</Typography.Paragraph>
        <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} aria-label="退回原因" />
      </Modal>
    </Drawer>
  );
}
