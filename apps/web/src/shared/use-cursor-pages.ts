import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';

interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/**
 * Keyset pages of a list: the first page on every filter change, then "load more" with the cursor.
 * A late answer to an earlier filter is dropped. `head` is the last page without its items (totals etc.).
 */
export function useCursorPages<F, P extends CursorPage<unknown>>(filters: F, fetchPage: (filters: F, cursor: string | null) => Promise<P>) {
  type Item = P['items'][number];
  const [items, setItems] = useState<Item[]>([]);
  const [head, setHead] = useState<Omit<P, 'items'> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const run = useRef(0);
  const key = JSON.stringify(filters);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = ++run.current;
      setLoading(true);
      try {
        const { items: got, ...rest } = await fetchRef.current(JSON.parse(key) as F, cursor);
        if (mine !== run.current) return;
        setItems((old) => (cursor ? [...old, ...got] : got));
        setHead(rest as Omit<P, 'items'>);
        setError(undefined);
      } catch (e) {
        if (mine !== run.current) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
        if (!cursor) setItems([]);
      } finally {
        if (mine === run.current) setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    setHead(null);
    load(null);
  }, [load]);

  return {
    items,
    head,
    total: head?.total ?? null,
    hasMore: !!head?.nextCursor,
    loading,
    error,
    loadMore: () => head?.nextCursor && load(head.nextCursor),
    reload: () => load(null),
  };
}
