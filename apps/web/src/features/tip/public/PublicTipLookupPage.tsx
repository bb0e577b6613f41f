import { TIP_FINDING_LABELS, TIP_MATTER_LABELS, TIP_STATUS_LABELS, type TipForTipster } from '@taotai/shared';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../shared/form-errors.ts';
import { ProvisionalDate, provisionalAsCounted } from '../../../shared/ProvisionalDate.tsx';
import { TIP_STATUS_COLORS, publicTipApi } from '../tip-api.ts';
import { TipThread } from '../TipThread.tsx';

/**
 * 举报查询: the receipt code alone shows the status, the deadline, the finding and the reply, and the thread with
 * the handler. The code goes in a POST body (never a URL) and is kept only in this page's memory.
 */
export default function PublicTipLookupPage() {
  const [code, setCode] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [tip, setTip] = useState<TipForTipster>();
  useEffect(() => {
    document.title = '举报查询 - 淘汰落后产能公告公示';
  }, []);

  const look = async (c: string) => {
    setBusy(true);
    setError(undefined);
    try {
      setTip(await publicTipApi.lookup(c));
      setCode(c);
    } catch (e) {
      setTip(undefined);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const concluded = tip?.status === 'concluded';

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Card title="举报查询">
        <Form layout="vertical" onFinish={(v: { code: string }) => look(v.code)} data-testid="tip-lookup-form" autoComplete="off">
          <Form.Item name="code" label="查询码" extra="提交举报时显示的 20 位查询码，空格可不输入" rules={[{ required: true, whitespace: true, message: '请填写查询码' }]}>
            <Input maxLength={30} autoCapitalize="characters" spellCheck={false} placeholder="如 2345 6789 ABCD EFGH JKMN" data-testid="tip-lookup-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="tip-lookup-submit">
            查询
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} role="alert" data-testid="tip-lookup-error" />}
      {tip && code && (
        <>
          <Card title="办理情况" data-testid="tip-lookup-result">
            <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label="办理状态">
                <Tag color={TIP_STATUS_COLORS[tip.status]} data-testid="tip-lookup-status">
                  {TIP_STATUS_LABELS[tip.status]}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label="举报事项">{TIP_MATTER_LABELS[tip.matter]}</Descriptions.Item>
              <Descriptions.Item label="所在地区">{tip.regionName}</Descriptions.Item>
              <Descriptions.Item label="提交日期">{tip.filedOn}</Descriptions.Item>
              <Descriptions.Item label="办理期限">
                <ProvisionalDate date={tip.deadline} provisional={tip.deadlineProvisional} why={provisionalAsCounted(tip.deadline)} />
              </Descriptions.Item>
              {tip.finding && <Descriptions.Item label="核查结论">{TIP_FINDING_LABELS[tip.finding]}</Descriptions.Item>}
            </Descriptions>
            {tip.reply && (
              <>
                <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
                  答复
                </Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#f6ffed', padding: 12 }} data-testid="tip-lookup-reply">
                  {tip.reply}
                </Typography.Paragraph>
              </>
            )}
          </Card>
          <Card title="补充与沟通">
            <TipThread
              messages={tip.messages}
              closedText={concluded ? '该举报已办结。' : undefined}
              sendLabel="发送补充情况"
              onSend={async (body) => {
                await publicTipApi.message(code, body);
                setTip(await publicTipApi.lookup(code));
              }}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
