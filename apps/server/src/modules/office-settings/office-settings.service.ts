import type { OfficeDocumentSettings, OfficeDocumentSettingsBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { STALE_STATE } from '../../platform/lifecycle/index.ts';
import { type RegionRow, regionInActorScope, regionRepository } from '../region/index.ts';
import { officeSettingsPolicy } from './office-settings.policy.ts';
import { type OfficeSettingRow, type OfficeSettingValues, officeSettingsRepository as repo } from './office-settings.repository.ts';
import { defaultOfficeSettings } from './office-settings.rules.ts';

/** The settings a region's documents use: the saved row, else the defaults. */
export interface EffectiveOfficeSettings extends OfficeSettingValues {
  regionCode: string;
  regionName: string;
  version: number;
  saved: boolean;
  updatedAt: Date | null;
}

function effective(region: RegionRow, row: OfficeSettingRow | null, groupName: string | null): EffectiveOfficeSettings {
  const base = { regionCode: region.code, regionName: region.name };
  if (row) {
    const { regionCode: _c, updatedBy: _b, ...values } = row;
    return { ...base, ...values, saved: true };
  }
  return { ...base, ...defaultOfficeSettings(region, groupName), version: 0, saved: false, updatedAt: null };
}

/**
 * What every document of the region prints (版头, 发文字号 prefix, 落款, contacts, 抄送), read inside the caller's
 * transaction; no actor: the caller already loaded its record through the scope.
 */
export async function documentSettingsFor(db: Db, regionCode: string): Promise<EffectiveOfficeSettings> {
  const region = await regionRepository.byCode(db, regionCode);
  if (!region) throw notFound('行政区划');
  const row = await repo.get(db, regionCode);
  const group = row ? null : await regionRepository.leadingGroupOf(db, regionCode);
  return effective(region, row, group?.group.name ?? null);
}

const present = (s: EffectiveOfficeSettings): OfficeDocumentSettings => ({ ...s, updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null });

export async function getOfficeSettings(db: Db, actor: Actor, regionCode: string): Promise<OfficeDocumentSettings> {
  if (!officeSettingsPolicy.canRead(actor)) throw notFound('行政区划');
  await regionInActorScope(db, actor, regionCode); // 404 out of scope
  return present(await documentSettingsFor(db, regionCode));
}

/** Saves the office's settings over the version the user edited (409 STALE_STATE otherwise), audited. */
export async function saveOfficeSettings(db: Db, clock: Clock, actor: Actor, regionCode: string, body: OfficeDocumentSettingsBody): Promise<OfficeDocumentSettings> {
  const now = clock.now();
  const saved = await db.transaction(async (tx) => {
    if (!officeSettingsPolicy.canRead(actor)) throw notFound('行政区划');
    await regionInActorScope(tx, actor, regionCode);
    if (!officeSettingsPolicy.canEdit(actor, regionCode)) throw forbidden('公文设置由本级领导小组办公室维护');
    const before = await documentSettingsFor(tx, regionCode);
    const { version, ...values } = body;
    const row = version === 0 ? await repo.insertFirst(tx, regionCode, values, actor.userId, now) : await repo.updateAt(tx, regionCode, version, values, actor.userId, now);
    if (!row) throw conflict(STALE_STATE);
    const { regionCode: _r, regionName: _n, saved: _s, updatedAt: _u, ...was } = before;
    await recordAudit(tx, actor, now, {
      action: 'office_settings.update',
      entityType: 'office_document_setting',
      entityId: regionCode,
      regionCode,
      before: was,
      after: { ...values, version: row.version },
    });
    return row;
  });
  return present(effective((await regionRepository.byCode(db, regionCode))!, saved, null));
}
