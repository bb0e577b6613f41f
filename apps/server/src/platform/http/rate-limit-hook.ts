import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { limitRequest } from './rate-limit.ts';

/**
 * Routes whose config lists `rateLimits` are counted per client before anything else runs. The bucket is keyed by an
 * HMAC of the address (`request.ip`) under the receipt pepper, never the address itself (issue 13, ADR 0025).
 */
export function installRateLimitHook(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (req, reply) => {
    const rules = req.routeOptions.config?.rateLimits;
    if (rules?.length) await limitRequest(ctx.db, ctx.clock, rules, ctx.receiptPepper.clientKey(req.ip ?? 'unknown'), reply);
  });
}
