import type { TipMessage } from '@taotai/shared';
import { Alert, Button, Empty, Input, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import './public/tip-public.css';

const AUTHOR_LABELS: Record<TipMessage['author'], string> = { tipster: '举报人', office: '办理单位', system: '系统消息' };

/**
 * The exchange between the tipster (by receipt code) and the handling office, oldest first. The office sees who
 * wrote an office message (`authorName`); the tipster never does.
 */
export function TipThread({ messages, onSend, closedText, sendLabel = '发送' }: {
  messages: (TipMessage & { authorName?: string | null })[];
  /** Absent: no reply box. Resolves when sent (then the box clears). */
  onSend?: (body: string) => Promise<unknown>;
  /** Why no reply box (已办结): shown instead of it. */
  closedText?: string;
  sendLabel?: string;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const send = async () => {
    if (!onSend) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSend(text.trim());
      setText('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="tip-thread">
      {messages.length === 0 ? (
        <Empty description="暂无消息" />
      ) : (
        <div className="tip-thread">
          {messages.map((m) => (
            <div key={m.id} className={`tip-msg ${m.author}`} data-testid={`tip-msg-${m.author}`}>
              <span className="tip-msg-meta">
                {AUTHOR_LABELS[m.author]}
                {m.authorName ? `（${m.authorName}）` : ''} · {fmtDateTime(m.at)}
              </span>
              {m.body}
            </div>
          ))}
        </div>
      )}
      {closedText && <Alert type="info" showIcon title={closedText} />}
      {onSend && (
        <>
          <Input.TextArea rows={3} maxLength={2000} showCount value={text} onChange={(e) => setText(e.target.value)} aria-label="留言内容" placeholder="补充情况或回复" data-testid="tip-thread-input" />
          {error && <Alert type="error" showIcon title={error} role="alert" data-testid="tip-thread-error" />}
          <Button type="primary" onClick={send} loading={busy} disabled={!text.trim()} data-testid="tip-thread-send">
            {sendLabel}
          </Button>
        </>
      )}
    </Space>
  );
}
