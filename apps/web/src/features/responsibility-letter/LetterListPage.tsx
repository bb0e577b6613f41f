import { LETTER_STATUS_LABELS, type LetterStatus, type LetterSummary, type ListPage as ListPageOf } from '@taotai/shared';
import { Card, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { LETTER_STATUS_COLORS } from './letter-api.ts';

const columns: ListColumn<LetterSummary>[] = [
  { key: 'id', title: '编号', dataIndex: 'id', width: 80, sortField: 'id' },
  { key: 'title', title: '责任书', dataIndex: 'title', width: 260, render: (t: string, l) => <Link to={`/letters/${l.id}`}>{t}</Link> },
  { key: 'year', title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
  { key: 'partyA', title: '甲方', width: 180, render: (_: unknown, l) => l.partyA.name },
  { key: 'partyB', title: '乙方', width: 220, render: (_: unknown, l) => l.partyB.name },
  { key: 'status', title: '状态', dataIndex: 'status', width: 90, render: (s: LetterStatus) => <Tag color={LETTER_STATUS_COLORS[s]}>{LETTER_STATUS_LABELS[s]}</Tag> },
  { key: 'signedAt', title: '签订时间', dataIndex: 'signedAt', width: 170, render: fmtDateTime },
];

/** 目标责任书: letters where my region is 甲方 or 乙方 sits below me (an enterprise sees its own). */
export default function LetterListPage() {
  const thisYear = yearOf(useToday());
  const years = thisYear ? [-2, -1, 0, 1].map((d) => thisYear + d) : [];
  const filterFields: ListFilterField[] = [
    { name: 'year', label: '年度', node: <Select allowClear placeholder="全部" options={years.map((y) => ({ value: String(y), label: `${y}年` }))} /> },
    { name: 'region', label: '区划', node: <RegionSelect placeholder="全部" /> },
    { name: 'status', label: '状态', node: <Select allowClear placeholder="全部" options={Object.entries(LETTER_STATUS_LABELS).map(([value, label]) => ({ value, label }))} /> },
  ];
  return (
    <Card>
      {/* This year by default, as before the list page; the default needs the server's today (a demo clock may differ). */}
      {thisYear && (
        <ListPage<LetterSummary, ListPageOf<LetterSummary>>
          listKey="letter"
          testId="letter"
          rowKey="id"
          columns={columns}
          filterFields={filterFields}
          defaultFilters={{ year: String(thisYear) }}
          fetchPage={(r) => api.get<ListPageOf<LetterSummary>>('/responsibility-letters', listQuery(r))}
          exportPath="/responsibility-letters/export.xlsx"
          exportName="目标责任书.xlsx"
          actions={<Typography.Text type="secondary">责任书在“目标任务”中按已分解的任务生成</Typography.Text>}
          scrollX={1080}
          emptyText="没有符合条件的目标责任书"
        />
      )}
    </Card>
  );
}
