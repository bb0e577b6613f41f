import { type ExitTask, RELOCATION_STRENGTH_LABELS } from '@taotai/shared';
import { Alert, Tag } from 'antd';

const COLOR = { strong: 'red', medium: 'orange', weak: 'default' } as const;

/**
 * The relocation guard (issue 11): lines in other counties that may be this equipment moved there, ranked by
 * the match score with its reasons; weak matches on a common name/specification are only counted.
 */
export function RelocationHits({ task }: { task: ExitTask }) {
  const hits = task.duplicatesElsewhere;
  if (hits.length === 0 && task.duplicatesCollapsed === 0) return null;
  const worth = hits.some((h) => h.strength !== 'weak');
  return (
    <Alert
      type={worth ? 'warning' : 'info'}
      showIcon
      style={{ marginTop: 12 }}
      data-testid="duplicates-warning"
      title={hits.length ? '其他地区登记有相似的生产线（设备），请核实拆除设备是否被转移安装' : '其他地区仅有名称规格常见的弱匹配'}
      description={
        <>
          {hits.map((d) => (
            <div key={d.lineId} data-testid="relocation-hit">
              <Tag color={COLOR[d.strength]}>
                {RELOCATION_STRENGTH_LABELS[d.strength]} {d.score}分
              </Tag>
              {d.enterpriseName}（{d.regionName}，生产线编号 {d.lineId}：{d.lineName} {d.specification}）：{d.reasons.join('、')}
            </div>
          ))}
          {task.duplicatesCollapsed > 0 && <div>另有 {task.duplicatesCollapsed} 条仅名称或规格相同的弱匹配（常见设备），未逐条列出</div>}
        </>
      }
    />
  );
}
