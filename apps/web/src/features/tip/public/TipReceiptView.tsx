import type { TipReceipt } from '@taotai/shared';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';

/** 2345 6789 ABCD EFGH JKMN: read off a phone and written down in groups of four (whatever separators the server sent). */
export const groupCode = (code: string) => code.replace(/[^0-9A-Za-z]/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Shown once, right after filing (issue 13): the server keeps only a slow hash of the code, so neither it nor we
 * can show it again. Large, grouped by four, with a copy button and a plain warning.
 */
export function TipReceiptView({ receipt }: { receipt: TipReceipt }) {
  return (
    <Card data-testid="tip-receipt">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          举报已提交
        </Typography.Title>
        <Typography.Text>您的查询码：</Typography.Text>
        <Typography.Text
          copyable={{ text: receipt.receiptCode, tooltips: ['复制查询码', '已复制'] }}
          strong
          className="tip-receipt-code"
          data-testid="receipt-code"
        >
          {groupCode(receipt.receiptCode)}
        </Typography.Text>
        <Alert
          type="warning"
          showIcon
          title="请立即抄写或截图保存查询码"
          description="查询码只显示这一次。没有查询码将无法查询办理结果，我们也无法找回。"
        />
        <Typography.Paragraph style={{ margin: 0 }}>
          办理单位：{receipt.handlingRegionName}
          <br />
          办理期限：<span data-testid="receipt-deadline">{receipt.deadline}</span> 前核查并答复
        </Typography.Paragraph>
        <Link to="/public/tips/lookup">
          <Button block>去查询办理进展</Button>
        </Link>
      </Space>
    </Card>
  );
}
