import { DEMO_PASSWORD } from './browser.ts';

/**
 * A logged-in API client for the preconditions a browser test starts from (records another test already
 * drives through the UI). It talks to the same running server over HTTP, as the web app does.
 */
export interface ApiClient {
  call<T = Record<string, unknown>>(method: string, url: string, payload?: unknown): Promise<T>;
}

export async function apiAs(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`${username} 登录失败：HTTP ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    async call<T>(method: string, url: string, payload?: unknown): Promise<T> {
      const r = await fetch(`${baseUrl}${url}`, {
        method,
        // Origin as the web app's own fetch sends it: the server refuses a state-changing request without one.
        headers: { cookie, origin: baseUrl, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${username} ${method} ${url} → HTTP ${r.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
  };
}

/** Today as the server sees it (a demo clock may differ from the machine's): 'YYYY-MM-DD' in Beijing. */
export async function serverToday(baseUrl: string): Promise<string> {
  const gy = await apiAs(baseUrl, 'gy-office');
  return (await gy.call<{ today: string }>('GET', '/api/v1/calendar/deadline?due=2026-01-01')).today;
}
