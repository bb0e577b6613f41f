import { DownloadOutlined } from '@ant-design/icons';
import type { ExitTask, ExitTaskTransitionBody } from '@taotai/shared';
import { App, Button, Card, Checkbox, DatePicker, Form, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage, type FieldError, fieldMessages, withoutChanged } from '../../shared/form-errors.ts';
import { exitTaskApi } from './exit-task-api.ts';
import { EvidenceUpload } from './EvidenceUpload.tsx';

interface Props {
  task: ExitTask;
  canFire: boolean;
  busy: boolean;
  fire: (body: ExitTaskTransitionBody, onFields?: (fields: FieldError[]) => void) => Promise<boolean>;
  reload: () => void;
}

interface Values {
  waterCut?: boolean;
  powerCut?: boolean;
  powerUnitsRemoved?: boolean;
  equipmentSealed?: boolean;
  dismantleDeadline?: Dayjs | null;
}

const MEASURES: [keyof Values, string][] = [
  ['waterCut', '已切断生产用水（断水）'],
  ['powerCut', '已切断生产用电（断电）'],
  ['powerUnitsRemoved', '已拆除动力装置'],
  ['equipmentSealed', '主体设备已封存'],
];

/**
 * 封存: the four measures, the dismantling deadline, photos of the sealed equipment and the signed public
 * commitment (downloaded here as .docx with the deadline being entered). The server names whatever is missing.
 */
export function SealCard({ task, canFire, busy, fire, reload }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // What the last refusal named, by field or evidence slot; a mark goes when its field changes or a file comes.
  const [marks, setMarks] = useState<Record<string, string>>({});
  const measureMarks = MEASURES.flatMap(([name]) => (marks[name] ? [marks[name]] : []));

  const download = async () => {
    const d = form.getFieldValue('dismantleDeadline') as Dayjs | null | undefined;
    try {
      await exitTaskApi.commitmentDocx(task.id, d ? d.format('YYYY-MM-DD') : undefined, '公开承诺书.docx');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const submit = (v: Values) =>
    fire(
      {
      event: 'seal',
      payload: {
        waterCut: !!v.waterCut,
        powerCut: !!v.powerCut,
        powerUnitsRemoved: !!v.powerUnitsRemoved,
        equipmentSealed: !!v.equipmentSealed,
        dismantleDeadline: v.dismantleDeadline ? v.dismantleDeadline.format('YYYY-MM-DD') : undefined,
      },
      },
      (fields) => setMarks(fieldMessages(fields)),
    );

  return (
    <Card title="封存（暂不能拆除的，先断水断电、拆除动力装置、封存主体设备）" data-testid="seal-card">
      {/* No <form> element: Enter in the date field must not seal before the files are attached. */}
      <Form<Values> form={form} component={false} layout="vertical" onFinish={submit} disabled={!canFire} onValuesChange={(c) => setMarks((m) => withoutChanged(m, c))}>
        <Form.Item label="封存措施" validateStatus={measureMarks.length ? 'error' : undefined} help={measureMarks.length ? measureMarks.join('；') : undefined}>
          <Space wrap size={24}>
            {MEASURES.map(([name, label]) => (
              <Form.Item key={name} name={name} valuePropName="checked" noStyle>
                <Checkbox>{label}</Checkbox>
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Form.Item
          name="dismantleDeadline"
          label="拆除期限"
          extra="封存的生产线（设备）应在此日期前拆除，逾期将标红提示"
          validateStatus={marks.dismantleDeadline ? 'error' : undefined}
          help={marks.dismantleDeadline}
        >
          <DatePicker style={{ width: 200 }} aria-label="拆除期限" />
        </Form.Item>
      </Form>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <EvidenceUpload task={task} kind="seal_photo" onUploaded={reload} error={marks['evidence.seal_photo']} />
        <Space wrap>
          <EvidenceUpload task={task} kind="commitment_scan" onUploaded={reload} error={marks['evidence.commitment_scan']} />
          <Button icon={<DownloadOutlined />} onClick={download} data-testid="commitment-docx">
            下载企业公开承诺书（Word）
          </Button>
        </Space>
        <Typography.Text type="secondary">承诺书由企业法定代表人签字、加盖企业公章后扫描上传（PDF或图片）。</Typography.Text>
        {canFire && (
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="do-seal">
            确认封存
          </Button>
        )}
      </Space>
    </Card>
  );
}
