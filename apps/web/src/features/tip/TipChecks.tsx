import { UploadOutlined } from '@ant-design/icons';
import type { Tip, TipCheck } from '@taotai/shared';
import { AutoComplete, Button, Card, DatePicker, Form, Input, List, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors } from '../../shared/form-errors.ts';
import { tipApi, tipFileUrl } from './tip-api.ts';

type Run = (what: () => Promise<unknown>, done: string) => Promise<boolean>;
interface Values {
  checkedOn: Dayjs;
  method: string;
  inspectors: string;
  findings: string;
}
const METHODS = ['现场核查', '调阅用电记录', '走访询问', '调阅资料'].map((value) => ({ value }));

/** 核查记录 (issue 13 "The check is recorded"): the visit, who went, what they found, and its evidence. */
export function TipChecks({ t, busy, run }: { t: Tip; busy: boolean; run: Run }) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [adding, setAdding] = useState(false);
  const submit = async (v: Values) => {
    let failure: unknown;
    const ok = await run(async () => {
      try {
        return await tipApi.addCheck(t.id, { checkedOn: v.checkedOn.format('YYYY-MM-DD'), method: v.method.trim(), inspectors: v.inspectors.trim(), findings: v.findings.trim() }, files.map((f) => f.originFileObj as File));
      } catch (e) {
        failure = e;
        throw e;
      }
    }, '已记录核查情况');
    if (ok) {
      form.resetFields();
      setFiles([]);
      setAdding(false);
    } else applyFieldErrors(form, failure, ['checkedOn', 'method', 'inspectors', 'findings']);
  };
  const canAdd = t.status === 'verifying';
  return (
    <Card
      title="核查记录"
      size="small"
      data-testid="tip-checks"
      extra={canAdd && !adding && (
        <Button size="small" type="primary" onClick={() => setAdding(true)} data-testid="tip-check-add">
          记录核查情况
        </Button>
      )}
    >
      {/* Plain text, not the list's grey empty text (axe: colour contrast). */}
      {t.checks.length === 0 && !adding && <Typography.Text>尚未记录核查情况</Typography.Text>}
      {t.checks.length > 0 && (
        <List<TipCheck>
          dataSource={t.checks}
          renderItem={(c) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Typography.Text strong>{`${c.checkedOn} · ${c.method} · ${c.inspectors}`}</Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{c.findings}</div>
                {c.files.map((f) => (
                  <a key={f.id} href={tipFileUrl(t.id, f.id)} target="_blank" rel="noreferrer" style={{ marginRight: 12 }}>
                    {f.name}
                  </a>
                ))}
                <div>记录人：{c.recordedByName ?? '—'}</div>
              </div>
            </List.Item>
          )}
        />
      )}
      {adding && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ checkedOn: dayjs(), method: '现场核查' }} data-testid="tip-check-form" style={{ marginTop: 12 }}>
          <Form.Item name="checkedOn" label="核查日期" rules={[{ required: true, message: '请选择核查日期' }]}>
            <DatePicker style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="method" label="核查方式" rules={[{ required: true, whitespace: true, message: '请填写核查方式' }]}>
            <AutoComplete options={METHODS} maxLength={100} />
          </Form.Item>
          <Form.Item name="inspectors" label="核查人员" rules={[{ required: true, whitespace: true, message: '请填写核查人员' }]}>
            <Input maxLength={200} placeholder="如：张三、李四" />
          </Form.Item>
          <Form.Item name="findings" label="核查情况" rules={[{ required: true, whitespace: true, message: '请填写核查情况' }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item label="证据材料（照片、PDF）">
            <Upload accept=".jpg,.jpeg,.png,.pdf" multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="tip-check-submit">
            保存核查记录
          </Button>
          <Button style={{ marginLeft: 8 }} onClick={() => setAdding(false)}>
            取消
          </Button>
        </Form>
      )}
    </Card>
  );
}
