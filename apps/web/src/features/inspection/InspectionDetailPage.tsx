import { DownloadOutlined, FileWordOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  INSPECTION_CONCLUSION_LABELS,
  INSPECTION_ROUND_EVENT_LABELS,
  INSPECTION_ROUND_STATUS_LABELS,
  type InspectionRecord,
  type InspectionRound,
  type InspectionRoundEvent,
  OPINION_SCAN_MAX_BYTES,
  OPINION_STATUS_LABELS,
  TEAM_ROLE_LABELS,
  type TeamMember,
} from '@taotai/shared';
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { useToday } from '../../shared/use-today.ts';
import { AddEnterprisesModal } from './AddEnterprisesModal.tsx';
import { ConcludeModal } from './ConcludeModal.tsx';
import { LeaderAccountPicker } from './LeaderAccountPicker.tsx';
import { inspectionApi, OPINION_STATUS_COLORS, ROUND_STATUS_COLORS } from './inspection-api.ts';
import { linesText } from './lines-text.ts';

/** A plain file input (reachable by tests) behind a button; the scan is sent by our own call. */
function ScanUpload(props: { recordId: number; busy: boolean; onFile: (f: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png"
        style={{ display: 'none' }}
        data-testid={`scan-input-${props.recordId}`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) props.onFile(f);
        }}
      />
      <Button size="small" icon={<UploadOutlined />} loading={props.busy} onClick={() => input.current?.click()}>
        上传签发扫描件
      </Button>
    </>
  );
}

const conclusionTag = (r: InspectionRecord) =>
  r.status === 'pending' ? (
    <Tag>待检查</Tag>
  ) : (
    <Tooltip title={r.reasons ?? undefined}>
      <Tag color={r.conclusion === 'pass' ? 'green' : 'red'}>{INSPECTION_CONCLUSION_LABELS[r.conclusion!]}</Tag>
    </Tooltip>
  );

/** One inspection round: the team, the enterprises with their records, the opinions and their signed scans. */
export default function InspectionDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const today = useToday();
  const loaded = useAsync(() => inspectionApi.get(id!), [id]);
  const [override, setOverride] = useState<InspectionRound>();
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);
  const [concluding, setConcluding] = useState<InspectionRecord>();
  // A change answers with the round as it now is: shown at once, without reading it again.
  const current = override?.id === loaded.data?.id && override ? override : loaded.data;
  const state = { data: current, error: loaded.error, loading: loaded.loading };

  return <DetailPage state={state} notFound="检查验收批次不存在或无权访问" back={{ to: '/inspections', label: '返回联合验收列表' }} render={view} />;

  // Declared below the return (hoisted): the page's content once the round is loaded.
  function view(round: InspectionRound): DetailView {
    const run = async (what: () => Promise<unknown>, done: string) => {
      setBusy(true);
      try {
        const r = await what();
        if (r && typeof r === 'object' && 'records' in r) setOverride(r as InspectionRound);
        // A download may have numbered an opinion: read the round again.
        else setOverride(await inspectionApi.get(round.id));
        message.success(done);
      } catch (e) {
        message.error(errorMessage(e));
      } finally {
        setBusy(false);
      }
    };
    const fire = (e: InspectionRoundEvent) => run(() => inspectionApi.fire(round.id, e, round.version), `已${INSPECTION_ROUND_EVENT_LABELS[e]}`);
    const uploadScan = (r: InspectionRecord, f: File) => {
      if (f.size > OPINION_SCAN_MAX_BYTES) {
        message.error('扫描件不能超过 20 MB');
        return;
      }
      run(() => inspectionApi.uploadScan(round.id, r.id, f), `${r.enterpriseName}的验收意见已签发`);
    };
    const concluded = round.records.filter((r) => r.status === 'concluded').length;

    return {
      title: round.title,
      status: (
        <Tag color={ROUND_STATUS_COLORS[round.status]} data-testid="round-status">
          {INSPECTION_ROUND_STATUS_LABELS[round.status]}
        </Tag>
      ),
      actions: (
        <>
          {round.abilities.events.map((e) =>
            e === 'conclude' ? (
              <Popconfirm key={e} title="结束本批次后不能再加入企业或作出结论，确定？" onConfirm={() => fire(e)}>
                <Button loading={busy} data-testid="round-conclude">
                  {INSPECTION_ROUND_EVENT_LABELS[e]}
                </Button>
              </Popconfirm>
            ) : (
              <Button key={e} type="primary" loading={busy} onClick={() => fire(e)} data-testid={`round-${e}`}>
                {INSPECTION_ROUND_EVENT_LABELS[e]}
              </Button>
            ),
          )}
          <Button icon={<DownloadOutlined />} disabled={concluded === 0} loading={busy} onClick={() => run(() => inspectionApi.batch(round.id), '已批量生成验收意见')} data-testid="batch-download">
            批量下载验收意见（{concluded}份）
          </Button>
        </>
      ),
      columns: { md: 3, xl: 3 },
      facts: [
        { key: 'r', label: '组织单位', children: `${round.regionName}淘汰落后产能工作领导小组办公室` },
        { key: 'y', label: '年度', children: `${round.year}年` },
        { key: 'd', label: '检查日期', children: round.endDate ? `${round.startDate} 至 ${round.endDate}` : `${round.startDate} 起` },
        // Who concludes the records and the round and signs the opinions (issue 10 §2).
        {
          key: 'l',
          label: '检查组组长账号',
          children: (
            <Space wrap>
              <span data-testid="round-leader">{round.leaderAccountName ?? '未指定（指定后方可作出验收结论）'}</span>
              {round.abilities.update && <LeaderAccountPicker round={round} onSaved={setOverride} />}
            </Space>
          ),
        },
      ],
      tabs: [
        {
          key: 'records',
          label: `检查企业（已作出结论 ${concluded} / ${round.records.length}）`,
          children: (
            <>
              {round.abilities.addEnterprises && (
                <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-enterprises" style={{ marginBottom: 12 }}>
                  加入待验收企业
                </Button>
              )}
              <RecordTable round={round} busy={busy} run={run} onConclude={setConcluding} onScan={uploadScan} />
            </>
          ),
        },
        {
          key: 'team',
          label: `检查组（${round.team.length} 人）`,
          children: (
            <Table<TeamMember>
              rowKey={(m) => `${m.agencyId}-${m.personName}`}
              size="small"
              pagination={false}
              dataSource={round.team}
              data-testid="team-table"
              columns={[
                { title: '职务', dataIndex: 'role', width: 90, render: (r: TeamMember['role']) => <Tag color={r === 'leader' ? 'blue' : undefined}>{TEAM_ROLE_LABELS[r]}</Tag> },
                { title: '单位', dataIndex: 'agencyName' },
                { title: '姓名', dataIndex: 'personName', width: 160 },
              ]}
            />
          ),
        },
      ],
      history: { path: `/inspections/${round.id}`, version: round.version },
      modals: (
        <>
          {adding && (
            <AddEnterprisesModal
              round={round}
              onClose={() => setAdding(false)}
              onDone={(r) => {
                setOverride(r);
                setAdding(false);
              }}
            />
          )}
          {concluding && today && (
            <ConcludeModal
              round={round}
              record={concluding}
              today={today}
              onClose={() => setConcluding(undefined)}
              onDone={(r) => {
                setOverride(r);
                setConcluding(undefined);
              }}
            />
          )}
        </>
      ),
    };
  }
}

