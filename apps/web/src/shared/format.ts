import dayjs from 'dayjs';

export const fmtDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');
export const fmtDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

/** Capacities keep up to four decimals (万吨 with fractions) without trailing zeros. */
export const fmtNumber = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
