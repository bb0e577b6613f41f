import type { Actor } from '../../platform/access/actor.ts';

/**
 * Settings are the office's own (issue 11: "offices edit their own 版头, 落款 and contact lines"): its group office
 * edits them; anyone else whose scope covers the region reads them (a parent office sees what its counties print).
 */
export const officeSettingsPolicy = {
  canEdit: (actor: Pick<Actor, 'role' | 'regionCode'>, regionCode: string) => actor.role === 'group_office' && actor.regionCode === regionCode,
  canRead: (actor: Pick<Actor, 'role'>) => actor.role !== 'enterprise',
};
