import type { InspectedLine } from '@taotai/shared';
import { fmtNumber } from '../../shared/format.ts';

/** "1号立窑 8.8万吨；玻璃线 40万重量箱" — each line with its own unit (units never add up). */
export const linesText = (lines: InspectedLine[]) =>
  lines.length ? lines.map((l) => `${l.lineName} ${fmtNumber(l.capacity)}${l.unitName}`).join('；') : '（无待验收的退出任务）';
