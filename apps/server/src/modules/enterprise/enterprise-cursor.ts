import type { EnterpriseQuery } from '@taotai/shared';
import { invalid } from '../../platform/errors.ts';
import type { KeysetAfter } from './enterprise-list.repository.ts';

type Sort = EnterpriseQuery['sort'];

/** Opaque to clients: base64url of the sort, the last row's sort key and its id. */
export function encodeCursor(sort: Sort, key: string | number, id: number): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key, i: id })).toString('base64url');
}

/** A cursor from another sort, or tampered with, is refused rather than silently restarting. */
export function decodeCursor(sort: Sort, cursor: string | undefined): KeysetAfter | null {
  if (!cursor) return null;
  const bad = () => invalid('分页游标无效，请从第一页重新查询', [{ path: 'cursor', message: '分页游标无效' }]);
  let v: any;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!v || v.s !== sort || !Number.isSafeInteger(v.i) || (typeof v.k !== 'string' && typeof v.k !== 'number')) throw bad();
  if (sort.endsWith('updatedAt') && Number.isNaN(Date.parse(String(v.k)))) throw bad();
  return { key: v.k, id: v.i };
}
