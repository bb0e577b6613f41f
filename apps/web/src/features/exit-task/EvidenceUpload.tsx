import { UploadOutlined } from '@ant-design/icons';
import { EVIDENCE_KIND_LABELS, EVIDENCE_MAX_BYTES, type EvidenceKind, type ExitTask } from '@taotai/shared';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { exitTaskApi } from './exit-task-api.ts';

// Photos taken on site: on a phone `capture` opens the rear camera at once (issue 11: the town clerk photographs
// sealing and dismantling with a phone). Scans (commitment, witness record) may also be PDFs and come from files.
const PHOTO_KINDS: readonly EvidenceKind[] = ['seal_photo', 'photo_before', 'photo_during', 'photo_after'];

interface Props {
  task: ExitTask;
  kind: EvidenceKind;
  onUploaded: () => void;
  /** The refusal's message for this slot (还缺：…), shown in red until a file of this kind is attached. */
  error?: string;
}

/**
 * One kind of evidence: a real <input type=file> (data-testid `upload-<kind>`, so browser tests can
 * attach files), several files at once, and how many are already attached. The server judges the type by content.
 */
export function EvidenceUpload({ task, kind, onUploaded, error }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(0);
  const count = task.evidence.filter((e) => e.kind === kind).length;
  const missing = count === 0 ? error : undefined;
  const photo = PHOTO_KINDS.includes(kind);

  const send = async (file: File) => {
    if (file.size > EVIDENCE_MAX_BYTES) {
      message.error(`文件“${file.name}”超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB，不能上传`);
      return;
    }
    setBusy((n) => n + 1);
    try {
      await exitTaskApi.upload(task.id, kind, file);
      message.success(`已上传：${file.name}`);
      onUploaded();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy((n) => n - 1);
    }
  };

  return (
    <Space wrap data-testid={`slot-${kind}`} aria-invalid={missing ? true : undefined}>
      <Upload
        accept={photo ? 'image/*' : '.jpg,.jpeg,.png,.pdf'}
        capture={photo ? 'environment' : undefined}
        multiple
        showUploadList={false}
        data-testid={`upload-${kind}`}
        beforeUpload={(f) => {
          // Sent by our own call (errors come back as messages); false stops antd's own request.
          send(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy > 0} danger={!!missing}>
          上传{EVIDENCE_KIND_LABELS[kind]}
        </Button>
      </Upload>
      <Typography.Text type={count ? 'success' : 'secondary'} data-testid={`count-${kind}`}>
        已上传 {count} 份
      </Typography.Text>
      {missing && (
        <Typography.Text type="danger" role="alert" data-testid={`missing-${kind}`}>
          {missing}
        </Typography.Text>
      )}
    </Space>
  );
}
