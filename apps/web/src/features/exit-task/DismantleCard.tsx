import { EQUIPMENT_DESTINATION_LABELS, type EquipmentDestination, type ExitTask, type ExitTaskTransitionBody } from '@taotai/shared';
import { Button, Card, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { type FieldError, fieldMessages, withoutChanged } from '../../shared/form-errors.ts';
import { EvidenceUpload } from './EvidenceUpload.tsx';

interface Props {
  task: ExitTask;
  /** 'dismantle', or 'resubmit' after a failed acceptance (then a reason is asked too). */
  event: 'dismantle' | 'resubmit';
  canFire: boolean;
  busy: boolean;
  fire: (body: ExitTaskTransitionBody, onFields?: (fields: FieldError[]) => void) => Promise<boolean>;
  reload: () => void;
}

interface Values {
  legalRepresentative?: string;
  officials?: string[];
  destination?: EquipmentDestination;
  buyerName?: string;
  buyerUscc?: string;
  destinationNote?: string;
  reason?: string;
}

/**
 * 拆除: photos before, during and after, the witness record signed by the legal representative and the
 * officials, and where the equipment went (sold: to whom, so it is not re-installed elsewhere).
 */
export function DismantleCard({ task, event, canFire, busy, fire, reload }: Props) {
  const [form] = Form.useForm<Values>();
  const destination = Form.useWatch('destination', form);
  const prev = (task.dismantle ?? {}) as Values;
  // What the last refusal named, by field or evidence slot; a mark goes when its field changes or a file comes.
  const [marks, setMarks] = useState<Record<string, string>>({});
  const mark = (name: keyof Values) => (marks[name] ? { validateStatus: 'error' as const, help: marks[name] } : {});

  const submit = (v: Values) =>
    fire(
      {
      event,
      payload: {
        legalRepresentative: v.legalRepresentative?.trim() || undefined,
        officials: v.officials?.map((o) => o.trim()).filter(Boolean),
        destination: v.destination,
        buyerName: v.destination === 'sold' ? v.buyerName?.trim() || undefined : undefined,
        buyerUscc: v.destination === 'sold' ? v.buyerUscc?.trim().toUpperCase() || undefined : undefined,
        destinationNote: v.destinationNote?.trim() || undefined,
        reason: v.reason?.trim() || undefined,
      },
      },
      (fields) => setMarks(fieldMessages(fields)),
    );

  return (
    <Card title={event === 'resubmit' ? '整改后重新提交拆除材料' : '拆除'} data-testid="dismantle-card">
      <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
        <EvidenceUpload task={task} kind="photo_before" onUploaded={reload} error={marks['evidence.photo_before']} />
        <EvidenceUpload task={task} kind="photo_during" onUploaded={reload} error={marks['evidence.photo_during']} />
        <EvidenceUpload task={task} kind="photo_after" onUploaded={reload} error={marks['evidence.photo_after']} />
        <EvidenceUpload task={task} kind="witness_record" onUploaded={reload} error={marks['evidence.witness_record']} />
      </Space>
      <div style={{ maxWidth: 720 }}>
      {/* No <form> element: Enter (which adds an official's name) must not submit the dismantling. */}
      <Form<Values>
        form={form}
        component={false}
        layout="vertical"
        onFinish={submit}
        disabled={!canFire}
        onValuesChange={(c) => setMarks((m) => withoutChanged(m, c))}
        initialValues={{ legalRepresentative: prev.legalRepresentative ?? task.legalRepresentative, officials: prev.officials ?? [], destination: prev.destination, buyerName: prev.buyerName, buyerUscc: prev.buyerUscc, destinationNote: prev.destinationNote }}
      >
        <Form.Item name="legalRepresentative" {...mark('legalRepresentative')} label="见证记录签字的法定代表人">
          <Input maxLength={50} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="officials" {...mark('officials')} label="见证记录签字的政府工作人员" extra="输入姓名后回车，可填写多人">
          <Select mode="tags" open={false} suffixIcon={null} placeholder="如：米河镇 赵某某" aria-label="政府工作人员" />
        </Form.Item>
        <Form.Item name="destination" {...mark('destination')} label="设备去向">
          <Radio.Group options={Object.entries(EQUIPMENT_DESTINATION_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {destination === 'sold' && (
          <Space size={16} wrap>
            <Form.Item name="buyerName" {...mark('buyerName')} label="买方名称">
              <Input maxLength={200} style={{ width: 280 }} />
            </Form.Item>
            <Form.Item name="buyerUscc" {...mark('buyerUscc')} label="买方统一社会信用代码">
              <Input maxLength={18} style={{ width: 220 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="destinationNote" {...mark('destinationNote')} label={destination === 'other' ? '去向说明' : '去向说明（选填）'} extra="拆除设备不得转移至其他地区重新安装使用">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {event === 'resubmit' && (
          <Form.Item name="reason" {...mark('reason')} label="整改说明">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {canFire && (
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid={`do-${event}`}>
            {event === 'resubmit' ? '重新提交' : '确认拆除'}
          </Button>
        )}
      </Form>
      </div>
    </Card>
  );
}
