import { CheckSquareOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { LIFECYCLE_CHANGED } from '../../shared/TransitionActions.tsx';
import { todoApi } from './todo-api.ts';

const POLL_MS = 60_000;

/** The header's 待办 count (red when something is overdue), looked up on every page change and each minute. */
export function TodoBadge() {
  const nav = useNavigate();
  const loc = useLocation();
  const [count, setCount] = useState({ count: 0, overdue: 0 });
  const refresh = useCallback(() => {
    todoApi
      .count()
      .then(setCount)
      .catch(() => undefined);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change (e.g. after approving) is a good moment to look again.
  useEffect(() => {
    refresh();
  }, [refresh, loc.pathname]);
  useEffect(() => {
    const t = setInterval(refresh, POLL_MS);
    window.addEventListener(LIFECYCLE_CHANGED, refresh);
    return () => {
      clearInterval(t);
      window.removeEventListener(LIFECYCLE_CHANGED, refresh);
    };
  }, [refresh]);
  const label = `待办（${count.count}项${count.overdue ? `，${count.overdue}项已超期` : ''}）`;
  return (
    <Tooltip title={label}>
      <Badge count={count.count} size="small" offset={[-4, 4]} color={count.overdue ? '#cf1322' : '#1677ff'} data-testid="todo-count">
        <Button type="text" icon={<CheckSquareOutlined style={{ fontSize: 18 }} />} aria-label={label} onClick={() => nav('/todo')} data-testid="todo-badge" data-count={count.count} />
      </Badge>
    </Tooltip>
  );
}
