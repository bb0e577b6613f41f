import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { regionRepository } from '../region/index.ts';

/**
 * The `××市（县）` part of the form title for the actor's region, the way towns write it
 * (`郑州市（荥阳市）`): a county under its prefecture, a township under both.
 */
export async function regionLabel(db: Db, actor: Pick<Actor, 'regionCode'>): Promise<string> {
  const r = await regionRepository.byCode(db, actor.regionCode);
  if (!r) return '××市（县）';
  if (r.level === 'province' || r.level === 'prefecture') return r.name;
  const [pref, county] = await regionRepository.byCodes(db, [r.prefectureCode, r.countyCode].filter((c): c is string => Boolean(c))).then(
    (rows) => [rows.find((x) => x.code === r.prefectureCode), rows.find((x) => x.code === r.countyCode)],
  );
  const inner = r.level === 'county' ? r.name : `${county?.name ?? ''}${r.name}`;
  return pref ? `${pref.name}（${inner}）` : inner;
}
