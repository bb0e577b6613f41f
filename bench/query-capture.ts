import type pg from 'pg';

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

/**
 * Records every statement the app's pg pool sends while `capture` is running, so the benchmark can
 * replay exactly the SQL that Drizzle generated (same text, same parameters) straight through pg.
 */
export function installQueryCapture(pool: pg.Pool) {
  let sink: CapturedQuery[] | null = null;
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    if (sink) {
      const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      if (typeof first === 'string') sink.push({ text: first, values: Array.isArray(second) ? second : [] });
      // Drizzle passes (config, params): the config holds the text, the parameters come second.
      else sink.push({ text: first.text, values: Array.isArray(second) ? second : (first.values ?? []) });
    }
    return original(...args);
  };
  return {
    async capture<T>(fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
      sink = [];
      try {
        const result = await fn();
        return { result, queries: sink };
      } finally {
        sink = null;
      }
    },
  };
}
