import { ApartmentOutlined, FileTextOutlined, NodeIndexOutlined } from '@ant-design/icons';
import {
  type LetterSummary,
  MAX_PAGE_SIZE,
  type Target,
  TARGET_EVENT_LABELS,
  TARGET_STATUS_LABELS,
  type TargetAllocation,
  type TargetLineItem,
  type TargetTransitionBody,
} from '@taotai/shared';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtNumber } from '../../shared/format.ts';
import { TransitionActions } from '../../shared/TransitionActions.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { LineStatusTag } from '../enterprise/labels.tsx';
import { LETTER_STATUS_COLORS, letterApi } from '../responsibility-letter/letter-api.ts';
import { AllocationModal } from './AllocationModal.tsx';
import { qty, TARGET_STATUS_COLORS, targetApi } from './target-api.ts';
import { TargetLinesModal } from './TargetLinesModal.tsx';

type Event = TargetTransitionBody['event'];
const DONE: Record<Event, string> = { submit: '目标分解已报送，待上级审批', return: '目标分解已退回', approve: '目标分解已批准' };

/** One target: figures, decomposition (to regions, or at county level to lines), and the letters it leads to. */
export default function TargetDetailPage() {
  const { id } = useParams();
  const nav = useNavigate();
  const { message } = App.useApp();
  const t = useAsync(() => targetApi.get(id!), [id]);
  const loaded = t.data;
  const letters = useAsync(
    async () => (loaded ? (await letterApi.list({ year: loaded.year, region: loaded.regionCode, pageSize: MAX_PAGE_SIZE })).items : ([] as LetterSummary[])),
    [loaded?.id, loaded?.year, loaded?.regionCode],
  );
  const [allocating, setAllocating] = useState(false);
  const [naming, setNaming] = useState(false);
  const [busy, setBusy] = useState<string>();

  return <DetailPage state={t} notFound="目标任务不存在或无权访问" back={{ to: '/targets', label: '返回目标任务列表' }} render={view} />;

  // Declared below the return (hoisted): the page's content once the target is loaded.
  function view(target: Target): DetailView {
    const d = target.decomposition;
    // While the level above reviews it the decomposition stays as sent (the server refuses edits: 409).
    const editable = target.abilities.decompose && target.decompositionStatus !== 'submitted';
    const fire = async (e: Event, reason: string) => {
      setBusy(e);
      try {
        await targetApi.transition(target.id, e, reason);
        message.success(DONE[e]);
        t.reload();
        return true;
      } catch (err) {
        message.error(errorMessage(err));
        return false;
      } finally {
        setBusy(undefined);
      }
    };
    const mine = (letters.data ?? []).filter((l) => l.partyA.regionCode === target.regionCode);
    const letterFor = (b: { regionCode?: string; enterpriseId?: number }) =>
      mine.find((l) => (b.enterpriseId ? l.partyB.enterpriseId === b.enterpriseId : l.partyB.kind === 'region' && l.partyB.regionCode === b.regionCode));

    const generate = async (key: string, b: { partyBRegionCode?: string; partyBEnterpriseId?: number }) => {
      setBusy(key);
      try {
        const l = await letterApi.create({ year: target.year, partyARegionCode: target.regionCode, ...b, signDeadline: null });
        message.success('责任书已生成');
        nav(`/letters/${l.id}`);
      } catch (e) {
        message.error(errorMessage(e));
      } finally {
        setBusy(undefined);
      }
    };

    const letterCell = (k: string, b: { regionCode?: string; enterpriseId?: number }) => {
      const l = letterFor(b);
      if (l) {
        return (
          <Link to={`/letters/${l.id}`}>
            <Tag color={LETTER_STATUS_COLORS[l.status]}>{l.status === 'signed' ? '已签订' : '待签订'}</Tag>查看责任书
          </Link>
        );
      }
      if (!target.abilities.decompose) return <Typography.Text type="secondary">未生成</Typography.Text>;
      return (
        <Button
          size="small"
          icon={<FileTextOutlined />}
          loading={busy === k}
          onClick={() => generate(k, b.enterpriseId ? { partyBEnterpriseId: b.enterpriseId } : { partyBRegionCode: b.regionCode })}
        >
          生成责任书
        </Button>
      );
    };

    // At county level the letters go to enterprises: one per enterprise, covering its lines.
    const enterprises = [...new Map(target.lines.map((l) => [l.enterpriseId, l])).values()];

    const returned = target.decompositionStatus === 'returned' && !!target.returnReason;
    // Changing an approved decomposition sends it back for approval: say so before the user does.
    const reapproval = target.decompositionStatus === 'approved' && target.abilities.decompose;

    const remove = async () => {
      try {
        await targetApi.remove(target.id, target.version);
        message.success('已删除');
        nav('/targets');
      } catch (e) {
        message.error(errorMessage(e));
      }
    };

    return {
      title: `${target.regionName}${target.year}年${target.industryName}淘汰目标任务`,
      actions: (
        <>
          {target.abilities.delete && (
            <Popconfirm title="删除该目标任务？" onConfirm={remove}>
              <Button danger>删除</Button>
            </Popconfirm>
          )}
          {editable && d.mode === 'regions' && (
            <Button type="primary" icon={<ApartmentOutlined />} onClick={() => setAllocating(true)}>
              分解到下级
            </Button>
          )}
          {editable && d.mode === 'lines' && (
            <Button type="primary" icon={<NodeIndexOutlined />} onClick={() => setNaming(true)}>
              落实到企业和生产线
            </Button>
          )}
          <TransitionActions
            events={target.availableEvents}
            labels={TARGET_EVENT_LABELS}
            noun="目标分解"
            busy={busy !== undefined}
            onFire={fire}
            confirm={{ submit: '报送后由上级领导小组办公室审批（省直管县由省级审批），审批前不能修改分解。' }}
          />
        </>
      ),
      columns: { md: 2, xl: 3 },
      facts: [
        { key: 'q', label: '目标', children: <Typography.Text strong>{qty(target.quantity, target.unitName)}</Typography.Text> },
        { key: 'e', label: '涉及企业', children: target.enterpriseCount === null ? '—' : `${target.enterpriseCount} 家` },
        { key: 'dl', label: '完成期限', children: target.deadline },
        { key: 'from', label: '下达单位', children: target.issuerRegionName ?? '上级下达（本级录入）' },
        { key: 'src', label: '文号', children: target.source || '—' },
        {
          key: 'st',
          label: '分解审批',
          children: (
            <Tag color={TARGET_STATUS_COLORS[target.decompositionStatus]} data-testid="decomposition-status">
              {TARGET_STATUS_LABELS[target.decompositionStatus]}
            </Tag>
          ),
        },
        {
          key: 'd',
          label: d.mode === 'lines' ? '已落实到生产线' : '已分解到下级',
          children: (
            <Space>
              <span data-testid="decomposed">{qty(d.decomposed, target.unitName)}</span>
              {d.shortfall ? <Tag color="red">分解不足，少 {qty(d.shortBy, target.unitName)}</Tag> : d.decomposed > 0 ? <Tag color="green">已分解完毕</Tag> : null}
            </Space>
          ),
        },
        ...(target.note ? [{ key: 'n', label: '备注', children: target.note, span: 3 }] : []),
      ],
      notice: (returned || reapproval || (d.shortfall && d.decomposed > 0)) && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {returned && (
            <Alert type="warning" showIcon title="目标分解被上级退回" description={target.returnReason} />
          )}
          {reapproval && (
            <Alert type="info" showIcon title="分解已批准；如再修改分解，将退回未报送状态，须重新报送上级审批" />
          )}
          {d.shortfall && d.decomposed > 0 && <Alert type="warning" showIcon title={`分解合计少于目标 ${qty(d.shortBy, target.unitName)}，请补足分解`} />}
        </Space>
      ),
      tabs: [
        d.mode === 'regions'
          ? {
              key: 'allocations',
              label: `分解到下级区划（${target.allocations.length} 个）`,
              children: (
                <Table<TargetAllocation>
                  rowKey="regionCode"
                  size="middle"
                  pagination={false}
                  dataSource={target.allocations}
                  locale={{ emptyText: '尚未分解' }}
                  data-testid="allocations"
                  columns={[
                    { title: '下级区划', dataIndex: 'regionName', render: (n: string, a) => <Link to={`/targets/${a.targetId}`}>{n}</Link> },
                    { title: '分解产能', dataIndex: 'quantity', align: 'right', render: (n: number) => qty(n, target.unitName) },
                    { title: '企业数', dataIndex: 'enterpriseCount', width: 90, render: (n: number | null) => (n === null ? '—' : `${n} 家`) },
                    { title: '完成期限', dataIndex: 'deadline', width: 120 },
                    { title: '继续分解', dataIndex: 'decomposedFurther', width: 100, render: (b: boolean) => (b ? <Tag color="blue">已分解</Tag> : <Tag>未分解</Tag>) },
                    { title: '目标责任书', key: 'letter', width: 200, render: (_, a) => letterCell(a.regionCode, { regionCode: a.regionCode }) },
                  ]}
                />
              ),
            }
          : {
              key: 'lines',
              label: `落实的生产线（${target.lines.length} 条，${enterprises.length} 家企业）`,
              children: (
                <Table<TargetLineItem>
                  rowKey="lineId"
                  size="middle"
                  pagination={false}
                  dataSource={target.lines}
                  locale={{ emptyText: '尚未落实到生产线' }}
                  data-testid="target-lines"
                  columns={[
                    { title: '企业', dataIndex: 'enterpriseName', render: (n: string, l) => <Link to={`/enterprises/${l.enterpriseId}`}>{n}</Link> },
                    { title: '所在区划', dataIndex: 'regionName', width: 110 },
                    { title: '生产线（设备）', dataIndex: 'lineName' },
                    { title: '产能', key: 'c', align: 'right', width: 130, render: (_, l) => `${fmtNumber(l.capacity)} ${l.capacityUnitName}` },
                    { title: '淘汰期限', dataIndex: 'deadline', width: 120 },
                    { title: '状态', dataIndex: 'status', width: 100, render: (s: TargetLineItem['status']) => <LineStatusTag status={s} /> },
                    { title: '企业责任书', key: 'letter', width: 200, render: (_, l) => letterCell(`e${l.enterpriseId}`, { enterpriseId: l.enterpriseId }) },
                  ]}
                />
              ),
            },
      ],
      history: { path: `/targets/${target.id}`, version: target.version },
      modals: (
        <>
          <AllocationModal
            open={allocating}
            target={target}
            onClose={(u) => {
              setAllocating(false);
              if (u) t.reload();
            }}
          />
          <TargetLinesModal
            open={naming}
            target={target}
            onClose={(u) => {
              setNaming(false);
              if (u) t.reload();
            }}
          />
        </>
      ),
    };
  }
}
