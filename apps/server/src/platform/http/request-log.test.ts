import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { serializeRequest } from './request-log.ts';

const req = (url: string) => ({ method: 'POST', url, ip: '203.0.113.77', headers: { 'user-agent': 'needle-ua', referer: 'https://x/' } }) as unknown as FastifyRequest;

describe('serializeRequest (issue 13: the request log keeps nothing about public clients)', () => {
  it('logs public API calls and web pages by method and path only', () => {
    expect(serializeRequest(req('/api/v1/public/tips/lookup?code=ABCD'))).toEqual({ method: 'POST', url: '/api/v1/public/tips/lookup' });
    expect(serializeRequest(req('/public/tips?from=needle'))).toEqual({ method: 'POST', url: '/public/tips' });
    expect(serializeRequest(req('/assets/index.js'))).toEqual({ method: 'POST', url: '/assets/index.js' });
  });

  it("keeps the address of officials' API calls, never the query string", () => {
    expect(serializeRequest(req('/api/v1/tips?q=secret'))).toEqual({ method: 'POST', url: '/api/v1/tips', remoteAddress: '203.0.113.77' });
  });
});
