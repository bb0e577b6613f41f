/**
 * Which database failures mean "the database is not reachable right now" rather than "this request is wrong":
 * those answer 503 and the pool reconnects by itself once PostgreSQL is back (issue 9, "survive the database").
 */

/** Node socket errors met while connecting to or talking with PostgreSQL. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs: 57P01 admin_shutdown (pg_ctl stop/restart -m fast), 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up / shutting down / recovering), 53300 too_many_connections; class 08 is "connection exception".
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres raises these without a code when the socket ends under a client or the pool cannot connect. */
const DRIVER_MESSAGES = [
  /Connection terminated/i,
  /is not queryable/i,
  /timeout exceeded when trying to connect/i,
];

function matches(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' && DRIVER_MESSAGES.some((re) => re.test(message));
}

/**
 * True when `err` (or what it wraps: Drizzle's `DrizzleQueryError.cause`, an `AggregateError` of a dual-stack
 * connect) is a connection-class failure. Bounded walk: a cause cycle cannot loop.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const queue: unknown[] = [err];
  for (let seen = 0; queue.length > 0 && seen < 8; seen++) {
    const e = queue.shift();
    if (matches(e)) return true;
    if (e && typeof e === 'object') {
      const { cause, errors } = e as { cause?: unknown; errors?: unknown };
      if (cause) queue.push(cause);
      if (Array.isArray(errors)) queue.push(...errors.slice(0, 4));
    }
  }
  return false;
}

/** The innermost code and message, for a log line that carries no query parameters (personal data). */
export function connectionErrorSummary(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 8 && e && typeof e === 'object' && (e as { cause?: unknown }).cause; i++) e = (e as { cause: unknown }).cause;
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  return `${typeof code === 'string' ? `${code} ` : ''}${typeof message === 'string' ? message : String(e)}`;
}
