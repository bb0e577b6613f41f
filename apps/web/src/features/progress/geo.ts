/**
 * Map outlines (public/geo/<code>.json, from china-geojson 1.0.0, MIT — see public/geo/README.md): the country
 * with its provinces, and each province with its prefecture-level cities. Counties and townships have no
 * outlines, so those levels show tables only.
 */
export const GEO_FILES = new Set([
  '100000', '110000', '120000', '130000', '140000', '150000', '210000', '220000', '230000', '310000', '320000',
  '330000', '340000', '350000', '360000', '370000', '410000', '420000', '430000', '440000', '450000', '460000',
  '500000', '510000', '520000', '530000', '540000', '610000', '620000', '630000', '640000', '650000', '710000',
  '810000', '820000',
]);

/** The outline file for a region's children, or null where none exists (below prefecture level). */
export function geoFileFor(level: string, code: string): string | null {
  if (level === 'country') return '100000';
  if (level === 'province' && GEO_FILES.has(code)) return code;
  return null;
}

// The outlines name places the short way (河南, 内蒙古) or with an older suffix (那曲地区); the registry the
// official way (河南省, 内蒙古自治区, 那曲市). Compare the names without these endings.
const SUFFIX = /(省|市|地区|盟|特别行政区|(壮族|回族|维吾尔)?自治区)$/;
export const normaliseName = (name: string) => name.trim().replace(SUFFIX, '');

export interface GeoFeatureRef {
  name: string;
  /** The outline's own code prefix ("41", "4113"), used only when the names do not match. */
  id?: string;
}

/**
 * Pairs each outline with a region by name: equal after dropping the suffix, or one a prefix of the other
 * (广西 ~ 广西壮族自治区). The outline's id (a code prefix) is the fallback for renamed places.
 */
export function matchFeatures<R extends { code: string; name: string }>(features: GeoFeatureRef[], regions: R[]): Map<string, R> {
  const byName = new Map<string, R>();
  const used = new Set<string>();
  const take = (f: GeoFeatureRef, r: R | undefined) => {
    if (!r || used.has(r.code)) return false;
    byName.set(f.name, r);
    used.add(r.code);
    return true;
  };
  const pending: GeoFeatureRef[] = [];
  for (const f of features) {
    const n = normaliseName(f.name);
    if (!n) continue;
    const exact = regions.find((r) => normaliseName(r.name) === n);
    if (take(f, exact)) continue;
    const loose = regions.find((r) => {
      const rn = normaliseName(r.name);
      return rn.length >= 2 && n.length >= 2 && (rn.startsWith(n) || n.startsWith(rn));
    });
    if (!take(f, loose)) pending.push(f);
  }
  for (const f of pending) {
    const id = f.id ?? '';
    if (id.length >= 2) take(f, regions.find((r) => r.code.length === 6 && r.code.startsWith(id) && /^0+$/.test(r.code.slice(id.length))));
  }
  return byName;
}
