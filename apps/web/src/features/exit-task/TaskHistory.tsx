import { EQUIPMENT_DESTINATION_LABELS, type EquipmentDestination, EXIT_TASK_EVENT_LABELS, EXIT_TASK_STATUS_LABELS, type ExitTask } from '@taotai/shared';
import { Empty, Timeline, Typography } from 'antd';
import { fmtDateTime } from '../../shared/format.ts';

/** The facts an event recorded, in words (measures, deadline, signers, destination, reason, order number). */
function facts(p: Record<string, unknown>): string[] {
  const out: string[] = [];
  const measures = [p.waterCut && '断水', p.powerCut && '断电', p.powerUnitsRemoved && '拆除动力装置', p.equipmentSealed && '主体设备封存'].filter(Boolean);
  if (measures.length) out.push(`措施：${measures.join('、')}`);
  if (p.dismantleDeadline) out.push(`拆除期限：${p.dismantleDeadline}`);
  if (p.legalRepresentative) out.push(`法定代表人：${p.legalRepresentative}`);
  if (Array.isArray(p.officials) && p.officials.length) out.push(`政府工作人员：${p.officials.join('、')}`);
  if (p.destination) {
    const d = EQUIPMENT_DESTINATION_LABELS[p.destination as EquipmentDestination] ?? String(p.destination);
    out.push(`设备去向：${d}${p.buyerName ? `（买方：${p.buyerName}${p.buyerUscc ? `，${p.buyerUscc}` : ''}）` : ''}${p.destinationNote ? `，${p.destinationNote}` : ''}`);
  }
  if (p.orderNo) out.push(`关闭令文号：${p.orderNo}`);
  if (p.reason) out.push(`原因：${p.reason}`);
  if (Array.isArray(p.duplicatesElsewhere) && p.duplicatesElsewhere.length) out.push(`提示：其他地区登记有相似设备 ${p.duplicatesElsewhere.length} 条，请核实`);
  return out;
}

export function TaskHistory({ task }: { task: ExitTask }) {
  if (task.history.length === 0) return <Empty description="尚无办理记录" />;
  return (
    <Timeline
      data-testid="task-history"
      items={[...task.history].reverse().map((h) => ({
        key: h.id,
        color: h.event === 'reject' ? 'red' : h.event === 'accept' ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fmtDateTime(h.at)}
            </Typography.Text>
            <br />
            <Typography.Text strong>{EXIT_TASK_EVENT_LABELS[h.event]}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              {EXIT_TASK_STATUS_LABELS[h.fromStatus]} → {EXIT_TASK_STATUS_LABELS[h.toStatus]} · {h.actorName}
            </Typography.Text>
            {facts(h.payload).map((f) => (
              <div key={f}>
                <Typography.Text type="secondary">{f}</Typography.Text>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
