import { MOBILE_RE, OBJECTION_MAX_CHARS, type PublicAnnouncement } from '@taotai/shared';
import { Alert, Button, Form, Input, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../../shared/form-errors.ts';
import { publicApi } from '../announcement-api.ts';

interface Values {
  content: string;
  itemId?: number;
  name?: string;
  phone?: string;
}

/** 异议: filed while the notice period is open; answers the receipt code the citizen looks the answer up with. */
export function ObjectionForm({ a }: { a: PublicAnnouncement }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [receipt, setReceipt] = useState<{ code: string; phone: string }>();

  if (receipt) {
    return (
      <Result
        status="success"
        title="异议已提交"
        subTitle={
          <>
            受理编号：
            <Typography.Text copyable strong style={{ fontSize: 18 }} data-testid="receipt-code">
              {receipt.code}
            </Typography.Text>
            <br />
            {receipt.phone ? '请牢记受理编号，凭受理编号和手机号码查询答复。' : '请牢记受理编号，凭受理编号查询答复。'}
          </>
        }
        extra={<Link to={`/public/objections?code=${receipt.code}`}>查询答复</Link>}
      />
    );
  }

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await publicApi.object(a.id, { content: v.content.trim(), name: v.name?.trim() || undefined, phone: v.phone?.replace(/[\s-]/g, '') || undefined, itemId: v.itemId ?? null });
      setReceipt({ code: r.receiptCode, phone: v.phone ?? '' });
    } catch (e) {
      if (!applyFieldErrors(form, e, ['content', 'name', 'phone', 'itemId'])) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional" data-testid="objection-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form.Item name="itemId" label="涉及的名单条目">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="对整个名单提出异议可不选"
          options={a.items.map((i) => ({ value: i.id, label: `${i.seq}. ${i.enterpriseName} · ${i.lineName}` }))}
        />
      </Form.Item>
      <Form.Item
        name="content"
        label="异议内容"
        rules={[
          { required: true, whitespace: true, message: '请填写异议内容' },
          { min: 5, message: '异议内容至少5个字，请写明异议的事实和理由' },
        ]}
      >
        <Input.TextArea rows={5} maxLength={OBJECTION_MAX_CHARS} showCount placeholder="请写明异议的事实和理由" />
      </Form.Item>
      <Form.Item name="name" label="姓名">
        <Input maxLength={50} placeholder="可不填" autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="phone"
        label="手机号码（选填）"
        extra="仅用于核实和答复，加密保存，不会公开；填写后凭受理编号和手机号码查询答复"
        rules={[
          { validator: (_, v: string | undefined) => (!v || MOBILE_RE.test(v.replace(/[\s-]/g, '')) ? Promise.resolve() : Promise.reject(new Error('手机号码应为11位数字，以1开头（如13800000000）'))) },
        ]}
      >
        <Input inputMode="numeric" maxLength={13} autoComplete="tel" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        提交异议
      </Button>
    </Form>
  );
}