/** The round's enterprises: each record's conclusion, its opinion and signed scan, and what may be done with it. */
function RecordTable(props: {
  round: InspectionRound;
  busy: boolean;
  run: (what: () => Promise<unknown>, done: string) => Promise<void>;
  onConclude: (r: InspectionRecord) => void;
  onScan: (r: InspectionRecord, f: File) => void;
}) {
  const { round, busy, run } = props;
  return (
    <Table<InspectionRecord>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={round.records}
      data-testid="record-table"
      locale={{ emptyText: '尚未加入企业' }}
      columns={[
        { title: '企业', dataIndex: 'enterpriseName', width: 220 },
        { title: '生产线（设备）与产能', key: 'l', render: (_, r) => linesText(r.lines) },
        { title: '检查日期', dataIndex: 'inspectedOn', width: 110, render: (d: string | null) => d ?? '—' },
        { title: '结论', key: 'c', width: 100, render: (_, r) => conclusionTag(r) },
        {
          title: '验收意见',
          key: 'o',
          width: 200,
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <Tag color={OPINION_STATUS_COLORS[r.opinion.status]}>{OPINION_STATUS_LABELS[r.opinion.status]}</Tag>
              {r.opinion.documentNumber && <Typography.Text type="secondary">{r.opinion.documentNumber}</Typography.Text>}
              {r.opinion.signedScan && (
                <Typography.Link onClick={() => run(() => inspectionApi.downloadScan(round.id, r.id, r.opinion.signedScan!.fileName), '已下载扫描件')}>
                  {r.opinion.signedScan.fileName}
                </Typography.Link>
              )}
            </Space>
          ),
        },
        {
          title: '操作',
          key: 'a',
          width: 250,
          render: (_, r) => (
            <Space wrap size={4}>
              {r.abilities.conclude && (
                <Button size="small" type="primary" onClick={() => props.onConclude(r)} data-testid={`conclude-${r.id}`}>
                  填写检查记录
                </Button>
              )}
              {r.status === 'concluded' && (r.abilities.generateOpinion || r.opinion.documentNumber) && (
                <Button size="small" icon={<FileWordOutlined />} loading={busy} onClick={() => run(() => inspectionApi.opinion(round.id, r.id), '已生成验收意见')}>
                  验收意见
                </Button>
              )}
              {r.abilities.uploadScan && <ScanUpload recordId={r.id} busy={busy} onFile={(f) => props.onScan(r, f)} />}
              {r.abilities.remove && (
                <Popconfirm title={`把${r.enterpriseName}移出本批次？`} onConfirm={() => run(() => inspectionApi.removeRecord(round.id, r.id, r.version), '已移出')}>
                  <Button size="small" danger>
                    移出
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
