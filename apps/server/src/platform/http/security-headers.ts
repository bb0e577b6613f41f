import type { FastifyInstance } from 'fastify';

/**
 * The browser-side defences sent on every response (API, app shell, files, errors; issue 9 "Headers and CSRF").
 * - script-src 'self': the built web app loads only module scripts from /assets (Vite emits no inline script).
 * - style-src 'unsafe-inline': Ant Design writes its styles at run time as <style> elements (CSS-in-JS) and
 *   components set style attributes; without it the UI renders unstyled. Styles cannot run code, and script
 *   stays 'self' only, which is what stops injected markup from executing.
 * - img-src data: blob:: antd icons/placeholders use data: URIs; previews of chosen photos use blob: URLs.
 * - frame-ancestors 'none' + X-Frame-Options DENY: no framing (clickjacking), the header for older browsers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Half a year; no includeSubDomains: a government domain's other hosts are not ours to pin to HTTPS. */
export const HSTS = 'max-age=15552000';

export function installSecurityHeaders(app: FastifyInstance, opts: { https: boolean }): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // HSTS over plain HTTP is ignored by browsers at best and locks a misconfigured site out at worst, so only
    // when the installation says it is served over HTTPS (SECURE_COOKIES).
    if (opts.https) reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
