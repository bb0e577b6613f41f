/**
 * Relocation match score (issue 11 "Relocation guard"): how likely a line registered in another county is
 * the very equipment this task dismantles, moved and installed again (001 第二篇 §三 三: dismantled equipment
 * must not be re-installed elsewhere). Pure; the repository reads the candidates and how common their
 * name+specification pair is.
 *
 * Why these weights: a name and a specification alone describe a *type* of equipment (every demo coal mine is
 * "小煤矿 单井 6万吨/年"), so on their own they only make a weak match; what singles out one machine is its
 * capacity as registered (a measured or permitted figure with decimals) and, where the registry knows them,
 * the manufacturer and serial number. A name+spec pair held by many enterprises is generic and weighs a fifth.
 */

export interface EquipmentFacts {
  name: string;
  specification: string;
  industryCode: string;
  capacity: number;
  capacityUnit: string;
  quantity: number;
  /** Not yet stored by the registry (the survey form has no column for them); scored when a caller knows them. */
  manufacturer?: string | null;
  serialNo?: string | null;
}

export type MatchStrength = 'strong' | 'medium' | 'weak';

export interface MatchScore {
  score: number;
  strength: MatchStrength;
  reasons: string[];
  /** Only the generic name/specification matched: listed as a count, not one by one. */
  generic: boolean;
}

/** A name+spec pair registered by this many enterprises or more is a type, not a machine. */
export const GENERIC_PAIR_ENTERPRISES = 5;
export const STRONG_FROM = 70;
export const MEDIUM_FROM = 40;

const POINTS = { name: 20, spec: 20, industry: 5, capacitySame: 35, capacityNear: 15, quantity: 5, manufacturer: 10, serial: 40 };
const GENERIC_FACTOR = 0.2;

/** "3号小煤矿" and "1号 小煤矿" name the same equipment type: the ordinal and spacing are the enterprise's own. */
export const normaliseEquipmentName = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(第?[0-9一二三四五六七八九十]+[号#])/, '')
    .toLowerCase();

const normaliseText = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Same capacity: within 0.5 % (registries round differently); near: within 10 %. */
function capacityRelation(a: number, b: number): 'same' | 'near' | null {
  if (!(a > 0 && b > 0)) return null;
  const d = Math.abs(a - b) / Math.max(a, b);
  if (d <= 0.005) return 'same';
  return d <= 0.1 ? 'near' : null;
}

export const strengthOf = (score: number): MatchStrength => (score >= STRONG_FROM ? 'strong' : score >= MEDIUM_FROM ? 'medium' : 'weak');

/** How many enterprises register the dismantled line's name+spec pair, its name, its specification. */
export interface Commonness {
  pair: number;
  name: number;
  spec: number;
}

/**
 * Scores one candidate against the dismantled line; `common` = how many enterprises register what matched
 * (one number: the same for pair, name and spec). Returns null when no name, spec or serial matches.
 */
export function scoreRelocationMatch(mine: EquipmentFacts, other: EquipmentFacts, common: number | Commonness): MatchScore | null {
  const reasons: string[] = [];
  const c = typeof common === 'number' ? { pair: common, name: common, spec: common } : common;
  let score = 0;
  let specific = false;
  let serial = false;
  const sameName = normaliseEquipmentName(mine.name) === normaliseEquipmentName(other.name) && normaliseEquipmentName(mine.name) !== '';
  const sameSpec = normaliseText(mine.specification) === normaliseText(other.specification) && normaliseText(mine.specification) !== '';
  const pairEnterprises = sameName && sameSpec ? c.pair : sameName ? c.name : c.spec;
  const generic = pairEnterprises >= GENERIC_PAIR_ENTERPRISES;
  const w = generic ? GENERIC_FACTOR : 1;
  if (sameName) {
    score += POINTS.name * w;
    reasons.push('设备名称相同');
  }
  if (sameSpec) {
    score += POINTS.spec * w;
    reasons.push('规格相同');
  }
  if (mine.industryCode === other.industryCode) {
    score += POINTS.industry;
    reasons.push('行业相同');
  }
  const cap = mine.capacityUnit === other.capacityUnit ? capacityRelation(mine.capacity, other.capacity) : null;
  if (cap === 'same') {
    score += POINTS.capacitySame;
    reasons.push('产能相同');
    specific = true;
  } else if (cap === 'near') {
    score += POINTS.capacityNear;
    reasons.push('产能相近');
  }
  if (mine.quantity === other.quantity && mine.quantity > 1) {
    score += POINTS.quantity;
    reasons.push('数量相同');
  }
  if (normaliseText(mine.manufacturer) && normaliseText(mine.manufacturer) === normaliseText(other.manufacturer)) {
    score += POINTS.manufacturer;
    reasons.push('生产厂家相同');
  }
  if (normaliseText(mine.serialNo) && normaliseText(mine.serialNo) === normaliseText(other.serialNo)) {
    score += POINTS.serial;
    reasons.push('出厂编号相同');
    specific = true;
    serial = true;
  }
  // A capacity alone is a coincidence in an industry of hundreds of lines: some name, spec or serial must match.
  if (!sameName && !sameSpec && !serial) return null;
  if (generic && (sameName || sameSpec)) reasons.push(`名称规格常见（${pairEnterprises}家企业登记），权重降低`);
  const total = Math.min(100, Math.round(score));
  return { score: total, strength: strengthOf(total), reasons, generic: generic && !specific };
}

export interface RankedMatch<T> {
  candidate: T;
  match: MatchScore;
}

/**
 * Ranks candidates by score (then by the caller's order), and splits off the weak generic ones: those are
 * only counted, so a clerk sees the few lines worth checking rather than every mine of the same type.
 */
export function rankRelocationMatches<T>(
  mine: EquipmentFacts,
  candidates: { candidate: T; facts: EquipmentFacts; common: number | Commonness }[],
  limit = 10,
): { shown: RankedMatch<T>[]; collapsed: number } {
  const scored: RankedMatch<T>[] = [];
  for (const c of candidates) {
    const match = scoreRelocationMatch(mine, c.facts, c.common);
    if (match) scored.push({ candidate: c.candidate, match });
  }
  scored.sort((a, b) => b.match.score - a.match.score);
  const worth = scored.filter((s) => !(s.match.generic && s.match.strength === 'weak'));
  const shown = worth.slice(0, limit);
  return { shown, collapsed: scored.length - shown.length };
}
