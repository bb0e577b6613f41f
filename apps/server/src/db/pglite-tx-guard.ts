import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite is one connection: `transaction` holds its transaction mutex until the callback ends, and every query
 * on the client (not on the callback's `tx`) waits for that mutex. A query on the outer `db` issued from inside a
 * transaction callback therefore waits for itself: the request never answers, and since the mutex is never
 * released every later request waits behind it (on PostgreSQL the same bug silently runs the query outside the
 * transaction on another pooled connection). With this guard that bug throws at once instead, naming itself.
 *
 * "From inside" is the callback's async context (AsyncLocalStorage), so a concurrent request's query on the client,
 * which rightly waits its turn, is not mistaken for it. The mark is cleared when the callback ends, so work it left
 * running may use the client afterwards. One store per client: a second database is not affected.
 */
export const OUTER_DB_IN_TRANSACTION = 'outer db used inside a transaction';

/**
 * A transaction still open after this long holds every other request of the process: the log names where it was
 * opened, so a hang that is not caught above (a promise that never settles inside the callback) is found from the log.
 */
const SLOW_TRANSACTION_MS = 20_000;

export function guardOuterQueriesInTransaction(client: PGlite): PGlite {
  const inside = new AsyncLocalStorage<{ open: boolean }>();
  const refuseInside = (method: string) => {
    if (inside.getStore()?.open) {
      throw new Error(`${OUTER_DB_IN_TRANSACTION}: PGlite.${method} on the outer client would wait for the open transaction forever; use the callback's tx`);
    }
  };
  const c = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['query', 'sql', 'exec', 'describeQuery', 'runExclusive']) {
    const original = c[method]!.bind(client);
    c[method] = async (...args: unknown[]) => {
      refuseInside(method);
      return original(...args);
    };
  }
  const transaction = client.transaction.bind(client);
  client.transaction = async (callback) => {
    refuseInside('transaction');
    const openedAt = new Error('opened here');
    const mark = { open: true };
    return transaction((tx) =>
      inside.run(mark, async () => {
        const slow = setTimeout(() => {
          console.warn(`内置数据库（PGlite）的事务已超过 ${SLOW_TRANSACTION_MS / 1000} 秒未结束，其他请求都在等待它：${openedAt.stack}`);
        }, SLOW_TRANSACTION_MS);
        slow.unref();
        try {
          return await callback(tx);
        } finally {
          mark.open = false;
          clearTimeout(slow);
        }
      }),
    );
  };
  return client;
}
