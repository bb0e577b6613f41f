import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';

/** Events that send the record back: a reason is required (the server's machine says the same: needsReason). */
const REASON_EVENTS = ['return', 'reject', 'refuse'];
/** Approvals: an optional 审核意见, kept in the history and shown on the timeline. */
const OPINION_EVENTS = ['approve', 'publish', 'grant'];
const PRIMARY_EVENTS = ['submit', 'approve', 'publish', 'accept', 'conclude'];

/** 退回原因 for a return; for a refusal or withdrawal its own word (不予批准原因, 撤销原因). */
const reasonWord = <E extends string>(e: E | null, labels: Readonly<Record<E, string>>) => (e === null || e === 'return' || e === 'reject' ? '退回原因' : `${labels[e]}原因`);

/** Told on the window after any lifecycle move from the UI (the header's 待办 badge counts again). */
export const LIFECYCLE_CHANGED = 'taotai:lifecycle-changed';

export interface TransitionActionsProps<E extends string> {
  /** The DTO's `availableEvents`: exactly these buttons are shown, in the machine's order. */
  events: readonly E[];
  /** The machine's event labels (shared enums), e.g. PLAN_EVENT_LABELS. */
  labels: Readonly<Record<E, string>>;
  /** What the record is called in the dialog title: 计划, 公告. */
  noun: string;
  /** Fires the event; resolves true when done (the page shows the message and reloads). */
  onFire: (event: E, reason: string) => Promise<boolean>;
  /** A sentence the dialog shows before the event is confirmed (what happens next). */
  confirm?: Partial<Record<E, string>>;
  /** Events other than return, reject and refuse whose machine row says needsReason (an announcement archived by hand, a case withdrawn): asks「<label>原因」. */
  reasonEvents?: readonly E[];
  /** What the required text of `reasonEvents` is called when「<label>原因」does not fit (an objection: 异议或申请内容). */
  reasonLabel?: string;
  busy?: boolean;
  /** Inputs an event needs besides its reason (a tip's 转办 target, 延期 days, 办结 finding): the page keeps their values and checks them in `onFire`. */
  fields?: Partial<Record<E, ReactNode>>;
}

/**
 * The buttons of a record's lifecycle, rendered from its `availableEvents`, and one dialog for every event:
 * it says what happens, asks for the 审核意见 (optional) on an approval and the reason (required) on a return.
 */
export function TransitionActions<E extends string>({ events, labels, noun, onFire, confirm = {}, busy, reasonEvents = [], reasonLabel, fields = {} }: TransitionActionsProps<E>) {
  const [open, setOpen] = useState<E | null>(null);
  const [text, setText] = useState('');
  const needsReason = open !== null && (REASON_EVENTS.includes(open) || reasonEvents.includes(open));
  // A text named by the page (异议或申请内容) is an ordinary step, not a refusal: its button is not red.
  const ownText = open !== null && !!reasonLabel && reasonEvents.includes(open);
  const word = ownText ? reasonLabel : reasonWord(open, labels);
  const takesOpinion = open !== null && OPINION_EVENTS.includes(open);
  const close = () => {
    setOpen(null);
    setText('');
  };
  return (
    <>
      {events.map((e) => (
        <Button
          key={e}
          type={PRIMARY_EVENTS.includes(e) ? 'primary' : 'default'}
          danger={REASON_EVENTS.includes(e) || reasonEvents.includes(e)}
          loading={busy && open === e}
          onClick={() => setOpen(e)}
          data-testid={`transition-${e}`}
        >
          {labels[e]}
        </Button>
      ))}
      <Modal
        title={open ? `${labels[open]}${noun}` : ''}
        open={open !== null}
        okText={open ? labels[open] : '确定'}
        okButtonProps={{ danger: needsReason && !ownText, disabled: needsReason && !text.trim(), loading: busy }}
        onCancel={close}
        onOk={async () => {
          if (open && (await onFire(open, text.trim()))) {
            close();
            window.dispatchEvent(new Event(LIFECYCLE_CHANGED));
          }
        }}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {open && confirm[open] && <Alert type="info" showIcon title={confirm[open]} />}
          {open && fields[open]}
          {(needsReason || takesOpinion) && (
            <>
              <Typography.Text>{needsReason ? `${word}（必填）` : '审核意见（可不填）'}</Typography.Text>
              <Input.TextArea
                rows={3}
                maxLength={500}
                value={text}
                onChange={(ev) => setText(ev.target.value)}
                placeholder={open === 'return' || open === 'reject' ? '请写明需要修改的内容' : needsReason ? `请写明${word}` : '如：同意。'}
                aria-label={needsReason ? word : '审核意见'}
              />
            </>
          )}
          {!needsReason && !takesOpinion && !(open && (confirm[open] || fields[open])) && <Typography.Text>确认{open ? labels[open] : ''}？</Typography.Text>}
        </Space>
      </Modal>
    </>
  );
}
