import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../access/actor.ts';

export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every non-public route. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** No session needed (login, health, public site). */
    public?: boolean;
    /** Reachable while the user still has to change an initial or expired password. */
    allowPasswordChangePending?: boolean;
    /** Ability the route requires before any record is looked at. */
    ability?: import('@taotai/shared').Ability;
    /** Per-client-address limits counted before the handler runs (platform/http/rate-limit.ts). */
    rateLimits?: import('./rate-limit.ts').RateRule[];
    /** Reachable while an administrator still has to enrol a second factor (TOTP). */
    allowTotpEnrolmentPending?: boolean;
  }
}
