import { EXIT_TASK_EVENT_LABELS, type ExitTaskEvent, type ExitTaskTransitionBody } from '@taotai/shared';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Popconfirm, Result, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../shared/api.ts';
import { errorMessage, type FieldError } from '../../shared/form-errors.ts';
import { fmtNumber } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { DismantleCard } from './DismantleCard.tsx';
import { EvidenceGallery } from './EvidenceGallery.tsx';
import { exitTaskApi } from './exit-task-api.ts';
import { dueOf, ExitStatusTag, TaskDeadline } from './labels.tsx';
import { RelocationHits } from './RelocationHits.tsx';
import { SealCard } from './SealCard.tsx';
import { TaskHistory } from './TaskHistory.tsx';
import { TaskSteps } from './TaskSteps.tsx';

const DONE: Record<ExitTaskEvent, string> = {
  seal: '已封存',
  dismantle: '已记录拆除',
  request_acceptance: '已申请验收',
  accept: '验收通过，生产线已标记为已淘汰',
  reject: '已退回整改',
  resubmit: '已重新提交',
  close: '已依令关闭',
};

type Asking = { event: 'reject' | 'close' } | null;

/** One exit task: header, steps, the seal and dismantle forms with their evidence, acceptance, history. */
export default function ExitTaskDetailPage() {
  const { id } = useParams();
  const nav = useNavigate();
  const { message } = App.useApp();
  const r = useAsync(() => exitTaskApi.get(id!), [id]);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const [askForm] = Form.useForm<{ reason?: string; orderNo?: string }>();
  const task = r.data;

  if (r.loading && !task) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (r.error || !task) {
    return <Result status={r.error?.status === 404 ? '404' : 'error'} title={r.error?.message ?? '退出任务不存在或无权访问'} extra={<Button onClick={() => nav('/exit-tasks')}>返回</Button>} />;
  }
  const can = (e: ExitTaskEvent) => task.availableEvents.includes(e);

  // A refusal naming fields (封存还缺：…) is also handed to the card, which marks each field and evidence slot.
  const fire = async (body: ExitTaskTransitionBody, onFields?: (fields: FieldError[]) => void) => {
    setBusy(true);
    try {
      await exitTaskApi.transition(task.id, body);
      message.success(DONE[body.event]);
      r.reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      if (onFields && e instanceof ApiError && e.fields.length) onFields(e.fields);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const answer = async () => {
    const v = await askForm.validateFields();
    if (!asking) return;
    if (await fire({ event: asking.event, payload: { reason: v.reason?.trim() || undefined, orderNo: v.orderNo?.trim() || undefined } })) {
      setAsking(null);
      askForm.resetFields();
    }
  };

  const open = !['accepted', 'closed', 'acceptance_requested', 'dismantled'].includes(task.status);
  const seal = (task.seal ?? {}) as Record<string, unknown>;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="task-title">
              {task.lineName}
              {task.specification ? `（${task.specification}）` : ''}
            </span>
            <ExitStatusTag status={task.status} />
          </Space>
        }
        extra={
          <Space wrap>
            <Button onClick={() => nav('/exit-tasks')}>返回列表</Button>
            {can('request_acceptance') && (
              <Popconfirm title="确认拆除到位，申请验收？" onConfirm={() => fire({ event: 'request_acceptance', payload: {} })}>
                <Button type="primary" loading={busy} data-testid="do-request_acceptance">
                  申请验收
                </Button>
              </Popconfirm>
            )}
            {can('accept') && (
              <Popconfirm title="验收通过后，生产线将标记为已淘汰。确认？" onConfirm={() => fire({ event: 'accept', payload: {} })}>
                <Button type="primary" loading={busy} data-testid="do-accept">
                  验收通过
                </Button>
              </Popconfirm>
            )}
            {can('reject') && (
              <Button danger onClick={() => setAsking({ event: 'reject' })} data-testid="do-reject">
                验收不通过
              </Button>
            )}
            {can('close') && (
              <Button danger onClick={() => setAsking({ event: 'close' })} data-testid="do-close">
                依令关闭
              </Button>
            )}
          </Space>
        }
      >
        <TaskSteps task={task} />
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'e', label: '企业', children: <Link to={`/enterprises/${task.enterpriseId}`}>{task.enterpriseName}</Link> },
            { key: 'u', label: '统一社会信用代码', children: task.uscc },
            { key: 'l', label: '法定代表人', children: task.legalRepresentative || '—' },
            { key: 'r', label: '所在区划', children: task.regionName },
            { key: 'i', label: '行业', children: task.industryName },
            { key: 'c', label: '产能', children: `${fmtNumber(task.capacity)} ${task.capacityUnitName}` },
            { key: 'p', label: '淘汰计划', children: <Link to={`/elimination-plans/${task.planId}`}>{task.year}年淘汰计划</Link> },
            { key: 'x', label: '淘汰期限', children: task.exitDeadline },
            { key: 'd', label: '拆除期限', children: task.dismantleDeadline ?? '—' },
            { key: 'dl', label: '期限提示', children: <TaskDeadline label={task.deadlineLabel} due={dueOf(task)} /> },
            ...(task.seal
              ? [{ key: 's', label: '封存措施', children: [seal.waterCut && '断水', seal.powerCut && '断电', seal.powerUnitsRemoved && '拆除动力装置', seal.equipmentSealed && '主体设备封存'].filter(Boolean).join('、') }]
              : []),
          ]}
        />
        {task.overdue && <Alert type="error" showIcon style={{ marginTop: 12 }} title={`已超过拆除期限（${task.dismantleDeadline}），${task.deadlineLabel}，请督促尽快拆除`} />}
        {task.status === 'rejected' && task.rejectReason && <Alert type="warning" showIcon style={{ marginTop: 12 }} title="验收未通过" description={task.rejectReason} />}
        <RelocationHits task={task} />
      </Card>
      {task.status === 'planned' && <SealCard task={task} canFire={can('seal')} busy={busy} fire={fire} reload={r.reload} />}
      {open && (task.status !== 'rejected' ? <DismantleCard key="d" task={task} event="dismantle" canFire={can('dismantle')} busy={busy} fire={fire} reload={r.reload} /> : <DismantleCard key="r" task={task} event="resubmit" canFire={can('resubmit')} busy={busy} fire={fire} reload={r.reload} />)}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title={`佐证材料（${task.evidence.length}）`}>
            <EvidenceGallery task={task} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title="办理记录">
            <TaskHistory task={task} />
          </Card>
        </Col>
      </Row>
      <Modal
        title={asking ? EXIT_TASK_EVENT_LABELS[asking.event] : ''}
        open={!!asking}
        okText="确定"
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        onCancel={() => setAsking(null)}
        onOk={answer}
        destroyOnHidden
      >
        <Form form={askForm} layout="vertical" preserve={false}>
          {asking?.event === 'close' && (
            <Form.Item name="orderNo" label="关闭令文号" rules={[{ required: true, message: '请填写关闭令文号' }]}>
              <Input maxLength={100} placeholder="如：巩政〔2026〕12号" />
            </Form.Item>
          )}
          <Form.Item name="reason" label={asking?.event === 'close' ? '关闭原因' : '不通过原因'} rules={[{ required: true, message: '请填写原因' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        照片缩略图为去除位置信息的展示副本；原件按上传时原样保存，并记录其 SHA-256 摘要。
      </Typography.Text>
    </Space>
  );
}
