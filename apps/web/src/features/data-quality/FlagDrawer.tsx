import { DATA_QUALITY_KIND_LABELS, DATA_QUALITY_STATUS_LABELS, type DataQualityFlag } from '@taotai/shared';
import { Descriptions, Drawer, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LifecycleTimeline } from '../../shared/LifecycleTimeline.tsx';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

const RECORD_LABELS: Record<string, string> = {
  target: '目标任务',
  exit_task: '退出任务',
  filing: '报送',
  enterprise: '企业',
  line: '生产线（设备）',
  elimination_plan: '淘汰计划',
  announcement: '公告',
  inspection_round: '检查批次',
};

/** Drill-down (issue 10 §4): one flag with its figures, a link to the record and the record's timeline. */
export function FlagDrawer({ flag, onClose }: { flag: DataQualityFlag | null; onClose: () => void }) {
  const f = flag;
  return (
    <Drawer title="数据质量标记详情" open={!!f} onClose={onClose} size="large" data-testid="dq-drawer">
      {f && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Paragraph>{f.message}</Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'k', label: '类别', children: DATA_QUALITY_KIND_LABELS[f.kind] },
              { key: 'r', label: '区划', children: f.regionName },
              {
                key: 'e',
                label: '记录',
                children: f.link ? (
                  <Link to={f.link} data-testid="dq-record-link">
                    查看{RECORD_LABELS[f.entityType] ?? '记录'}（编号 {f.entityId}）
                  </Link>
                ) : (
                  `${RECORD_LABELS[f.entityType] ?? f.entityType} 编号 ${f.entityId}`
                ),
              },
              { key: 'by', label: '标记', children: `${f.raisedByName ?? '系统检查'} ${time(f.raisedAt)}` },
              {
                key: 's',
                label: '状态',
                children: `${DATA_QUALITY_STATUS_LABELS[f.status]}${f.status === 'resolved' ? `（${f.resolvedByName ?? '系统'} ${time(f.resolvedAt)}：${f.resolutionNote ?? ''}）` : ''}`,
              },
            ]}
          />
          {f.hasHistory && <LifecycleTimeline path={`/data-quality/flags/${f.id}/record`} />}
        </Space>
      )}
    </Drawer>
  );
}
