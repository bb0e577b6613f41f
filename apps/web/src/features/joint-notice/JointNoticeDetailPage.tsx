import { DownloadOutlined } from '@ant-design/icons';
import { JOINT_NOTICE_ACTION_LABELS, JOINT_NOTICE_ITEM_STATUS_LABELS, type JointNotice, type JointNoticeItem } from '@taotai/shared';
import { App, Button, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, download } from '../../shared/api.ts';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { LifecycleTimeline } from '../../shared/LifecycleTimeline.tsx';
import { LIFECYCLE_CHANGED } from '../../shared/TransitionActions.tsx';
import { useAsync } from '../../shared/use-async.ts';

/** One notice: the .docx, and per enterprise and action the addressed department, its due day and its execution. */
export default function JointNoticeDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const n = useAsync(() => api.get<JointNotice>(`/joint-notices/${id}`), [id]);
  const [item, setItem] = useState<JointNoticeItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ executedOn: Dayjs; documentNo: string }>();

  return <DetailPage state={n} notFound="联合通知不存在或无权访问" back={{ to: '/joint-notices', label: '返回联合通知列表' }} render={view} />;

  function view(j: JointNotice): DetailView {
    const execute = async () => {
      const v = await form.validateFields();
      setBusy(true);
      try {
        await api.post(`/joint-notices/${j.id}/items/${item!.id}/execute`, { executedOn: v.executedOn.format('YYYY-MM-DD'), documentNo: v.documentNo });
        message.success('执行情况已登记');
        window.dispatchEvent(new Event(LIFECYCLE_CHANGED));
        setItem(null);
        n.reload();
      } catch (e) {
        if (!applyFieldErrors(form, e, ['executedOn', 'documentNo'])) message.error(errorMessage(e));
      } finally {
        setBusy(false);
      }
    };
    return {
      title: j.documentNo,
      status: j.overdueCount ? <Tag color="red">逾期 {j.overdueCount}</Tag> : <Tag color={j.pendingCount ? 'orange' : 'green'}>{j.pendingCount ? '执行中' : '已全部执行'}</Tag>,
      actions: (
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          data-testid="notice-docx"
          onClick={() =>
            download(`/joint-notices/${j.id}/notice.docx`, undefined, 'notice.docx').then(
              (f) => message.success(`已下载${f}`),
              (e) => message.error(errorMessage(e)),
            )
          }
        >
          下载通知（Word）
        </Button>
      ),
      columns: { md: 2, xl: 3 },
      facts: [
        { key: 't', label: '标题', children: j.title, span: 3 },
        { key: 'd', label: '发文日期', children: j.issuedOn },
        { key: 'r', label: '发文机关所在地', children: j.regionName },
        { key: 'p', label: '执行情况', children: `已执行 ${j.itemCount - j.pendingCount}/${j.itemCount}` },
      ],
      body: (
        <Table<JointNoticeItem>
          size="small"
          rowKey="id"
          dataSource={j.items}
          pagination={false}
          scroll={{ x: 1060 }}
          data-testid="notice-items"
          // Each item's 履历 (issued, executed) under its row, loaded only when opened.
          expandable={{ expandedRowRender: (i) => <LifecycleTimeline path={`/joint-notices/${j.id}/items/${i.id}`} version={i.status} /> }}
          columns={[
            { key: 'e', title: '企业', dataIndex: 'enterpriseName', width: 220 },
            { key: 'a', title: '通知事项', dataIndex: 'action', width: 130, render: (a: JointNoticeItem['action']) => JOINT_NOTICE_ACTION_LABELS[a] },
            { key: 'g', title: '执行单位', dataIndex: 'agencyName', width: 190 },
            { key: 'due', title: '执行期限', dataIndex: 'dueOn', width: 110 },
            {
              key: 's',
              title: '状态',
              dataIndex: 'status',
              width: 130,
              render: (s: JointNoticeItem['status'], i) => (
                <Space size={4}>
                  <Tag color={s === 'executed' ? 'green' : 'orange'}>{JOINT_NOTICE_ITEM_STATUS_LABELS[s]}</Tag>
                  {i.overdue && <Tag color="red">逾期</Tag>}
                </Space>
              ),
            },
            { key: 'on', title: '执行日期', dataIndex: 'executedOn', width: 110, render: (d: string | null) => d ?? '—' },
            { key: 'no', title: '执行文号', dataIndex: 'executionDocNo', width: 170, render: (d: string | null) => d ?? '—' },
            {
              key: 'op',
              title: '操作',
              width: 100,
              render: (_: unknown, i) =>
                i.mayExecute && (
                  <Button size="small" type="link" onClick={() => setItem(i)}>
                    登记执行
                  </Button>
                ),
            },
          ]}
        />
      ),
      modals: (
        <Modal
          title={item ? `登记执行：${item.enterpriseName} ${JOINT_NOTICE_ACTION_LABELS[item.action]}` : ''}
          open={item !== null}
          onCancel={() => setItem(null)}
          onOk={execute}
          okText="登记"
          confirmLoading={busy}
          destroyOnHidden
        >
          <Form form={form} layout="vertical" preserve={false}>
            <Form.Item name="executedOn" label="执行日期" rules={[{ required: true, message: '请选择执行日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="documentNo" label="执行文号" rules={[{ required: true, whitespace: true, message: '请填写执行文号' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Form>
        </Modal>
      ),
    };
  }
}
