import type { ErrorBody } from '@taotai/shared';

/** An API failure carrying the server's Chinese message and, for bad input, the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

type SessionEvent = 'unauthorized' | 'password_change_required';
const listeners = new Set<(e: SessionEvent) => void>();

/** The session provider listens here to send the user to the login or change-password page. */
export function onSessionEvent(fn: (e: SessionEvent) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Drops empty values so optional filters are simply absent from the URL. */
export function queryString(q: Query | undefined): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const BASE = '/api/v1';

async function toError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> = {};
  try {
    body = await res.json();
  } catch {
    // Not JSON (proxy or network page); fall back to the status line.
  }
  const message = body.message ?? (res.status >= 500 ? '服务器内部错误，请稍后重试' : `请求失败（${res.status}）`);
  return new ApiError(res.status, body.error ?? 'http_error', message, body.fields ?? []);
}

/** Sends the request and raises ApiError on failure; session-level failures are broadcast first. */
export async function send(method: string, path: string, opts: { query?: Query; json?: unknown; form?: FormData } = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    body = opts.form;
  }
  let res: Response;
  try {
    res = await fetch(BASE + path + queryString(opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络');
  }
  if (res.ok) return res;
  const err = await toError(res);
  // A wrong password on the login form is also a 401, but it is the form's business, not a lost session.
  if (err.status === 401 && path !== '/auth/login') for (const l of listeners) l('unauthorized');
  if (err.status === 403 && err.code === 'password_change_required') for (const l of listeners) l('password_change_required');
  throw err;
}

async function json<T>(method: string, path: string, opts: { query?: Query; json?: unknown; form?: FormData } = {}) {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => json<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, { json: body ?? {} }),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, { json: body }),
  del: <T>(path: string, query?: Query) => json<T>('DELETE', path, { query }),
  upload: <T>(path: string, form: FormData) => json<T>('POST', path, { form }),
};

/** RFC 6266 filename*=UTF-8''… first (Chinese names), then the plain filename. */
function fileNameFrom(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1]! : fallback;
}

/** Fetches a file (so errors come back as messages, not as a JSON page) and hands it to the browser. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  const res = await send('GET', path, { query });
  const blob = await res.blob();
  const name = fileNameFrom(res, fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
