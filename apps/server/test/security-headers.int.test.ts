import { existsSync } from 'node:fs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { CONTENT_SECURITY_POLICY, HSTS } from '../src/platform/http/security-headers.ts';
import { evidenceForm, PDF } from './exit-task-fixtures.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from './support/test-app.ts';

/** Issue 9, "Headers and CSRF": the browser-side defences on every kind of response, and the Origin check. */
let t: TestApp;
const webDist = loadConfig({}).webDist;
let office: string;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('gy-office');
});
afterAll(() => t?.close());

/** Straight to app.inject: the test support would add a proper Origin, which these probes must control. */
const raw = (opts: InjectOptions & { cookie?: string }) => {
  const { cookie, ...rest } = opts;
  return t.app.inject({ ...rest, headers: { ...(rest.headers ?? {}), ...(cookie ? { cookie } : {}) } });
};

function expectSecurityHeaders(headers: Record<string, unknown>) {
  expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

describe('security headers', () => {
  it('are on JSON routes, the OpenAPI document, errors and file downloads', async () => {
    const responses = [
      await t.request({ method: 'GET', url: '/api/health' }),
      await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: office }),
      await t.request({ method: 'GET', url: '/api/openapi.json' }),
      await t.request({ method: 'GET', url: '/api/v1/auth/me' }), // 401
      await t.request({ method: 'GET', url: '/api/v1/enterprises/999999999', cookie: office }), // 404
      await t.request({ method: 'GET', url: '/api/v1/survey-imports/template.xlsx', cookie: office }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 401, 404, 200]);
    expect(responses[5]!.headers['content-disposition']).toMatch(/^attachment;/);
    for (const res of responses) expectSecurityHeaders(res.headers);
  });

  // The web app is built by `npm run build:web` (npm start, the e2e pass); integration runs may not have it.
  it.runIf(existsSync(webDist))('are on the app shell and its scripts, which are files, never inline', async () => {
    const shell = await t.request({ method: 'GET', url: '/exit-tasks' });
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['content-type']).toMatch(/text\/html/);
    expectSecurityHeaders(shell.headers);
    // script-src 'self' allows only scripts loaded from this site: the shell must have no inline script.
    const scripts = [...shell.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    const src = /src="(\/assets\/[^"]+\.js)"/.exec(shell.body)![1]!;
    const asset = await t.request({ method: 'GET', url: src });
    expect(asset.statusCode).toBe(200);
    expectSecurityHeaders(asset.headers);
  });

  it('sends HSTS only when the installation is served over HTTPS', async () => {
    const plain = await t.request({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const secure = await buildApp({ ...t.ctx, config: { ...t.ctx.config, secureCookies: true } });
    try {
      const res = await secure.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toBe(HSTS);
      expectSecurityHeaders(res.headers);
    } finally {
      await secure.close();
    }
  });
});

describe('Origin check on state-changing requests', () => {
  const profile = { method: 'PATCH' as const, url: '/api/v1/users/1' };

  it('refuses a foreign Origin, and a foreign Referer when there is no Origin', async () => {
    const body = { username: 'gy-office', password: 'wrong-password-1' };
    const foreign = await raw({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: 'cross_site' });
    expect(foreign.json().message).toMatch(/跨站/);
    const referer = await raw({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers: { referer: 'http://evil.example/page' } });
    expect(referer.statusCode).toBe(403);
    // Same host on another port is another origin.
    const port = await raw({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers: { origin: 'http://localhost:8080' } });
    expect(port.statusCode).toBe(403);
    const nullOrigin = await raw({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers: { origin: 'null' } });
    expect(nullOrigin.statusCode).toBe(403);
  });

  it('refuses a request that carries the session cookie but neither Origin nor Referer', async () => {
    const res = await raw({ method: 'POST', url: '/api/v1/auth/logout', cookie: office });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'cross_site' });
    // The session was not ended by the refused logout.
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: office })).statusCode).toBe(200);
  });

  it('lets a request from this site through: Origin, or Referer of a page of this site', async () => {
    const wrong = { username: 'gy-office', password: 'wrong-password-1' };
    const byOrigin = await raw({ method: 'POST', url: '/api/v1/auth/login', payload: wrong, headers: { origin: TEST_ORIGIN } });
    expect(byOrigin.statusCode).toBe(401); // reached the login itself
    const byReferer = await raw({ method: 'POST', url: '/api/v1/auth/login', payload: wrong, headers: { referer: `${TEST_ORIGIN}/login` } });
    expect(byReferer.statusCode).toBe(401);
    // A non-browser client without a session needs neither header (curl, monitoring, a scripted first login).
    const bare = await raw({ method: 'POST', url: '/api/v1/auth/login', payload: wrong });
    expect(bare.statusCode).toBe(401);
  });

  it('checks reads not at all (GET carries no Origin from a browser)', async () => {
    const res = await raw({ method: 'GET', url: '/api/v1/auth/me', cookie: office, headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
  });

  it('covers multipart uploads before their body is read', async () => {
    const form = evidenceForm('signed_scan', PDF, 'scan.pdf');
    const url = '/api/v1/survey-imports/preview';
    const foreign = await raw({ method: 'POST', url, cookie: office, payload: form.payload, headers: { ...form.headers, origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: 'cross_site' });
    const none = await raw({ method: 'POST', url, cookie: office, payload: form.payload, headers: form.headers });
    expect(none.statusCode).toBe(403);
    // From this site the upload reaches the import, which refuses a PDF as a survey form on its own terms.
    const own = await raw({ method: 'POST', url, cookie: office, payload: form.payload, headers: { ...form.headers, origin: TEST_ORIGIN } });
    expect(own.statusCode).not.toBe(403);
    expect(own.json().error).not.toBe('cross_site');
  });

  it('covers PATCH and the public objection (no session)', async () => {
    const patch = await raw({ ...profile, cookie: office, payload: {}, headers: { origin: 'https://evil.example' } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json()).toMatchObject({ error: 'cross_site' });
    const objection = { content: '跨站提交的异议', name: '某人' };
    const url = '/api/v1/public/announcements/999999/objections';
    const foreign = await raw({ method: 'POST', url, payload: objection, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    const own = await raw({ method: 'POST', url, payload: objection, headers: { origin: TEST_ORIGIN } });
    expect(own.statusCode).not.toBe(403);
  });

  it('ends the session on logout from this site', async () => {
    const cookie = await t.login('xy-office');
    const res = await raw({ method: 'POST', url: '/api/v1/auth/logout', cookie, headers: { origin: TEST_ORIGIN } });
    expect(res.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
  });
});
