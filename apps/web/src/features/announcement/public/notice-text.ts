import type { NoticePeriod } from '@taotai/shared';

/** 公示期至 2026-10-13（剩余 5 个工作日） / 公示期至 2026-10-13（已结束） */
export const noticeText = (n: NoticePeriod) => `公示期至 ${n.endDate}（${n.open ? n.label : '已结束'}）`;
