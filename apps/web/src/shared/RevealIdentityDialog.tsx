import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { errorMessage } from './form-errors.ts';

/**
 * The one way a sealed identity is looked at (issue 13, ADR 0025: a tipster's identity, an objector's phone): an
 * identity custodian gives a reason, which the server audits and tells the office about. What is revealed lives only
 * in this dialog's state and is dropped when it closes.
 */
export function RevealIdentityDialog<T>(p: {
  title: string;
  /** Who is told besides the audit trail, said before the custodian confirms. */
  notice: string;
  /** The control that opens the dialog. */
  trigger: (open: () => void) => ReactNode;
  reveal: (reason: string) => Promise<T>;
  render: (value: T) => ReactNode;
  /** Prefix of the test ids: `${testId}-confirm` on the confirm button. */
  testId: string;
  onRevealed?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [value, setValue] = useState<{ v: T }>();
  const close = () => {
    setOpen(false);
    setReason('');
    setError(undefined);
    if (value) p.onRevealed?.();
    setValue(undefined);
  };
  const reveal = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setValue({ v: await p.reveal(reason.trim()) });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {p.trigger(() => setOpen(true))}
      <Modal
        title={p.title}
        open={open}
        onCancel={close}
        destroyOnHidden
        footer={
          value ? (
            <Button onClick={close}>关闭</Button>
          ) : (
            <Space>
              <Button onClick={close}>取消</Button>
              <Button type="primary" danger disabled={!reason.trim()} loading={busy} onClick={reveal} data-testid={`${p.testId}-confirm`}>
                查看
              </Button>
            </Space>
          )
        }
      >
        {value ? (
          p.render(value.v)
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={p.notice} />
            <Typography.Text>查看事由（必填）</Typography.Text>
            <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label="查看事由" placeholder="如：依法需要联系本人核实情况" />
            {error && <Alert type="error" showIcon title={error} role="alert" />}
          </Space>
        )}
      </Modal>
    </>
  );
}
