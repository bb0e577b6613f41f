import type { EnterpriseSummary } from '@taotai/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { type EnterpriseFilters, enterpriseApi } from './enterprise-api.ts';

const PAGE = 20;

/** Keyset pages of the list: the first page asks for the total, "加载更多" appends the next. */
export function useEnterprisePages(filters: EnterpriseFilters) {
  const [items, setItems] = useState<EnterpriseSummary[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useRef(0);
  const key = JSON.stringify(filters);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const mine = ++run.current;
      setLoading(true);
      try {
        const page = await enterpriseApi.list(JSON.parse(key), { cursor: after, limit: PAGE, withTotal: after === null });
        if (mine !== run.current) return;
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        if (after === null) setTotal(page.total);
        setCursor(page.nextCursor);
        setError(undefined);
      } catch (e) {
        if (mine !== run.current) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
        if (after === null) setItems([]);
      } finally {
        if (mine === run.current) setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    fetchPage(null);
  }, [fetchPage]);

  return {
    items,
    total,
    hasMore: cursor !== null,
    loading,
    error,
    loadMore: () => cursor && fetchPage(cursor),
    reload: () => fetchPage(null),
  };
}
