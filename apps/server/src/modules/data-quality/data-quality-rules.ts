import type { DataQualitySweptKind } from '@taotai/shared';

/**
 * The sweep's rules (issue 10 §4; ADR 0018), pure: each turns rows read by the sweep repository into
 * findings. A finding's `checkKey` names what was found, so one open flag per finding at most; whatever
 * no longer turns up is resolved by the sweep itself.
 */
export interface Finding {
  checkKey: string;
  kind: DataQualitySweptKind;
  regionCode: string;
  entityType: string;
  entityId: number;
  message: string;
  details: Record<string, unknown>;
}

/** Quantities as integers of 1/10,000 (numeric(14,4)), so sums and comparisons are exact. */
const SCALE = 10_000;
export const toQ = (v: number | string): number => Math.round(Number(v) * SCALE);
const show = (q: number): string => String(q / SCALE);

export interface TargetFacts {
  id: number;
  year: number;
  regionCode: string;
  regionName: string;
  industryName: string;
  unitCode: string;
  unitName: string;
  quantity: string;
  /** Declared 超额分解 with a reason at decomposition (already flagged there): an excess is expected. */
  overAllocationDeclared: boolean;
}

/** What a target was decomposed into: child targets, or named lines (a county's own decomposition). */
export interface DecomposedPart {
  unitCode: string;
  quantity: string;
}

/**
 * A decomposed target against the sum of its parts, per unit (only parts in the target's unit add up;
 * 万吨 and 万重量箱 never do): a shortfall is a mismatch, so is an excess not declared as 超额分解.
 */
