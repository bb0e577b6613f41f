import { MOBILE_RE, type ObjectionStatus } from '@taotai/shared';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/form-errors.ts';
import { fmtDateTime } from '../../../shared/format.ts';
import { publicApi } from '../announcement-api.ts';

/** Looks up an objection's answer by receipt code and the phone number it was filed with. */
export default function PublicObjectionPage() {
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [found, setFound] = useState<ObjectionStatus>();

  const submit = async (v: { code: string; phone?: string }) => {
    setBusy(true);
    setError(undefined);
    setFound(undefined);
    try {
      setFound(await publicApi.lookup(v.code.trim(), v.phone?.replace(/[\s-]/g, '') ?? ''));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 640 }}>
      <Card title="异议答复查询">
        <Form layout="vertical" onFinish={submit} initialValues={{ code: params.get('code') ?? '' }} data-testid="lookup-form">
          <Form.Item name="code" label="受理编号" rules={[{ required: true, whitespace: true, message: '请填写受理编号' }]}>
            <Input maxLength={20} placeholder="如 YY7K3M9Q2D" autoCapitalize="characters" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="手机号码"
            extra="提交异议时填写的手机号码；提交时未填写的留空"
            rules={[
              { validator: (_, v: string | undefined) => (!v || MOBILE_RE.test(v.replace(/[\s-]/g, '')) ? Promise.resolve() : Promise.reject(new Error('手机号码应为11位数字，以1开头'))) },
            ]}
          >
            <Input inputMode="numeric" maxLength={13} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            查询
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {found && (
        <Card data-testid="lookup-result">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="受理编号">{found.receiptCode}</Descriptions.Item>
            <Descriptions.Item label="公示">
              <Link to={`/public/announcements/${found.announcementId}`}>{found.announcementTitle}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="提交时间">{fmtDateTime(found.filedAt)}</Descriptions.Item>
            <Descriptions.Item label="异议内容">
              <span style={{ whiteSpace: 'pre-wrap' }}>{found.content}</span>
            </Descriptions.Item>
            <Descriptions.Item label="办理状态">{found.answered ? <Tag color="green">已答复</Tag> : <Tag color="orange">核实中</Tag>}</Descriptions.Item>
            {found.answered && <Descriptions.Item label="答复时间">{fmtDateTime(found.answeredAt)}</Descriptions.Item>}
            {found.answeredBy && <Descriptions.Item label="答复单位">{found.answeredBy}</Descriptions.Item>}
          </Descriptions>
          {found.answered && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#f6ffed', padding: 12, marginTop: 8 }} data-testid="lookup-answer">
              {found.answer}
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </Space>
  );
}
