import type { LifecycleEntry } from '@taotai/shared';
import { Card, Empty, Spin, Timeline, Typography } from 'antd';
import { api } from './api.ts';
import { fmtDateTime } from './format.ts';
import { useAsync } from './use-async.ts';

const RED = ['return', 'reject', 'withdraw'];
const GREEN = ['approve', 'accept', 'publish', 'conclude'];

/**
 * A record's timeline (履历) from its lifecycle history: who moved it, when, from what to what, with the
 * reason or 审核意见 given. One component for every detail page; `path` is the record's API path
 * (e.g. `/elimination-plans/7`), `version` reloads it after a change.
 */
export function LifecycleTimeline({ path, version }: { path: string; version?: number | string }) {
  const h = useAsync(() => api.get<LifecycleEntry[]>(`${path}/history`), [path, version]);
  return (
    <Card title="办理履历" size="small">
      {h.loading && !h.data ? (
        <Spin />
      ) : !h.data?.length ? (
        <Empty description="尚无办理记录" />
      ) : (
        <Timeline
          data-testid="lifecycle-timeline"
          items={[...h.data].reverse().map((e) => ({
            key: e.id,
            color: RED.includes(e.event) ? 'red' : GREEN.includes(e.event) ? 'green' : 'blue',
            content: (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtDateTime(e.at)}
                </Typography.Text>
                <br />
                <Typography.Text strong>{e.eventLabel}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  {e.fromLabel ? `${e.fromLabel} → ` : ''}
                  {e.toLabel} · {e.actorName}
                </Typography.Text>
                {e.reason && (
                  <div>
                    <Typography.Text type="secondary">{e.event === 'approve' || e.event === 'publish' ? '审核意见' : '原因'}：{e.reason}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
