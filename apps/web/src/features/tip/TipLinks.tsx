import { CASE_CRITERION_LABELS, type CaseSummary, type Enterprise, EXIT_TASK_STATUS_LABELS, type ExitTaskSummary, type ListPage, TIP_LINK_KIND_LABELS, TIP_LINK_KINDS, type Tip, type TipLink, type TipLinkKind } from '@taotai/shared';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { useAsync } from '../../shared/use-async.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { tipApi } from './tip-api.ts';

type Run = (what: () => Promise<unknown>, done: string) => Promise<boolean>;
type Option = { value: number; label: string };

/** Where a link's target is read in the office app. */
const targetPath = (l: TipLink) =>
  l.targetId === null ? null : l.kind === 'exit_task_reopened' ? `/exit-tasks/${l.targetId}` : l.kind === 'case' ? `/cases/${l.targetId}` : null;

/** The tip's enterprise's exit tasks, cases or lines, offered by name (an id may still be typed when none fits). */
async function targetsOf(kind: TipLinkKind, enterpriseId: number | null): Promise<Option[]> {
  if (!enterpriseId) return [];
  if (kind === 'exit_task_reopened') {
    const p = await api.get<ListPage<ExitTaskSummary>>('/exit-tasks', { enterprise: enterpriseId, limit: 50 });
    return p.items.map((t) => ({ value: t.id, label: `${t.lineName}（${t.year}年 · ${EXIT_TASK_STATUS_LABELS[t.status]}）` }));
  }
  if (kind === 'case') {
    const p = await api.get<ListPage<CaseSummary>>('/cases', { enterpriseId, pageSize: 50 });
    return p.items.map((c) => ({ value: c.id, label: `${CASE_CRITERION_LABELS[c.criterion]} · ${c.decisionNo}` }));
  }
  if (kind === 'registry_line') {
    const e = await api.get<Enterprise>(`/enterprises/${enterpriseId}`);
    return e.lines.map((l) => ({ value: l.id, label: l.name }));
  }
  return [];
}

/**
 * 办理结果关联 (issue 13): what a substantiated tip produced — a new registry line, a case, the exit task reopened
 * (production resumed), a relocation flag, or concealment marked against the region for the assessment.
 */
export function TipLinks({ t, busy, run }: { t: Tip; busy: boolean; run: Run }) {
  const [kind, setKind] = useState<TipLinkKind>();
  const [targetId, setTargetId] = useState<number | null>(null);
  const [regionCode, setRegionCode] = useState<string>();
  const [note, setNote] = useState('');
  const needsTarget = kind === 'exit_task_reopened' || kind === 'case' || kind === 'registry_line';
  const targets = useAsync(() => (kind && needsTarget ? targetsOf(kind, t.enterpriseId) : Promise.resolve([] as Option[])), [kind, t.enterpriseId]);
  const open = (t.status === 'verifying' || t.status === 'concluding') && t.finding !== 'unsubstantiated';

  const submit = async () => {
    if (!kind) return;
    const ok = await run(
      () => tipApi.link(t.id, { kind, targetId: targetId ?? undefined, regionCode: kind === 'concealment' ? regionCode : undefined, note: note.trim() || undefined }),
      kind === 'exit_task_reopened' ? '已关联，退出任务已重新开启' : '已关联',
    );
    if (ok) {
      setKind(undefined);
      setTargetId(null);
      setNote('');
    }
  };

  return (
    <Card title="办理结果关联" size="small" data-testid="tip-links">
      <Table<TipLink>
        rowKey="id"
        size="small"
        dataSource={t.links}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: '尚未关联办理结果' }}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 200, render: (k: TipLinkKind) => TIP_LINK_KIND_LABELS[k] },
          { title: '关联对象', dataIndex: 'label', render: (label: string, l) => (targetPath(l) ? <Link to={targetPath(l)!}>{label}</Link> : label) },
          { title: '地区', dataIndex: 'regionName', width: 140 },
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
        ]}
      />
      {open && (
        <Form layout="vertical" component="div" style={{ marginTop: 12 }} data-testid="tip-link-form">
          <Space wrap align="start" style={{ width: '100%' }}>
            <Form.Item label="类型" style={{ minWidth: 240 }}>
              <Select
                value={kind}
                onChange={(k) => {
                  setKind(k);
                  setTargetId(null);
                }}
                options={TIP_LINK_KINDS.map((k) => ({ value: k, label: TIP_LINK_KIND_LABELS[k] }))}
                placeholder="选择办理结果"
                aria-label="办理结果类型"
                data-testid="tip-link-kind"
              />
            </Form.Item>
            {needsTarget && (
              <Form.Item label="关联对象" style={{ minWidth: 260 }} extra={targets.data?.length ? '从被举报企业的记录中选择，或输入编号' : '输入编号'}>
                {targets.data?.length ? (
                  <Select value={targetId ?? undefined} onChange={setTargetId} options={targets.data} loading={targets.loading} placeholder="选择" aria-label="关联对象" data-testid="tip-link-target" />
                ) : (
                  <InputNumber min={1} value={targetId} onChange={setTargetId} style={{ width: '100%' }} aria-label="关联对象编号" data-testid="tip-link-target-id" />
                )}
              </Form.Item>
            )}
            {kind === 'concealment' && (
              <Form.Item label="瞒报地区（默认举报地所在县）" style={{ minWidth: 240 }}>
                <RegionSelect value={regionCode} onChange={setRegionCode} />
              </Form.Item>
            )}
          </Space>
          <Form.Item label="说明">
            <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} aria-label="关联说明" />
          </Form.Item>
          <Button type="primary" onClick={submit} disabled={!kind || (needsTarget && !targetId)} loading={busy} data-testid="tip-link-submit">
            关联
          </Button>
        </Form>
      )}
    </Card>
  );
}
