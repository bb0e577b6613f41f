import { UploadOutlined } from '@ant-design/icons';
import type { Case } from '@taotai/shared';
import { App, Button, Card, List, Radio, Space, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { caseApi } from './case-api.ts';

const KIND_LABELS = { finding: '立案证据', reinspection: '复查证据' } as const;

/** The case's evidence (检查笔录, 监测报告, 现场照片): listed for every reader, uploaded by the opening department while open. */
export function CaseFiles({ c, onUploaded }: { c: Case; onUploaded: () => void }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<'finding' | 'reinspection'>('finding');
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    setBusy(true);
    try {
      await caseApi.upload(c.id, kind, file);
      message.success(`已上传：${file.name}`);
      onUploaded();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title="证据材料"
      size="small"
      data-testid="case-files"
      extra={
        c.abilities.upload && (
          <Space wrap>
            <Radio.Group size="small" value={kind} onChange={(e) => setKind(e.target.value)} options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
            <Upload accept=".jpg,.jpeg,.png,.pdf" showUploadList={false} beforeUpload={(f) => {
                // Sent by our own call (errors come back as messages); false stops antd's own request.
                send(f);
                return false;
              }} data-testid="case-upload">
              <Button size="small" icon={<UploadOutlined />} loading={busy}>
                上传
              </Button>
            </Upload>
          </Space>
        )
      }
    >
      <List
        size="small"
        dataSource={c.files}
        locale={{ emptyText: '没有证据材料' }}
        renderItem={(f) => (
          <List.Item>
            <a href={`/api/v1/cases/${c.id}/files/${f.fileId}`} target="_blank" rel="noreferrer">
              {f.name}
            </a>
            <span>{KIND_LABELS[f.kind as keyof typeof KIND_LABELS] ?? f.kind}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}
