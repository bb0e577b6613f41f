import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export type Filters = Record<string, string | undefined>;

export interface ListUrlState {
  filters: Filters;
  page: number;
  pageSize: number;
  /** `field` or `-field`; undefined = the list's default order. */
  sort: string | undefined;
}

/**
 * The list's whole view in the URL query (filters, page, page size, sort), so a link reproduces it and the
 * dashboard can link to a list with its numbers' filters. Changing filters or the sort goes back to page 1.
 */
export function useListUrl(filterKeys: readonly string[], defaultPageSize: number) {
  const [params, setParams] = useSearchParams();
  const keysText = filterKeys.join(',');
  const state: ListUrlState = useMemo(() => {
    const filters: Filters = {};
    for (const k of keysText.split(',')) {
      const v = params.get(k);
      if (v) filters[k] = v;
    }
    const page = Math.max(1, Number(params.get('page')) || 1);
    const size = Number(params.get('pageSize')) || defaultPageSize;
    return { filters, page, pageSize: size, sort: params.get('sort') || undefined };
  }, [params, keysText, defaultPageSize]);

  const write = useCallback(
    (next: Partial<ListUrlState>) => {
      const merged = { ...state, ...next };
      const p = new URLSearchParams();
      // Keys this list does not own (e.g. ?import=1 opening a dialog) are kept as they are.
      const own = new Set([...keysText.split(','), 'page', 'pageSize', 'sort']);
      for (const [k, v] of params) if (!own.has(k)) p.set(k, v);
      for (const [k, v] of Object.entries(merged.filters)) if (v !== undefined && v !== '') p.set(k, v);
      if (merged.sort) p.set('sort', merged.sort);
      if (merged.page > 1) p.set('page', String(merged.page));
      if (merged.pageSize !== defaultPageSize) p.set('pageSize', String(merged.pageSize));
      setParams(p, { replace: true });
    },
    [state, params, keysText, defaultPageSize, setParams],
  );

  return {
    ...state,
    setFilters: (filters: Filters) => write({ filters, page: 1 }),
    setSort: (sort: string | undefined) => write({ sort, page: 1 }),
    setPage: (page: number, pageSize: number) => write({ page: pageSize === state.pageSize ? page : 1, pageSize }),
  };
}
