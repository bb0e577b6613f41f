import { Button, Descriptions } from 'antd';
import { RevealIdentityDialog } from '../../shared/RevealIdentityDialog.tsx';
import { tipApi } from './tip-api.ts';

/**
 * 查看举报人身份 (identity_custodian only, issue 13): asks the reason, which is audited; the tipster's thread and the
 * handling office are told. The identity lives only in the dialog's state and is dropped when it closes.
 */
export function TipIdentityReveal({ tipId, onRevealed }: { tipId: number; onRevealed: () => void }) {
  return (
    <RevealIdentityDialog
      title="查看举报人身份"
      notice="查看将记入审计日志，并告知办理单位和举报人。"
      testId="tip-reveal"
      trigger={(open) => (
        <Button danger onClick={open} data-testid="tip-reveal">
          查看举报人身份
        </Button>
      )}
      reveal={(reason) => tipApi.reveal(tipId, reason)}
      render={(identity) => (
        <Descriptions column={1} bordered size="small" data-testid="tip-identity">
          <Descriptions.Item label="姓名">{identity.name}</Descriptions.Item>
          <Descriptions.Item label="手机号码">{identity.phone ?? '未填写'}</Descriptions.Item>
          <Descriptions.Item label="身份证号码">{identity.idNumber ?? '未填写'}</Descriptions.Item>
        </Descriptions>
      )}
      onRevealed={onRevealed}
    />
  );
}
