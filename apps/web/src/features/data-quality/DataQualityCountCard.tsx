import { Card, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { dataQualityApi } from './data-quality-api.ts';

/**
 * The region's open data-quality flags (its own and every region below), linking to 数据质量 (issue 10 §4).
 * Shown on the progress dashboard; the 工作台 may use it too. Renders nothing for roles that do not read flags.
 */
/** The roles the server lets read flags (data-quality.policy.ts): others are not even asked (no 403 in the console). */
const READERS = new Set(['admin', 'auditor', 'group_office', 'leader', 'member_agency']);

export function DataQualityCountCard({ region }: { region?: string }) {
  const reads = READERS.has(useMe().role);
  const counts = useAsync(() => (reads ? dataQualityApi.counts(region) : Promise.resolve(undefined)), [region, reads]);
  if (!counts.data) return null;
  const to = region ? `/data-quality?region=${encodeURIComponent(region)}` : '/data-quality';
  return (
    <Card size="small" data-testid="dq-count-card">
      <Link to={to}>
        <Statistic title={`数据质量待处理（${counts.data.regionName}及下级）`} value={counts.data.open} suffix="条" />
      </Link>
    </Card>
  );
}
