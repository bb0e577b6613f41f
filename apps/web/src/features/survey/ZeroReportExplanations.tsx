import { ZERO_REPORT_REASON_LABELS, ZERO_REPORT_REASONS, type ZeroReportReason } from '@taotai/shared';
import { Alert, Button, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

/** A registry line the server named when it refused the zero report ("…尚未说明"). */
export interface UnexplainedLine {
  lineId: number;
  label: string;
}

export interface Explanation {
  reason?: ZeroReportReason;
  note: string;
}

const REASON_OPTIONS = ZERO_REPORT_REASONS.map((r) => ({ value: r, label: ZERO_REPORT_REASON_LABELS[r] }));

/** The lines of a refused zero report, read from the refusal's field paths `lineExplanations.<lineId>`. */
export function unexplainedFrom(fields: { path: string; message: string }[]): UnexplainedLine[] {
  return fields
    .filter((f) => /^lineExplanations\.\d+$/.test(f.path))
    .map((f) => ({ lineId: Number(f.path.split('.')[1]), label: f.message.replace(/尚未说明$/, '') }));
}

interface Props {
  lines: UnexplainedLine[];
  value: Map<number, Explanation>;
  onChange: (next: Map<number, Explanation>) => void;
}

/**
 * 逐条说明 (issue 10 §3; 003 §四(一) 底清数明): a zero report may stand over registry lines only when each is
 * explained — already eliminated, wrongly registered or moved, with the facts. The explanations are recorded
 * and flagged to the level above, so the form says so. A clerk with many lines of one kind sets them at once.
 */
export function ZeroReportExplanations({ lines, value, onChange }: Props) {
  const [bulkReason, setBulkReason] = useState<ZeroReportReason>();
  const [bulkNote, setBulkNote] = useState('');
  const set = (lineId: number, patch: Partial<Explanation>) => {
    const next = new Map(value);
    next.set(lineId, { note: '', ...next.get(lineId), ...patch });
    onChange(next);
  };
  const applyAll = () => {
    const next = new Map(value);
    for (const l of lines) next.set(l.lineId, { reason: bulkReason, note: bulkNote });
    onChange(next);
  };
  const missing = lines.filter((l) => !value.get(l.lineId)?.reason || (value.get(l.lineId)?.note.trim().length ?? 0) < 2).length;
  return (
    <div data-testid="zero-explanations" style={{ marginTop: 12 }}>
      <Alert
        type="warning"
        showIcon
        title={`台账中有 ${lines.length} 条未淘汰的生产线：请逐条说明，或改为报送这些生产线`}
        description="说明将随零报告一并报送，并作为数据质量问题提示上级核查。"
        style={{ marginBottom: 8 }}
      />
      <Space wrap style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          options={REASON_OPTIONS}
          value={bulkReason}
          onChange={(e) => setBulkReason(e.target.value)}
          aria-label="批量说明类别"
        />
        <Input placeholder="批量填写具体情况" value={bulkNote} onChange={(e) => setBulkNote(e.target.value)} style={{ width: 320 }} aria-label="批量具体情况" />
        <Button onClick={applyAll} disabled={!bulkReason || bulkNote.trim().length < 2}>
          应用到全部
        </Button>
      </Space>
      <Table<UnexplainedLine>
        size="small"
        rowKey="lineId"
        dataSource={lines}
        pagination={{ pageSize: 6, showSizeChanger: false, size: 'small' }}
        columns={[
          { title: '生产线（设备）', dataIndex: 'label', ellipsis: true },
          {
            title: '说明类别',
            key: 'reason',
            width: 190,
            render: (_, l) => (
              <Select
                placeholder="请选择"
                options={REASON_OPTIONS}
                value={value.get(l.lineId)?.reason}
                onChange={(reason) => set(l.lineId, { reason })}
                status={value.get(l.lineId)?.reason ? undefined : 'error'}
                style={{ width: 170 }}
                aria-label={`说明类别：${l.label}`}
              />
            ),
          },
          {
            title: '具体情况',
            key: 'note',
            width: 300,
            render: (_, l) => (
              <Input
                value={value.get(l.lineId)?.note ?? ''}
                onChange={(e) => set(l.lineId, { note: e.target.value })}
                status={(value.get(l.lineId)?.note.trim().length ?? 0) >= 2 ? undefined : 'error'}
                maxLength={500}
                aria-label={`具体情况：${l.label}`}
              />
            ),
          },
        ]}
      />
      <Typography.Text type={missing ? 'danger' : 'secondary'} data-testid="zero-explanations-missing">
        {missing ? `还有 ${missing} 条未说明` : '已全部说明'}
      </Typography.Text>
    </div>
  );
}
