import type { ExitTaskPage, ExitTaskSummary } from '@taotai/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { exitTaskApi, type TaskFilters } from './exit-task-api.ts';

/** Keyset pages of the task list: the first page on every filter change, then "load more" with the cursor. */
export function useTaskPages(filters: TaskFilters) {
  const [items, setItems] = useState<ExitTaskSummary[]>([]);
  const [head, setHead] = useState<Omit<ExitTaskPage, 'items'> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const run = useRef(0);
  const key = JSON.stringify(filters);

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = ++run.current;
      setLoading(true);
      try {
        const page = await exitTaskApi.list(JSON.parse(key) as TaskFilters, cursor);
        if (mine !== run.current) return;
        setItems((old) => (cursor ? [...old, ...page.items] : page.items));
        setHead({ nextCursor: page.nextCursor, total: page.total, capacityByUnit: page.capacityByUnit });
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
    total: head?.total ?? null,
    capacityByUnit: head?.capacityByUnit ?? [],
    hasMore: !!head?.nextCursor,
    loading,
    error,
    loadMore: () => head?.nextCursor && load(head.nextCursor),
    reload: () => load(null),
  };
}
