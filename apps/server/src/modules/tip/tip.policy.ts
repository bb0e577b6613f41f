import type { Actor } from '../../platform/access/actor.ts';
import type { TipReach } from './tip.repository.ts';

/** Roles that read tips by region (the handling office, its leader, the offices above; the custodian, to reveal). */
const REGION_READERS: readonly string[] = ['group_office', 'leader', 'identity_custodian'];

/**
 * Who sees which tips (issue 13 "A person who reports a kiln that the town hid must be able to do it without being
 * found by the town", ADR 0025): the handling region's office and leader and every office above it (supervision),
 * the handling department, the office escalated to. Never town or enterprise accounts, never other departments,
 * not the administrator (the platform's operator is no part of the chain). Out of reach reads as missing (404).
 */
export const tipPolicy = {
  reach(actor: Actor): TipReach | null {
    if (actor.role === 'member_agency') return actor.agencyId === null ? null : { kind: 'agency', agencyId: actor.agencyId };
    if (!REGION_READERS.includes(actor.role)) return null;
    const { column, code } = actor.scope;
    if (column === 'all') return { kind: 'all' };
    if (column === 'townshipCode') return null;
    return { kind: 'region', column, code };
  },
};
