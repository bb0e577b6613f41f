import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { DELAY_HEADER, enforce, hitRate, type RateHit, type RateRule, refundRate } from '../../platform/http/rate-limit.ts';

const TOO_MANY = '登录尝试过于频繁，请稍后再试';

/**
 * Login throttling (issue 9: 20 accounts × 4 passwords from one client went unchecked). Failures are counted per
 * client address and per account name (known or not, so the throttle itself does not reveal which exist); a
 * success gives its hit back. Independent of the per-account lockout, which stays.
 */
export const LOGIN_BY_CLIENT: RateRule = {
  name: 'login:ip',
  windowMs: 15 * 60_000,
  slowAfter: 5,
  refuseAfter: 20,
  delayMs: 500,
  maxDelayMs: 8_000,
  message: TOO_MANY,
};
export const LOGIN_BY_ACCOUNT: RateRule = {
  name: 'login:user',
  windowMs: 15 * 60_000,
  slowAfter: 3,
  refuseAfter: 10,
  delayMs: 1_000,
  maxDelayMs: 8_000,
  message: TOO_MANY,
};
/** Wrong TOTP codes per account: a million codes are not guessed five at a time. */
export const TOTP_BY_ACCOUNT: RateRule = {
  name: 'login:totp',
  windowMs: 15 * 60_000,
  slowAfter: 2,
  refuseAfter: 5,
  delayMs: 1_000,
  maxDelayMs: 8_000,
  message: '动态口令尝试过于频繁，请稍后再试',
};

export interface Throttle {
  hits: RateHit[];
  delayMs: number;
}

/**
 * Counts the attempt before the password is looked at: a refused client learns nothing and costs no hash. The
 * first refusal of a window is audited (later ones would only flood the log).
 */
export async function throttle(db: Db, clock: Clock, parts: { rule: RateRule; subject: string }[], who: { username: string; ip: string | null }): Promise<Throttle> {
  const hits: RateHit[] = [];
  for (const p of parts) hits.push(await hitRate(db, clock, p.rule, p.subject));
  const first = hits.findIndex((h, i) => h.decision.kind === 'refuse' && h.decision.count === parts[i]!.rule.refuseAfter + 1);
  if (first >= 0) {
    const hit = hits[first]!;
    await db.transaction((tx) =>
      recordAudit(tx, { userId: null, username: who.username, ip: who.ip }, clock.now(), {
        action: 'auth.throttled',
        entityType: 'rate_limit',
        entityId: hit.key,
        after: { rule: parts[first]!.rule.name, count: hit.decision.count },
      }),
    );
  }
  const delayMs = await enforce(clock, hits.map((hit, i) => ({ hit, message: parts[i]!.rule.message })));
  return { hits, delayMs };
}

export const loginParts = (ip: string | null, username: string) => [
  { rule: LOGIN_BY_CLIENT, subject: ip ?? 'unknown' },
  { rule: LOGIN_BY_ACCOUNT, subject: username.trim().toLowerCase() },
];

/** A successful step is not a failure: its hits are given back. */
export async function release(db: Db, t: Throttle): Promise<void> {
  for (const h of t.hits) await refundRate(db, h);
}

/** The error as it is, with the delay the client was slowed by (tests read it instead of timing). */
export function withDelay(err: AppError, t: Throttle): AppError {
  if (!t.delayMs) return err;
  return new AppError(err.statusCode, err.code, err.message, err.fields, { ...err.headers, [DELAY_HEADER]: String(t.delayMs) });
}
