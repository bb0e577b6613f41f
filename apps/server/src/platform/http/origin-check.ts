import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from './auth-hook.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const crossSite = () => new AppError(403, 'cross_site', '请求来源与本站不一致，已拒绝（跨站请求防护）');
const unknownSource = () => new AppError(403, 'cross_site', '无法确认请求来源（缺少 Origin 或 Referer），已拒绝');

/**
 * Does `source` (an Origin or Referer value) name this site? Its host (with port) must equal the request's host
 * as the client addressed it (`req.host`: Host, or X-Forwarded-Host from a trusted proxy), or its origin must be
 * one of PUBLIC_ORIGIN. The host is compared under the source's scheme so `example.org` and
 * `https://example.org:443` agree; the scheme itself is not, because TLS usually ends at the proxy.
 */
export function sourceMatches(source: string, requestHost: string, publicOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return false; // includes Origin: null (sandboxed frames, some redirects): never ours
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (publicOrigins.includes(url.origin)) return true;
  try {
    return requestHost !== '' && new URL(`${url.protocol}//${requestHost}`).host === url.host;
  } catch {
    return false;
  }
}

/**
 * Cross-site request forgery defence (ADR 0007): a state-changing request — JSON, multipart upload, logout,
 * the public objection — must come from a page of this site. Browsers send Origin on every such request
 * (Referer when an old browser does not), so:
 * - Origin present → it must match; else Referer present → it must match;
 * - neither, with the session cookie → refused: a browser would have sent one, and a script that holds the
 *   cookie can send one too;
 * - neither, without the session cookie → allowed (curl, monitoring, a first login from a script): no ambient
 *   credential is being ridden.
 * An onRequest hook, so a refused upload is refused before its body is read.
 */
export function installOriginCheck(app: FastifyInstance, opts: { publicOrigins: readonly string[] }): void {
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!STATE_CHANGING.has(req.method)) return;
    const origin = req.headers.origin;
    const source = origin ?? req.headers.referer;
    if (source === undefined || source === '') {
      if (req.cookies?.[SESSION_COOKIE]) throw unknownSource();
      return;
    }
    if (!sourceMatches(source, req.host ?? '', opts.publicOrigins)) throw crossSite();
  });
}
