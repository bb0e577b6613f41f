import { CRITERION_LABELS, type CandidateLine, type FilingRequirement, roundQuantity, type SurveyFiling } from '@taotai/shared';
import { Alert, App, Form, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtNumber } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { LineStatusTag } from '../enterprise/labels.tsx';
import { surveyApi, unitTotalsText } from './survey-api.ts';
import { type Explanation, type UnexplainedLine, unexplainedFrom, ZeroReportExplanations } from './ZeroReportExplanations.tsx';
import { zhRowSelection } from '../../shared/row-selection.ts';

interface Props {
  open: boolean;
  requirement: FilingRequirement;
  periodKey: string;
  /** A returned survey being corrected; the form starts from it. */
  previous: SurveyFiling | null;
  onClose: (done: boolean) => void;
}

const ZERO_TEXT = '经全面排查，本地区无落后产能（设备）。';

/**
 * 报送摸底排查结果: the lines found, picked from the registry (capacities snapshotted by the server), or an
 * explicit 零报告 — silence is not an answer.
 */
export function SurveySubmitModal({ open, requirement, periodKey, previous, onClose }: Props) {
  const { message } = App.useApp();
  const [zero, setZero] = useState(false);
  const [statement, setStatement] = useState(ZERO_TEXT);
  const [note, setNote] = useState('');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<string>();
  const [selected, setSelected] = useState<number[]>([]);
  const [picked, setPicked] = useState<Map<number, CandidateLine>>(new Map());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [unexplained, setUnexplained] = useState<UnexplainedLine[]>([]);
  const [explanations, setExplanations] = useState<Map<number, Explanation>>(new Map());
  const lines = useAsync(() => (open ? surveyApi.candidates(search) : Promise.resolve([])), [open, search]);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    setUnexplained([]);
    setExplanations(new Map());
    setZero(previous?.zeroReport ?? false);
    setStatement(previous?.zeroReport ? previous.statement : ZERO_TEXT);
    setNote(previous?.filing.note ?? '');
    setSelected(previous ? previous.lines.map((l) => l.lineId) : []);
    setPicked(new Map());
    setQ('');
    setSearch(undefined);
  }, [open, previous]);

  // Remember the picked rows across searches, so the totals cover lines no longer in view.
  useEffect(() => {
    if (!lines.data) return;
    setPicked((m) => {
      const next = new Map(m);
      for (const l of lines.data!) if (selected.includes(l.lineId)) next.set(l.lineId, l);
      return next;
    });
  }, [lines.data, selected]);

  const totals = useMemo(() => {
    const byUnit = new Map<string, { unitName: string; capacity: number }>();
    for (const id of selected) {
      const l = picked.get(id);
      if (!l) continue;
      const t = byUnit.get(l.capacityUnit) ?? { unitName: l.capacityUnitName, capacity: 0 };
      t.capacity = roundQuantity(t.capacity + l.capacity);
      byUnit.set(l.capacityUnit, t);
    }
    return [...byUnit.values()];
  }, [selected, picked]);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    const lineExplanations = zero
      ? [...explanations].filter(([, x]) => x.reason).map(([lineId, x]) => ({ lineId, reason: x.reason!, note: x.note.trim() }))
      : [];
    const content = { zeroReport: zero, statement: zero ? statement.trim() : '', lineIds: zero ? [] : selected, note: note.trim(), lineExplanations };
    try {
      if (previous) await surveyApi.resubmit(previous.filing.id, content);
      else await surveyApi.submit(requirement.id, periodKey, content);
      message.success(zero ? '零报告已报送' : `已报送 ${selected.length} 条生产线`);
      onClose(true);
    } catch (e) {
      // A zero report over registry lines names them: each can be explained here instead (issue 10 §3).
      const named = e instanceof ApiError ? unexplainedFrom(e.fields) : [];
      if (named.length) setUnexplained((old) => [...old.filter((o) => !named.some((n) => n.lineId === o.lineId)), ...named]);
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`${previous ? '重新报送' : '报送'}摸底排查结果：${requirement.title}`}
      open={open}
      width={1000}
      onCancel={() => onClose(false)}
      onOk={save}
      okText={previous ? '重新报送' : '报送'}
      okButtonProps={{ disabled: !zero && selected.length === 0 }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {previous?.filing.returnReason && (
        <Alert type="warning" showIcon title="退回原因" description={previous.filing.returnReason} style={{ marginBottom: 12 }} />
      )}
      <Radio.Group
        value={zero ? 'zero' : 'lines'}
        onChange={(e) => setZero(e.target.value === 'zero')}
        optionType="button"
        buttonStyle="solid"
        options={[
          { value: 'lines', label: '报送排查登记的生产线' },
          { value: 'zero', label: '零报告（未发现落后产能）' },
        ]}
        style={{ marginBottom: 12 }}
      />
      {zero ? (
        <Form layout="vertical">
          <Form.Item label="情况说明" required extra="零报告须写明排查情况，至少4个字">
            <Input.TextArea rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} maxLength={2000} aria-label="情况说明" />
          </Form.Item>
          {unexplained.length > 0 && <ZeroReportExplanations lines={unexplained} value={explanations} onChange={setExplanations} />}
        </Form>
      ) : (
        <>
          <Space style={{ marginBottom: 8 }}>
            <Input.Search
              placeholder="企业名称或信用代码"
              allowClear
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => setSearch(v.trim() || undefined)}
              style={{ width: 280 }}
              aria-label="检索生产线"
            />
            <Typography.Text type="secondary">从企业台账中选择本地区排查登记的落后生产线（设备）</Typography.Text>
          </Space>
          {lines.error && <Alert type="error" showIcon title={lines.error.message} />}
          <Table<CandidateLine>
            size="small"
            rowKey="lineId"
            loading={lines.loading}
            dataSource={lines.data}
            pagination={{ pageSize: 8, showSizeChanger: false, size: 'small' }}
            rowSelection={zhRowSelection({
              selectedRowKeys: selected,
              preserveSelectedRowKeys: true,
              onChange: (keys) => setSelected(keys as number[]),
            })}
            data-testid="candidate-lines"
            columns={[
              { title: '企业', dataIndex: 'enterpriseName', ellipsis: true },
              { title: '所在区划', dataIndex: 'regionName', width: 110, ellipsis: true },
              { title: '生产线（设备）', dataIndex: 'lineName', ellipsis: true },
              { title: '行业', dataIndex: 'industryName', width: 80 },
              { title: '产能', key: 'cap', width: 120, align: 'right', render: (_, l) => `${fmtNumber(l.capacity)} ${l.capacityUnitName}` },
              { title: '类别', dataIndex: 'criterion', width: 60, render: (c: CandidateLine['criterion']) => CRITERION_LABELS[c] },
              { title: '状态', dataIndex: 'lineStatus', width: 100, render: (s: CandidateLine['lineStatus']) => <LineStatusTag status={s} /> },
            ]}
          />
          <Typography.Paragraph data-testid="survey-selection">
            已选 {selected.length} 条，产能合计：{unitTotalsText(totals)}
          </Typography.Paragraph>
        </>
      )}
      <Input.TextArea rows={2} placeholder="备注（可选）" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} aria-label="备注" />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
