import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { limitRequest } from './rate-limit.ts';

/** Routes whose config lists `rateLimits` are counted per client address (`request.ip`) before anything else runs. */
export function installRateLimitHook(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (req, reply) => {
    const rules = req.routeOptions.config?.rateLimits;
    if (rules?.length) await limitRequest(ctx.db, ctx.clock, rules, req.ip ?? 'unknown', reply);
  });
}
