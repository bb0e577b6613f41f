import type { FastifyRequest } from 'fastify';

/**
 * The request log keeps nothing about the public's clients (issue 13 "What is never kept", ADR 0025): for the public
 * API (`/api/v1/public/*`) and every page or asset of the web app (the public site is one of them), only the method
 * and the path without its query string — no address, port, host, User-Agent or referrer. Officials' API calls keep
 * the address (accountability of sessions; ADR 0009), still without the query string (codes and searches go there).
 * Fastify's own default serializer logs the address and port; User-Agent and Referer are logged by nobody.
 */
export function isClientPrivatePath(path: string): boolean {
  return path.startsWith('/api/v1/public/') || path === '/api/v1/public' || !path.startsWith('/api/');
}

export function serializeRequest(req: FastifyRequest): Record<string, unknown> {
  const path = (req.url ?? '').split('?')[0]!;
  if (isClientPrivatePath(path)) return { method: req.method, url: path };
  return { method: req.method, url: path, remoteAddress: req.ip };
}

/** Fastify logger options; `stream` lets a test capture every line the server writes. */
export function loggerOptions(stream?: NodeJS.WritableStream) {
  return {
    serializers: { req: serializeRequest },
    ...(stream ? { stream } : {}),
  };
}
