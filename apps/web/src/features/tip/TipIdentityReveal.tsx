import { Alert, Button, Descriptions, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { tipApi } from './tip-api.ts';

type Identity = Awaited<ReturnType<typeof tipApi.reveal>>;

/**
 * 查看举报人身份 (identity_custodian only, issue 13): asks the reason, which is audited; the tipster's thread and the
 * handling office are told. The identity lives only in this dialog's state and is dropped when it closes.
 */
export function TipIdentityReveal({ tipId, onRevealed }: { tipId: number; onRevealed: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [identity, setIdentity] = useState<Identity>();
  const close = () => {
    setOpen(false);
    setReason('');
    setError(undefined);
    if (identity) onRevealed();
    setIdentity(undefined);
  };
  const reveal = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setIdentity(await tipApi.reveal(tipId, reason.trim()));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="tip-reveal">
        查看举报人身份
      </Button>
      <Modal
        title="查看举报人身份"
        open={open}
        onCancel={close}
        destroyOnHidden
        footer={
          identity ? (
            <Button onClick={close}>关闭</Button>
          ) : (
            <Space>
              <Button onClick={close}>取消</Button>
              <Button type="primary" danger disabled={!reason.trim()} loading={busy} onClick={reveal} data-testid="tip-reveal-confirm">
                查看
              </Button>
            </Space>
          )
        }
      >
        {identity ? (
          <Descriptions column={1} bordered size="small" data-testid="tip-identity">
            <Descriptions.Item label="姓名">{identity.name}</Descriptions.Item>
            <Descriptions.Item label="手机号码">{identity.phone ?? '未填写'}</Descriptions.Item>
            <Descriptions.Item label="身份证号码">{identity.idNumber ?? '未填写'}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title="查看将记入审计日志，并告知办理单位和举报人。" />
            <Typography.Text>查看理由（必填）</Typography.Text>
            <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label="查看理由" placeholder="如：依法需要联系举报人核实情况" />
            {error && <Alert type="error" showIcon title={error} role="alert" />}
          </Space>
        )}
      </Modal>
    </>
  );
}
