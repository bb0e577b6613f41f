import { FilePdfOutlined } from '@ant-design/icons';
import { EVIDENCE_KIND_LABELS, EVIDENCE_KINDS, type ExitTask } from '@taotai/shared';
import { Card, Empty, Tag, Typography } from 'antd';
import { fmtDateTime } from '../../shared/format.ts';
import { evidenceUrl } from './exit-task-api.ts';

/** Photos as their display copy (no location data), a link to the unchanged original, and its SHA-256. */
export function EvidenceGallery({ task }: { task: ExitTask }) {
  if (task.evidence.length === 0) return <Empty description="尚未上传佐证材料" />;
  const order = (k: string) => EVIDENCE_KINDS.indexOf(k as (typeof EVIDENCE_KINDS)[number]);
  const items = [...task.evidence].sort((a, b) => order(a.kind) - order(b.kind) || a.id - b.id);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }} data-testid="evidence-gallery">
      {items.map((e) => (
        <Card key={e.id} size="small" style={{ width: 200 }} data-testid="evidence-item">
          <Tag color="blue" style={{ marginBottom: 8, whiteSpace: 'normal' }}>
            {EVIDENCE_KIND_LABELS[e.kind]}
          </Tag>
          <div style={{ height: 110, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fafafa' }}>
            {e.file.mime.startsWith('image/') ? (
              <img src={evidenceUrl(task.id, e.id, true)} alt={e.file.fileName} style={{ maxWidth: '100%', maxHeight: 110, objectFit: 'contain' }} />
            ) : (
              <FilePdfOutlined style={{ fontSize: 44, color: '#cf1322' }} />
            )}
          </div>
          <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: '8px 0 0' }} title={e.file.fileName}>
            <a href={evidenceUrl(task.id, e.id)} target="_blank" rel="noreferrer">
              {e.file.fileName}
            </a>
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fmtDateTime(e.file.uploadedAt)} · 原件
          </Typography.Text>
          <br />
          <Typography.Text code copyable={{ text: e.file.sha256 }} style={{ fontSize: 11 }} title={`SHA-256 ${e.file.sha256}`} data-testid="evidence-hash">
            SHA-256 {e.file.sha256.slice(0, 12)}…
          </Typography.Text>
        </Card>
      ))}
    </div>
  );
}
