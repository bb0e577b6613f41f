import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id cost: memory in KiB and passes. Hashes carry their parameters, so any cost verifies any hash. */
export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
}

/** Production strength: the argon2 package's defaults (64 MiB, 3 passes, 4 lanes). */
export const PRODUCTION_ARGON2: Argon2Cost = { memoryCost: 65_536, timeCost: 3 };

let cost: Argon2Cost = PRODUCTION_ARGON2;
let dummyHash: Promise<string> | null = null;

/** Set once at boot from the configuration (tests lower it; issue 9: argon2 at full cost made the suite slow). */
export function setPasswordHashCost(c: Argon2Cost): void {
  cost = { ...c };
  // Made now, not at the first unknown name, so that first answer is not slower than the others.
  dummyHash = hashPassword(randomBytes(18).toString('base64'));
}
export const passwordHashCost = (): Argon2Cost => ({ ...cost });

export const hashPassword = (plain: string) => argon2.hash(plain, { type: argon2.argon2id, ...cost });
export const verifyPassword = (hash: string, plain: string) => argon2.verify(hash, plain).catch(() => false);

/**
 * For an unknown or disabled account: verifies against a hash of a random password made at the current cost,
 * so the answer takes as long as a real check and timing does not tell which accounts exist. Always false.
 */
export async function verifyNoAccount(plain: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64'));
  await verifyPassword(await dummyHash, plain);
  return false;
}
