import type { AgencyKind, GroupMemberRole, Region } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { presentRegion } from './region.presenter.ts';
import { type RegionRow, regionRepository } from './region.repository.ts';
import { ancestryOf, childRow } from './region-tree.ts';

/** Loads a region the actor may see, or 404 — the same answer as a code that does not exist. */
export async function regionInActorScope(db: Db, actor: Actor, code: string): Promise<RegionRow> {
  const r = await regionRepository.byCode(db, code);
  if (!r || !regionInScope(actor, ancestryOf(r))) throw notFound('行政区划');
  return r;
}

/** All children of a region (a county has at most a few dozen townships and parks). */
export async function listChildren(db: Db, actor: Actor, parent: string | undefined): Promise<Region[]> {
  const limit = 5000;
  // Without a parent, the tree starts at the actor's own region.
  if (!parent) {
    if (actor.scope.column === 'all') {
      const rows = await regionRepository.children(db, null, limit);
      return rows.map((x) => presentRegion(x.row, x.hasChildren));
    }
    const own = await regionInActorScope(db, actor, actor.regionCode);
    const kids = await regionRepository.children(db, own.code, 1);
    return [presentRegion(own, kids.length > 0)];
  }
  await regionInActorScope(db, actor, parent);
  const rows = await regionRepository.children(db, parent, limit);
  return rows.map((x) => presentRegion(x.row, x.hasChildren));
}

export async function searchRegions(db: Db, actor: Actor, q: string, limit: number): Promise<Region[]> {
  const rows = await regionRepository.search(db, q, actor.scope, limit);
  return rows.map((x) => presentRegion(x.row, x.hasChildren));
}

export async function getRegion(db: Db, actor: Actor, code: string): Promise<Region> {
  const r = await regionInActorScope(db, actor, code);
  const kids = await regionRepository.children(db, r.code, 1);
  return presentRegion(r, kids.length > 0);
}

/** Parks (重点园区) are regions under a county, created by that county's office or above. */
export async function createPark(db: Db, clock: Clock, actor: Actor, countyCode: string, name: string): Promise<Region> {
  if (!['admin', 'group_office'].includes(actor.role)) throw forbidden('只有领导小组办公室可以设立园区');
  const county = await regionInActorScope(db, actor, countyCode);
  if (county.level !== 'county') throw invalid('园区只能设在县级区划下', [{ path: 'countyCode', message: '请选择县级区划' }]);
  return db.transaction(async (tx) => {
    const code = await regionRepository.nextParkCode(tx);
    const row = childRow(code, name, 'park', county);
    await regionRepository.insertMany(tx, [row]);
    await recordAudit(tx, actor, clock.now(), {
      action: 'region.create_park',
      entityType: 'region',
      entityId: code,
      regionCode: county.code,
      after: row,
    });
    return presentRegion(row, false);
  });
}

export async function listAgencies(db: Db, actor: Actor, regionCode: string) {
  await regionInActorScope(db, actor, regionCode);
  const rows = await regionRepository.agenciesOf(db, regionCode);
  return rows.map((a) => ({ ...a, kind: a.kind as AgencyKind }));
}

export async function getLeadingGroup(db: Db, actor: Actor, regionCode: string) {
  await regionInActorScope(db, actor, regionCode);
  const g = await regionRepository.leadingGroupOf(db, regionCode);
  if (!g) throw notFound('领导小组');
  return {
    id: g.group.id,
    regionCode: g.group.regionCode,
    name: g.group.name,
    officeAgencyId: g.group.officeAgencyId,
    members: g.members.map((x) => ({
      agencyId: x.m.agencyId,
      agencyName: x.agencyName,
      role: x.m.role as GroupMemberRole,
      personName: x.m.personName,
      personTitle: x.m.personTitle,
    })),
  };
}
