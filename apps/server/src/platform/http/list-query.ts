import { type ListQueryFields, MAX_OFFSET } from '@taotai/shared';
import { invalid } from '../errors.ts';

/**
 * The server half of the list-query contract (packages/shared contracts/list.ts, ADR 0014): turns the
 * validated fields into the window a repository reads. Numbered pages are an OFFSET and stop at MAX_OFFSET;
 * the keyset cursor has no depth limit and is what exports and deep pages walk.
 */
export interface PageWindow {
  /** Rows the page shows. Repositories read `size + 1` to know whether a next page exists. */
  size: number;
  /** Rows skipped (numbered pages); 0 with a cursor. */
  offset: number;
  /** The opaque keyset position, when the client walks by cursor. */
  cursor: string | undefined;
  /** The page number answered (null when walking by cursor). */
  page: number | null;
  withTotal: boolean;
}

export function pageWindow(q: Omit<ListQueryFields, 'sort'>, defaultSize: number): PageWindow {
  const size = q.pageSize ?? q.limit ?? defaultSize;
  if (q.page !== undefined && q.cursor) {
    throw invalid('页码与翻页游标不能同时使用', [{ path: 'page', message: '页码与翻页游标不能同时使用' }]);
  }
  const page = q.cursor ? null : (q.page ?? 1);
  const offset = page === null ? 0 : (page - 1) * size;
  if (offset + size > MAX_OFFSET) {
    throw invalid(`页码过深：按页码只能查看前 ${MAX_OFFSET} 条，请缩小筛选范围，或导出全部结果`, [
      { path: 'page', message: `按页码只能查看前 ${MAX_OFFSET} 条` },
    ]);
  }
  return { size, offset, cursor: q.cursor, page, withTotal: q.withTotal === 'true' };
}

/** Splits the `size + 1` rows a repository read into the page and the cursor after its last row. */
export function cutPage<R>(rows: R[], w: PageWindow, cursorOf: (last: R) => string): { rows: R[]; nextCursor: string | null } {
  const page = rows.slice(0, w.size);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > w.size && last ? cursorOf(last) : null };
}

/**
 * The keyset position of a list ordered by its primary key alone: the cursor is the last id shown.
 * Lists sorted by other keys encode their own cursor (enterprise-cursor.ts).
 */
export function idCursor(cursor: string | undefined): number | null {
  const afterId = cursor === undefined ? null : Number(cursor);
  if (afterId !== null && !(Number.isInteger(afterId) && afterId > 0)) throw invalid('翻页位置 cursor 无效，请从第一页重新查询', [{ path: 'cursor', message: '翻页位置无效' }]);
  return afterId;
}

/**
 * A page of a small list computed whole in memory (a year's filing requirements or work plans, the catalogue:
 * tens to a few hundred rows, whose columns come from period arithmetic no index can order). Numbered pages
 * slice it; the cursor is the position after the last row shown. The total is free, so it is always given.
 */
export function pageOfArray<T>(all: T[], w: PageWindow): { items: T[]; nextCursor: string | null; total: number; page: number | null; pageSize: number } {
  let start = w.offset;
  if (w.cursor !== undefined) {
    start = Number(w.cursor);
    if (!(Number.isInteger(start) && start >= 0)) throw invalid('翻页位置 cursor 无效，请从第一页重新查询', [{ path: 'cursor', message: '翻页位置无效' }]);
  }
  const end = start + w.size;
  return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null, total: all.length, page: w.page, pageSize: w.size };
}
