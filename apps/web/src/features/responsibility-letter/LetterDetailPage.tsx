import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { type Letter, LETTER_STATUS_LABELS, type LetterLineRow, type LetterTargetRow, SIGNED_SCAN_MAX_BYTES } from '@taotai/shared';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Table, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { fmtDateTime, fmtNumber } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { LETTER_STATUS_COLORS, letterApi } from './letter-api.ts';
import { useRecordAction } from '../../shared/use-record-action.ts';

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** One responsibility letter: parties, target table, obligations; the Word file, the signed scan and its status. */
export default function LetterDetailPage() {
  const { id } = useParams();
  const nav = useNavigate();
  const { message } = App.useApp();
  const l = useAsync(() => letterApi.get(id!), [id]);
  const { busy, run } = useRecordAction(() => l.reload());
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ obligations: string; signDeadline?: Dayjs | null }>();

  return <DetailPage state={l} notFound="责任书不存在或无权访问" back={{ to: '/letters', label: '返回责任书列表' }} render={view} />;

  // Declared below the return (hoisted): the page's content once the letter is loaded.
  function view(letter: Letter): DetailView {
    const a = letter.abilities;

    const upload = async (file: File) => {
      if (file.size > SIGNED_SCAN_MAX_BYTES) {
        message.error(`扫描件不能超过 ${sizeText(SIGNED_SCAN_MAX_BYTES)}`);
        return;
      }
      await run(() => letterApi.uploadScan(letter.id, file), '扫描件已上传，责任书已签订');
    };

    const saveEdit = async () => {
      const v = await form.validateFields();
      const ok = await run(
        () => letterApi.update(letter.id, { obligations: v.obligations, signDeadline: v.signDeadline ? v.signDeadline.format('YYYY-MM-DD') : null, version: letter.version }),
        '责任书已保存，目标表已按当前分解刷新',
      );
      if (ok) setEditing(false);
    };

    return {
      title: letter.title,
      status: (
        <Tag color={LETTER_STATUS_COLORS[letter.status]} data-testid="letter-status">
          {LETTER_STATUS_LABELS[letter.status]}
        </Tag>
      ),
      actions: (
        <>
          <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => run(() => letterApi.downloadDocx(letter.id, `${letter.title}.docx`), '已下载责任书')}>
            下载责任书（Word）
          </Button>
          {a.update && (
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                form.setFieldsValue({ obligations: letter.obligations, signDeadline: letter.signDeadline ? dayjs(letter.signDeadline) : null });
                setEditing(true);
              }}
            >
              编辑
            </Button>
          )}
          {a.sign && (
            <Upload
              accept=".pdf,.jpg,.jpeg,.png"
              showUploadList={false}
              beforeUpload={(f) => {
                // Sent by our own call (errors as messages); false stops antd's own upload.
                upload(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy}>
                上传签字盖章扫描件
              </Button>
            </Upload>
          )}
          {a.delete && (
            <Popconfirm title="删除该责任书？" onConfirm={() => run(() => letterApi.remove(letter.id, letter.version), '已删除').then((ok) => ok && nav('/letters'))}>
              <Button danger>删除</Button>
            </Popconfirm>
          )}
        </>
      ),
      columns: { md: 2, xl: 2 },
      facts: [
        { key: 'a', label: '甲方', children: letter.partyA.name },
        { key: 'b', label: '乙方', children: letter.partyB.uscc ? `${letter.partyB.name}（${letter.partyB.uscc}）` : letter.partyB.name },
        { key: 'y', label: '年度', children: `${letter.year}年` },
        { key: 'd', label: '签订期限', children: letter.signDeadline ?? '—' },
        { key: 's', label: '签订时间', children: fmtDateTime(letter.signedAt) },
        {
          key: 'f',
          label: '签订扫描件',
          children: letter.signedFile ? (
            <Typography.Link onClick={() => run(() => letterApi.downloadScan(letter.id, letter.signedFile!.fileName), '已下载扫描件')}>
              {letter.signedFile.fileName}（{sizeText(letter.signedFile.size)}）
            </Typography.Link>
          ) : (
            <Typography.Text type="secondary">尚未上传</Typography.Text>
          ),
        },
      ],
      notice: letter.status === 'drafted' && (
        <Alert type="info" showIcon title="下载责任书打印，双方签字盖章后扫描上传（PDF、JPG 或 PNG，不超过 20MB），上传后状态变为“已签订”。" />
      ),
      tabs: [
        { key: 'targets', label: '目标任务', children: <LetterTargets letter={letter} /> },
        {
          key: 'obligations',
          label: '责任内容',
          children: letter.obligations.split('\n').map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text, never reordered.
            <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
          )),
        },
      ],
      modals: (
        <Modal title="编辑责任书" open={editing} width={760} onCancel={() => setEditing(false)} onOk={saveEdit} okText="保存" confirmLoading={busy} destroyOnHidden>
          <Form form={form} layout="vertical">
            <Form.Item name="obligations" label="责任内容（每行一段）" rules={[{ required: true, message: '请填写责任内容' }]}>
              <Input.TextArea rows={10} maxLength={5000} />
            </Form.Item>
            <Form.Item name="signDeadline" label="签订期限">
              <DatePicker />
            </Form.Item>
          </Form>
        </Modal>
      ),
    };
  }
}

/** The target table of the letter and the lines it names. */
function LetterTargets({ letter }: { letter: Letter }) {
  return (
    <>
      <Table<LetterTargetRow>
        rowKey={(r) => `${r.industryCode}-${r.unitCode}`}
        size="middle"
        pagination={false}
        dataSource={letter.rows}
        data-testid="letter-rows"
        columns={[
          { title: '行业', dataIndex: 'industryName' },
          { title: '淘汰产能', key: 'q', width: 200, align: 'right', render: (_, r) => `${fmtNumber(r.quantity)} ${r.unitName}` },
          { title: '涉及企业', dataIndex: 'enterpriseCount', width: 100, render: (n: number | null) => (n === null ? '—' : `${n} 家`) },
          { title: '完成期限', dataIndex: 'deadline', width: 120 },
        ]}
      />
      {letter.lines.length > 0 && (
        <Table<LetterLineRow>
          style={{ marginTop: 12 }}
          rowKey="lineId"
          size="small"
          pagination={false}
          dataSource={letter.lines}
          title={() => <Typography.Text strong>落实的生产线（设备）</Typography.Text>}
          columns={[
            { title: '行业', dataIndex: 'industryName', width: 100 },
            { title: '生产线（设备）', dataIndex: 'lineName', render: (n: string, r) => (r.specification ? `${n}（${r.specification}）` : n) },
            { title: '产能', key: 'c', align: 'right', render: (_, r) => `${fmtNumber(r.capacity)} ${r.unitName}` },
            { title: '淘汰期限', dataIndex: 'deadline', width: 120 },
          ]}
        />
      )}
    </>
  );
}
