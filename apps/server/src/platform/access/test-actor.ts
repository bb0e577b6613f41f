import type { Actor } from './actor.ts';

/** For unit tests of pure policies and machines: a 巩义 (410181) group-office actor, with what the test changes. */
export const testActor = (over: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'u',
  displayName: 'u',
  role: 'group_office',
  regionCode: '410181',
  regionLevel: 'county',
  agencyId: null,
  enterpriseId: null,
  ip: null,
  abilities: new Set(),
  scope: { column: 'countyCode', code: '410181' },
  ...over,
});
