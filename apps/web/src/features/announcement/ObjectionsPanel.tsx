import type { Announcement, Objection } from '@taotai/shared';
import { Alert, App, Card, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/session.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime } from '../../shared/format.ts';
import { LifecycleTimeline } from '../../shared/LifecycleTimeline.tsx';
import { RevealIdentityDialog } from '../../shared/RevealIdentityDialog.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { announcementApi } from './announcement-api.ts';

/** Objections filed during the notice period; the issuing office answers each once (who and when are kept). */
export function ObjectionsPanel({ announcement, onChanged }: { announcement: Announcement; onChanged: () => void }) {
  const { message } = App.useApp();
  const list = useAsync(() => announcementApi.objections(announcement.id), [announcement.id]);
  const [answering, setAnswering] = useState<Objection>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const mayAnswer = announcement.abilities.answerObjections;
  // Phones are shown masked. Only an identity custodian sees the full number, giving a reason the server audits and
  // tells the issuing office about (issue 13, ADR 0025); the office calls back through the custodian.
  const custodian = useMe().role === 'identity_custodian';

  const save = async () => {
    if (!answering) return;
    setBusy(true);
    try {
      await announcementApi.answer(announcement.id, answering.id, text.trim(), answering.version);
      message.success('答复已记录，提出人可凭受理编号查询');
      setAnswering(undefined);
      list.reload();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={`异议（${list.data?.length ?? 0} 件）`} style={{ marginTop: 16 }} data-testid="objections">
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<Objection>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚未收到异议' }}
        expandable={{
          // The answer, then the objection's own timeline (its lifecycle history, issue 10 §1).
          expandedRowRender: (o) => (
            <div data-testid={`objection-detail-${o.receiptCode}`}>
              <div style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{o.answer ? `答复（${o.answeredByName}，${fmtDateTime(o.answeredAt)}）：${o.answer}` : '尚未答复'}</div>
              <LifecycleTimeline path={`/announcements/${announcement.id}/objections/${o.id}`} version={o.version} />
            </div>
          ),
          rowExpandable: () => true,
        }}
        columns={[
          { title: '受理编号', dataIndex: 'receiptCode', width: 130 },
          { title: '提交时间', dataIndex: 'filedAt', width: 160, render: fmtDateTime },
          { title: '涉及条目', dataIndex: 'itemLabel', width: 220, render: (l: string | null) => l ?? '整体' },
          { title: '异议内容', dataIndex: 'content', render: (c: string) => <Typography.Paragraph style={{ margin: 0, maxWidth: 420, whiteSpace: 'pre-wrap' }}>{c}</Typography.Paragraph> },
          {
            title: '提出人',
            key: 'who',
            width: 200,
            render: (_, o) => (
              <>
                {o.name ?? '未署名'} {o.phone ?? '未留电话'}
                {o.phone && custodian && (
                  <RevealIdentityDialog
                    title={`查看异议人完整号码（受理编号 ${o.receiptCode}）`}
                    notice="查看将记入审计日志，并告知发布单位。"
                    testId={`objection-reveal-${o.receiptCode}`}
                    trigger={(open) => (
                      <Typography.Link style={{ marginLeft: 8 }} onClick={open} data-testid={`objection-reveal-${o.receiptCode}`}>
                        查看完整号码
                      </Typography.Link>
                    )}
                    reveal={(reason) => announcementApi.revealPhone(announcement.id, o.id, reason)}
                    render={({ phone }) => (
                      <Typography.Paragraph copyable data-testid="objection-phone">
                        {phone}
                      </Typography.Paragraph>
                    )}
                  />
                )}
                {o.phone && !custodian && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    号码已封存，仅身份保管人可查看
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: '答复',
            key: 'answer',
            width: 110,
            render: (_, o) =>
              o.answeredAt ? (
                <Tag color="green">已答复</Tag>
              ) : mayAnswer ? (
                <Typography.Link
                  onClick={() => {
                    setText('');
                    setAnswering(o);
                  }}
                >
                  答复
                </Typography.Link>
              ) : (
                <Tag color="orange">待答复</Tag>
              ),
          },
        ]}
      />
      <Modal title={`答复异议 ${answering?.receiptCode ?? ''}`} open={!!answering} onCancel={() => setAnswering(undefined)} onOk={save} okText="记录答复" confirmLoading={busy} okButtonProps={{ disabled: text.trim().length < 5 }} destroyOnHidden>
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {answering?.content}
        </Typography.Paragraph>
        <Input.TextArea rows={5} maxLength={2000} showCount style={{ marginBottom: 20 }} value={text} onChange={(e) => setText(e.target.value)} placeholder="写明核实情况和处理结果（至少5个字）。答复提交后不能修改。" aria-label="答复内容" />
      </Modal>
    </Card>
  );
}
