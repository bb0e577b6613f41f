import { EXIT_TASK_EVENT_LABELS, type ExitTask, type ExitTaskEvent, type ExitTaskTransitionBody } from '@taotai/shared';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../shared/api.ts';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
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
  reopen: '已复产重开，任务回到待退出',
};

type Asking = { event: 'reject' | 'close' } | null;

/**
 * One exit task on the one detail-page scaffold (issue 10 §5): header with status and the acceptance buttons, the key
 * facts with the steps and warnings, then the seal and dismantle forms with their evidence, and the task's history.
 */
export default function ExitTaskDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const r = useAsync(() => exitTaskApi.get(id!), [id]);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const [askForm] = Form.useForm<{ reason?: string; orderNo?: string }>();

  // A refusal naming fields (封存还缺：…) is also handed to the card, which marks each field and evidence slot.
  const fire = async (body: ExitTaskTransitionBody, onFields?: (fields: FieldError[]) => void) => {
    if (!r.data) return false;
    setBusy(true);
    try {
      await exitTaskApi.transition(r.data.id, body);
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

  const view = (task: ExitTask): DetailView => {
    const can = (e: ExitTaskEvent) => task.availableEvents.includes(e);
    const open = !['accepted', 'closed', 'acceptance_requested', 'dismantled'].includes(task.status);
    const seal = (task.seal ?? {}) as Record<string, unknown>;
    return {
      title: (
        <span data-testid="task-title">
          {task.lineName}
          {task.specification ? `（${task.specification}）` : ''}
        </span>
      ),
      status: <ExitStatusTag status={task.status} />,
      actions: (
        <>
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
        </>
      ),
      facts: [
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
      ],
      notice: (
        <>
          <TaskSteps task={task} />
          {task.overdue && <Alert type="error" showIcon style={{ marginTop: 12 }} title={`已超过拆除期限（${task.dismantleDeadline}），${task.deadlineLabel}，请督促尽快拆除`} />}
          {task.status === 'rejected' && task.rejectReason && <Alert type="warning" showIcon style={{ marginTop: 12 }} title="验收未通过" description={task.rejectReason} />}
          <RelocationHits task={task} />
        </>
      ),
      body: (
        <>
          {task.status === 'planned' && <SealCard task={task} canFire={can('seal')} busy={busy} fire={fire} reload={r.reload} />}
          {open &&
            (task.status !== 'rejected' ? (
              <DismantleCard key="d" task={task} event="dismantle" canFire={can('dismantle')} busy={busy} fire={fire} reload={r.reload} />
            ) : (
              <DismantleCard key="r" task={task} event="resubmit" canFire={can('resubmit')} busy={busy} fire={fire} reload={r.reload} />
            ))}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={15}>
              <Card title={`佐证材料（${task.evidence.length}）`}>
                <EvidenceGallery task={task} />
              </Card>
            </Col>
            <Col xs={24} lg={9}>
              {/* The task's history comes with the task (TaskHistory reads task.history), so no history tab. */}
              <Card title="办理记录">
                <TaskHistory task={task} />
              </Card>
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            照片缩略图为去除位置信息的展示副本；原件按上传时原样保存，并记录其 SHA-256 摘要。
          </Typography.Text>
        </>
      ),
      modals: (
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
      ),
    };
  };

  return <DetailPage state={r} notFound="退出任务不存在或无权访问" back={{ to: '/exit-tasks', label: '返回列表' }} render={view} />;
}
