import { FILING_EVENT_LABELS, type Filing } from '@taotai/shared';
import { Timeline, Typography } from 'antd';
import { fmtDateTime } from '../../shared/format.ts';

const COLORS: Record<string, string> = { submit: 'blue', resubmit: 'blue', receive: 'cyan', accept: 'green', return: 'red' };

/** The filing's events, oldest first, with the reason of every return. */
export function FilingHistory({ filing }: { filing: Filing }) {
  return (
    <Timeline
      items={filing.history.map((h) => ({
        color: COLORS[h.event] ?? 'gray',
        content: (
          <div>
            <Typography.Text type="secondary" style={{ marginRight: 12 }}>
              {fmtDateTime(h.at)}
            </Typography.Text>
            <Typography.Text strong>{FILING_EVENT_LABELS[h.event]}</Typography.Text>
            <Typography.Text type="secondary">（{h.actorName}，第{h.revision}版）</Typography.Text>
            {h.reason && <div style={{ color: '#cf1322' }}>退回原因：{h.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
