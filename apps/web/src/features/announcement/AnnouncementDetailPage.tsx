import {
  ANNOUNCEMENT_EVENT_LABELS,
  ANNOUNCEMENT_FORM_LABELS,
  ANNOUNCEMENT_FORMS,
  ANNOUNCEMENT_KIND_LABELS,
  ANNOUNCEMENT_STATUS_LABELS,
  type Announcement,
  type AnnouncementEvent,
  type AnnouncementForm,
} from '@taotai/shared';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { fmtDateTime } from '../../shared/format.ts';
import { TransitionActions } from '../../shared/TransitionActions.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { ANNOUNCEMENT_STATUS_COLORS, announcementApi } from './announcement-api.ts';
import { ItemsView, TotalsLine } from './ItemsView.tsx';
import { ObjectionsPanel } from './ObjectionsPanel.tsx';
import { useRecordAction } from '../../shared/use-record-action.ts';

const DONE: Record<AnnouncementEvent, string> = {
  submit: '已提交审核',
  return: '已退回修改',
  approve: '已审核通过',
  publish: '已发布到公众网站',
  archive: '已归档',
};

interface EditValues {
  title: string;
  body: string;
  form: AnnouncementForm;
  noticeWorkingDays: number;
}

/** One announcement: the frozen list with per-unit totals, the notice period, the flow's buttons, objections. */
export default function AnnouncementDetailPage() {
  const { id } = useParams();
  const r = useAsync(() => announcementApi.get(id!), [id]);
  const { busy, run } = useRecordAction(() => r.reload());
  const [editing, setEditing] = useState(false);
  const [editForm] = Form.useForm<EditValues>();

  return <DetailPage state={r} notFound="公告不存在或无权访问" back={{ to: '/announcements', label: '返回' }} render={view} />;

  // Declared below the return (hoisted): the page's content once the announcement is loaded.
  function view(a: Announcement): DetailView {
    const can = a.abilities;
    const fire = (e: AnnouncementEvent, why = '') => run(() => announcementApi.transition(a.id, e, why), DONE[e]);
    const saveEdit = async () => {
      const v = await editForm.validateFields();
      if (await run(() => announcementApi.update(a.id, { ...v, noticeWorkingDays: v.noticeWorkingDays ?? 5, version: a.version }), '已保存')) setEditing(false);
    };

    return {
      title: a.title,
      status: <Tag color={ANNOUNCEMENT_STATUS_COLORS[a.status]}>{ANNOUNCEMENT_STATUS_LABELS[a.status]}</Tag>,
      actions: (
        <>
          {can.update && (
            <Button
              onClick={() => {
                editForm.setFieldsValue({ title: a.title, body: a.body, form: a.form, noticeWorkingDays: a.noticeWorkingDays ?? 5 });
                setEditing(true);
              }}
            >
              修改
            </Button>
          )}
          <TransitionActions
            events={a.availableEvents}
            labels={ANNOUNCEMENT_EVENT_LABELS}
            noun="公告"
            busy={busy}
            onFire={fire}
            confirm={{
              submit: '提交后由领导小组组长或上级审核，编制人不能审核、发布。',
              publish: a.form === 'public_notice' ? `发布到公众网站。公示期 ${a.noticeWorkingDays} 个工作日，自今日的次日起计算。发布后名单不能修改。` : '发布到公众网站。发布后名单不能修改。',
              archive: '归档后列入公众网站的往期公告（公示期未满的仍在当前公告中至期满）。请写明归档原因，记入办理记录。',
            }}
            reasonEvents={['archive']}
          />
          {(a.status === 'published' || a.status === 'archived') && (
            <a href={`/public/announcements/${a.id}`} target="_blank" rel="noreferrer">
              在公众网站查看
            </a>
          )}
        </>
      ),
      columns: { md: 3, xl: 3 },
      facts: [
        { key: 'region', label: '发布地区', children: a.regionName },
        { key: 'year', label: '年度', children: a.year },
        { key: 'kind', label: '内容', children: ANNOUNCEMENT_KIND_LABELS[a.kind] },
        { key: 'form', label: '形式', children: a.form === 'public_notice' ? `公示（${a.noticeWorkingDays} 个工作日）` : ANNOUNCEMENT_FORM_LABELS[a.form] },
        { key: 'date', label: '发布日期', children: a.publishDate ?? '未发布' },
        { key: 'notice', label: '公示期', children: a.notice ? `至 ${a.notice.endDate}（${a.notice.label}）` : '—' },
        { key: 'built', label: '名单生成时间', children: fmtDateTime(a.builtAt) },
        { key: 'approved', label: '审核时间', children: fmtDateTime(a.approvedAt) },
        { key: 'published', label: '发布时间', children: fmtDateTime(a.publishedAt) },
      ],
      notice: (
        <>
          {a.status === 'draft' && a.returnReason && <Alert type="warning" showIcon title={`退回原因：${a.returnReason}`} style={{ marginBottom: 12 }} />}
          {a.supersededBy && <Alert type="info" showIcon title="已有更新的同类名单发布，本公告已自动归档" style={{ marginBottom: 12 }} />}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.body}</Typography.Paragraph>
        </>
      ),
      body: (
        <>
          <Card title={`名单（${a.itemCount} 条）`} size="small">
            <TotalsLine totals={a.totals} />
            <ItemsView items={a.items} kind={a.kind} />
          </Card>
          {a.form === 'public_notice' && (a.status === 'published' || a.status === 'archived') && <ObjectionsPanel announcement={a} onChanged={r.reload} />}
        </>
      ),
      history: { path: `/announcements/${a.id}`, version: a.version },
      modals: (
        <Modal title="修改公告" open={editing} onCancel={() => setEditing(false)} onOk={saveEdit} okText="保存" confirmLoading={busy} width={680} destroyOnHidden>
          <Form form={editForm} layout="vertical">
            <Form.Item name="title" label="标题" rules={[{ required: true, min: 4, message: '标题至少4个字' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="body" label="正文" rules={[{ required: true, message: '请填写正文' }]}>
              <Input.TextArea rows={6} maxLength={5000} />
            </Form.Item>
            <Form.Item name="form" label="形式">
              <Radio.Group options={ANNOUNCEMENT_FORMS.map((f) => ({ value: f, label: ANNOUNCEMENT_FORM_LABELS[f] }))} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(p, n) => p.form !== n.form}>
              {({ getFieldValue }) =>
                getFieldValue('form') === 'public_notice' && (
                  <Form.Item name="noticeWorkingDays" label="公示期（工作日）">
                    <InputNumber min={1} max={30} precision={0} suffix="个工作日" style={{ width: 180 }} />
                  </Form.Item>
                )
              }
            </Form.Item>
          </Form>
        </Modal>
      ),
    };
  }
}
