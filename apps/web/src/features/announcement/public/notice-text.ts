import type { NoticePeriod } from '@taotai/shared';

/** 公示期至 2026-10-13（剩余 5 个工作日） / 公示期至 2026-10-13（已结束） */
export const noticeText = (n: NoticePeriod) => `公示期至 ${n.endDate}（${n.open ? n.label : '已结束'}）`;

/** 2026-09-30 → 2026年9月30日 (the 落款's date as documents print it). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return y ? `${y}年${m}月${d}日` : '';
}
