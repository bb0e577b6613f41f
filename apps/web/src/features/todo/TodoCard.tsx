import { Alert, Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { todoApi } from './todo-api.ts';
import { TodoTable } from './TodoTable.tsx';

const SHOWN = 5;

/** The 工作台's 待办 card: the most urgent items (overdue first) and a link to all of them. */
export function TodoCard() {
  const nav = useNavigate();
  const r = useAsync(() => todoApi.list(), []);
  const total = r.data?.total ?? 0;
  return (
    <Card
      title={
        <span>
          待办事项{' '}
          <Typography.Text type={r.data?.overdue ? 'danger' : 'secondary'} data-testid="todo-card-total">
            （{total}项{r.data?.overdue ? `，${r.data.overdue}项已超期` : ''}）
          </Typography.Text>
        </span>
      }
      extra={<Button type="link" onClick={() => nav('/todo')}>全部待办</Button>}
      data-testid="todo-card"
    >
      {r.error && <Alert type="error" showIcon title={`待办加载失败：${r.error.message}`} />}
      <TodoTable items={(r.data?.items ?? []).slice(0, SHOWN)} loading={r.loading} compact />
    </Card>
  );
}
