import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, onSessionEvent, queryString } from './api.ts';

const reply = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

afterEach(() => vi.unstubAllGlobals());

describe('queryString', () => {
  it('drops empty filters and encodes Chinese', () => {
    expect(queryString({ q: '耀华', region: '', status: undefined, limit: 20, industry: null })).toBe(
      `?q=${encodeURIComponent('耀华')}&limit=20`,
    );
    expect(queryString({})).toBe('');
  });
});

describe('api errors', () => {
  it("carries the server's Chinese message and fields", async () => {
    vi.stubGlobal('fetch', reply(400, { error: 'invalid', message: '统一社会信用代码应为18位', fields: [{ path: 'body.uscc', message: 'x' }] }));
    const err = (await api.post('/enterprises', {}).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe('统一社会信用代码应为18位');
    expect(err.fields).toEqual([{ path: 'body.uscc', message: 'x' }]);
  });

  it('announces a lost session, but not a wrong password on the login form', async () => {
    const seen: string[] = [];
    const off = onSessionEvent((e) => seen.push(e));
    vi.stubGlobal('fetch', reply(401, { error: 'unauthorized', message: '登录已过期或未登录，请重新登录' }));
    await api.get('/enterprises').catch(() => undefined);
    await api.post('/auth/login', { username: 'a', password: 'b' }).catch(() => undefined);
    vi.stubGlobal('fetch', reply(403, { error: 'password_change_required', message: '请先修改初始密码或已过期的密码' }));
    await api.get('/enterprises').catch(() => undefined);
    vi.stubGlobal('fetch', reply(403, { error: 'forbidden', message: '无权执行此操作' }));
    await api.get('/audit').catch(() => undefined);
    off();
    expect(seen).toEqual(['unauthorized', 'password_change_required']);
  });

  it('turns a non-JSON failure into a readable message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 })));
    const err = (await api.get('/enterprises').catch((e: unknown) => e)) as ApiError;
    expect(err.message).toBe('服务器内部错误，请稍后重试');
  });
});