export function reconcileTarget(t: TargetFacts, parts: DecomposedPart[], partsAre: 'targets' | 'lines'): Finding | null {
  if (parts.length === 0) return null;
  const same = parts.filter((p) => p.unitCode === t.unitCode);
  const otherUnits = parts.length - same.length;
  const sumQ = same.reduce((n, p) => n + toQ(p.quantity), 0);
  const targetQ = toQ(t.quantity);
  const diffQ = targetQ - sumQ;
  // Named lines count with their whole capacity, so lines covering more than the target are normal; an
  // excess of child targets is a mismatch unless it was declared 超额分解 (000 §二(一)).
  if (diffQ === 0 || (diffQ < 0 && (t.overAllocationDeclared || partsAre === 'lines'))) return null;
  const u = t.unitName;
  const what = partsAre === 'targets' ? '下级合计' : '分解到生产线合计';
  const diff = diffQ > 0 ? `差 ${show(diffQ)} ${u}` : `超出 ${show(-diffQ)} ${u}`;
  const other = otherUnits ? `（另有 ${otherUnits} 项为其他计量单位，未计入）` : '';
  return {
    checkKey: `target:${t.id}`,
    kind: 'reconciliation_mismatch',
    regionCode: t.regionCode,
    entityType: 'target',
    entityId: t.id,
    message: `${t.regionName} ${t.year}年 ${t.industryName} 目标 ${show(targetQ)} ${u}，${what} ${show(sumQ)} ${u}，${diff}${other}`,
    details: { year: t.year, unitCode: t.unitCode, target: targetQ / SCALE, decomposed: sumQ / SCALE, difference: diffQ / SCALE, parts: partsAre },
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

export interface LineFacts {
  lineId: number;
  lineName: string;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  provinceCode: string;
  industryCode: string;
  industryName: string;
  capacity: number;
  unitCode: string;
  unitName: string;
}

/**
 * Why ten times the median: lines to be eliminated are small by definition (the catalogue's 淘汰类 sets upper
 * limits), so one ten times the province's typical line of its industry is almost always a unit slip
 * (吨 typed as 万吨) or a whole plant entered as one line. The median (not the mean) so the outlier does not
 * raise its own bar; per province, industry and unit, and only with at least five lines to compare.
 */
export const OUTLIER_FACTOR = 10;
export const OUTLIER_MIN_LINES = 5;

export function capacityOutliers(lines: LineFacts[]): Finding[] {
  const groups = new Map<string, LineFacts[]>();
  for (const l of lines) {
    const k = `${l.provinceCode}|${l.industryCode}|${l.unitCode}`;
    groups.set(k, [...(groups.get(k) ?? []), l]);
  }
  const out: Finding[] = [];
  for (const g of groups.values()) {
    if (g.length < OUTLIER_MIN_LINES) continue;
    const m = median(g.map((l) => l.capacity));
    if (!m || m <= 0) continue;
    for (const l of g) {
      if (l.capacity <= OUTLIER_FACTOR * m) continue;
      out.push({
        checkKey: `capacity_outlier:line:${l.lineId}`,
        kind: 'capacity_outlier',
        regionCode: l.regionCode,
        entityType: 'line',
        entityId: l.lineId,
        // The median moves with every line registered: it is in the details, not in the message, so a sweep
        // does not re-raise the flag each time the registry grows (the message is what a re-raise compares).
        message: `${l.enterpriseName}“${l.lineName}”产能 ${l.capacity} ${l.unitName}，超过本省${l.industryName}生产线产能中位数的${OUTLIER_FACTOR}倍，请核实产能或计量单位`,
        details: { enterpriseId: l.enterpriseId, capacity: l.capacity, median: m, unitCode: l.unitCode, lines: g.length, factor: OUTLIER_FACTOR },
      });
    }
  }
  return out;
}

const COMPANY_SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团|公司|总厂|分厂|厂)$/;
const PUNCT = /[\s\p{P}\p{S}]/gu;

/** 「巩义市 某某水泥有限公司」 and 「巩义市某某水泥厂」 are one name: no spacing, punctuation, width or company form. */
export function normaliseEnterpriseName(s: string): string {
  let n = s.normalize('NFKC').replace(PUNCT, '').toLowerCase();
  for (let i = 0; i < 3 && COMPANY_SUFFIX.test(n); i++) n = n.replace(COMPANY_SUFFIX, '');
  return n;
}

/** Addresses compare without spacing, punctuation and width; an empty address never matches. */
export const normaliseAddress = (s: string): string => s.normalize('NFKC').replace(PUNCT, '').toLowerCase();

export interface EnterpriseFacts {
  id: number;
  name: string;
  address: string;
  regionCode: string;
  uscc: string;
}

/**
 * Likely duplicates: same normalised name and address (the USCC is unique already, so these are one
 * enterprise registered twice under different codes, or a code typed wrong). One flag per group, on its
 * first-registered enterprise, naming the others.
 */
export function duplicateEnterprises(list: EnterpriseFacts[]): Finding[] {
  const groups = new Map<string, EnterpriseFacts[]>();
  for (const e of list) {
    const a = normaliseAddress(e.address);
    const n = normaliseEnterpriseName(e.name);
    if (!a || !n) continue;
    const k = `${n}|${a}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const out: Finding[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const [first, ...others] = [...g].sort((x, y) => x.id - y.id);
    out.push({
      checkKey: `duplicate:enterprise:${g.map((e) => e.id).sort((x, y) => x - y).join(',')}`,
      kind: 'duplicate_enterprise',
      regionCode: first!.regionCode,
      entityType: 'enterprise',
      entityId: first!.id,
      message: `${first!.name}（${first!.uscc}）与${others.map((e) => `${e.name}（${e.uscc}）`).join('、')}名称和地址相同，疑似重复登记`,
      details: { enterpriseIds: g.map((e) => e.id), address: first!.address },
    });
  }
  return out;
}

export interface SurveyTotals {
  regionCode: string;
  regionName: string;
  year: number;
  filingId: number;
  /** Capacity per unit code, as numeric text. */
  units: Map<string, string>;
}

/**
 * A region's survey result against the sum of its reporting children's, per unit (the rollup's 与下级合计是否一致):
 * compared only once every child has filed — a missing child is incomplete, not a contradiction.
 */
export function reconcileSurvey(parent: SurveyTotals, children: (SurveyTotals | null)[], unitNames: Map<string, string>): Finding[] {
  if (children.length === 0 || children.some((c) => c === null)) return [];
  const units = new Set([...parent.units.keys(), ...children.flatMap((c) => [...c!.units.keys()])]);
  const out: Finding[] = [];
  for (const unit of [...units].sort()) {
    const ownQ = toQ(parent.units.get(unit) ?? 0);
    const sumQ = children.reduce((n, c) => n + toQ(c!.units.get(unit) ?? 0), 0);
    if (ownQ === sumQ) continue;
    const u = unitNames.get(unit) ?? unit;
    const diff = ownQ > sumQ ? `多 ${show(ownQ - sumQ)} ${u}` : `少 ${show(sumQ - ownQ)} ${u}`;
    out.push({
      checkKey: `survey:${parent.filingId}:${unit}`,
      kind: 'reconciliation_mismatch',
      regionCode: parent.regionCode,
      entityType: 'filing',
      entityId: parent.filingId,
      message: `${parent.regionName} ${parent.year}年 排查结果 ${show(ownQ)} ${u}，下级合计 ${show(sumQ)} ${u}，本级${diff}`,
      details: { year: parent.year, unitCode: unit, own: ownQ / SCALE, children: sumQ / SCALE },
    });
  }
  return out;
}
