import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/client.ts';
import { type Clock, pause } from '../clock.ts';
import { AppError } from '../errors.ts';
import { rateLimitRepository } from './rate-limit.repository.ts';

/**
 * The platform's one rate limiter (issue 9): fixed-window counters in PostgreSQL (`rate_limit_bucket`), so the
 * limit holds across server processes. A rule lets the first `slowAfter` hits of a window through at full speed,
 * slows the next ones with a doubling delay, and refuses everything after `refuseAfter` with 429 and Retry-After.
 */
export interface RateRule {
  /** Key prefix; the subject (client address, account) is appended. */
  name: string;
  windowMs: number;
  slowAfter: number;
  refuseAfter: number;
  /** First delay once slowing starts; doubles with each further hit, up to `maxDelayMs`. */
  delayMs?: number;
  maxDelayMs?: number;
  /** Chinese text of the refusal. */
  message: string;
}

export type RateDecision =
  | { kind: 'allow'; count: number }
  | { kind: 'slow'; count: number; delayMs: number }
  | { kind: 'refuse'; count: number; retryAfterSec: number };

/** A hit counted in a window; `refund` gives it back to that same window. */
export interface RateHit {
  key: string;
  windowStart: Date;
  decision: RateDecision;
}

export const DELAY_HEADER = 'x-ratelimit-delay';

export const windowStartOf = (rule: RateRule, nowMs: number) => new Date(Math.floor(nowMs / rule.windowMs) * rule.windowMs);

/** Pure: what the `count`-th hit of the window gets. */
export function decide(rule: RateRule, count: number, nowMs: number): RateDecision {
  if (count <= rule.slowAfter) return { kind: 'allow', count };
  if (count <= rule.refuseAfter) {
    const base = rule.delayMs ?? 0;
    const delayMs = Math.min(base * 2 ** (count - rule.slowAfter - 1), rule.maxDelayMs ?? base);
    return delayMs > 0 ? { kind: 'slow', count, delayMs } : { kind: 'allow', count };
  }
  const end = windowStartOf(rule, nowMs).getTime() + rule.windowMs;
  return { kind: 'refuse', count, retryAfterSec: Math.max(1, Math.ceil((end - nowMs) / 1000)) };
}

export async function hitRate(db: Db, clock: Clock, rule: RateRule, subject: string): Promise<RateHit> {
  const now = clock.now().getTime();
  const key = `${rule.name}:${subject}`;
  const windowStart = windowStartOf(rule, now);
  const count = await rateLimitRepository.hit(db, key, windowStart);
  return { key, windowStart, decision: decide(rule, count, now) };
}

export const refundRate = (db: Db, hit: RateHit) => rateLimitRepository.refund(db, hit.key, hit.windowStart);

/** Old windows are of no use; the sweep keeps a day for inspection. Re-run safe. */
export const sweepRateLimits = (db: Db, clock: Clock) => rateLimitRepository.sweep(db, new Date(clock.now().getTime() - 86_400_000));

export const rateLimited = (message: string, retryAfterSec: number) =>
  new AppError(429, 'rate_limited', message, undefined, { 'retry-after': String(retryAfterSec) });

/**
 * Applies several hits at once: the first refusal throws 429; otherwise waits the longest delay (through the
 * clock, so tests do not wait) and returns it, 0 when none.
 */
export async function enforce(clock: Clock, hits: { hit: RateHit; message: string }[]): Promise<number> {
  for (const { hit, message } of hits) {
    if (hit.decision.kind === 'refuse') throw rateLimited(message, hit.decision.retryAfterSec);
  }
  const delay = Math.max(0, ...hits.map(({ hit }) => (hit.decision.kind === 'slow' ? hit.decision.delayMs : 0)));
  if (delay > 0) await pause(clock, delay);
  return delay;
}

/**
 * Route-level limits (route config `rateLimits`) per client. `clientKey` is a keyed hash of the address (issue 13:
 * the address of a public client is never written, not even as a bucket key), so the caller hashes it.
 */
export async function limitRequest(db: Db, clock: Clock, rules: RateRule[], clientKey: string, reply: FastifyReply): Promise<void> {
  const hits = [];
  for (const rule of rules) hits.push({ hit: await hitRate(db, clock, rule, `client:${clientKey}`), message: rule.message });
  const delay = await enforce(clock, hits);
  if (delay > 0) reply.header(DELAY_HEADER, String(delay));
}
