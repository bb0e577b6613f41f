import { LETTER_STATUS_LABELS, type LetterStatus, type LetterSummary } from '@taotai/shared';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { fmtDateTime } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { YearSelect } from '../../shared/YearSelect.tsx';
import { LETTER_STATUS_COLORS, letterApi } from './letter-api.ts';

/** 目标责任书: letters where my region is 甲方 or 乙方 sits below me (an enterprise sees its own). */
export default function LetterListPage() {
  const today = useToday();
  const [year, setYear] = useState<number>();
  useEffect(() => {
    if (today && year === undefined) setYear(yearOf(today));
  }, [today, year]);
  const letters = useAsync(() => (year ? letterApi.list({ year }) : Promise.resolve([])), [year]);

  return (
    <Card>
      <div className="page-toolbar">
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            目标责任书
          </Typography.Title>
          {year && <YearSelect value={year} onChange={setYear} around={yearOf(today) ?? year} />}
        </Space>
        <Typography.Text type="secondary">责任书在“目标任务”中按已分解的任务生成</Typography.Text>
      </div>
      {letters.error && <Alert type="error" showIcon title={letters.error.message} />}
      <Table<LetterSummary>
        rowKey="id"
        size="middle"
        loading={letters.loading}
        dataSource={letters.data}
        pagination={false}
        locale={{ emptyText: `${year ?? ''}年尚无目标责任书` }}
        data-testid="letter-table"
        columns={[
          { title: '责任书', dataIndex: 'title', render: (t: string, l) => <Link to={`/letters/${l.id}`}>{t}</Link> },
          { title: '甲方', key: 'a', width: 180, render: (_, l) => l.partyA.name },
          { title: '乙方', key: 'b', width: 220, render: (_, l) => l.partyB.name },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: LetterStatus) => <Tag color={LETTER_STATUS_COLORS[s]}>{LETTER_STATUS_LABELS[s]}</Tag> },
          { title: '签订时间', dataIndex: 'signedAt', width: 170, render: fmtDateTime },
        ]}
      />
    </Card>
  );
}
