import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs a loader when its dependencies change; late answers from older runs are ignored. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const run = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload.
  useEffect(() => {
    const mine = ++run.current;
    setLoading(true);
    loadRef
      .current()
      .then((d) => {
        if (mine !== run.current) return;
        setData(d);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (mine !== run.current) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
      })
      .finally(() => {
        if (mine === run.current) setLoading(false);
      });
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
