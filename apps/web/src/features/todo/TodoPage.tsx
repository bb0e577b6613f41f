import { Alert, Card, Space, Typography } from 'antd';
import { useAsync } from '../../shared/use-async.ts';
import { todoApi } from './todo-api.ts';
import { TodoTable } from './TodoTable.tsx';

/** 我的待办: every record waiting for an event this user may fire, overdue first. */
export default function TodoPage() {
  const r = useAsync(() => todoApi.list(), []);
  return (
    <Card>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          共 {r.data?.total ?? 0} 项{r.data?.overdue ? `，其中 ${r.data.overdue} 项已超期` : ''}。办理后自动移出。
        </Typography.Text>
        {r.error && <Alert type="error" showIcon title={`待办加载失败：${r.error.message}`} />}
        <TodoTable items={r.data?.items ?? []} loading={r.loading} />
      </Space>
    </Card>
  );
}
