/**
 * Closed vocabularies of the member departments' enforcement (issue 12; 002 §二(一)2–6, §三(三)(四)(七)(八), §四(二)):
 * non-compliance cases, the yellow and red lists built from them, price and credit measures, joint punishment.
 * The contract the case, list and lever modules share; each module owns its tables and transitions.
 */
import type { AgencyKind } from './enums.ts';

/** A case's ground: the five criteria, plus 违法违规用地 (自然资源, 002 §四(二)). */
export const CASE_CRITERIA = ['energy', 'environment', 'quality', 'safety', 'technology', 'land'] as const;
export type CaseCriterion = (typeof CASE_CRITERIA)[number];
export const CASE_CRITERION_LABELS: Record<CaseCriterion, string> = {
  energy: '能耗不达标',
  environment: '环保不达标',
  quality: '质量不达标',
  safety: '安全不达标',
  technology: '技术（工艺装备）落后',
  land: '违法违规用地',
};
/** The department that opens (and owns) a case of each ground (DOMAIN "Department lists, one by one"). */
export const CASE_CRITERION_AGENCY: Record<CaseCriterion, AgencyKind[]> = {
  energy: ['development', 'industry'],
  environment: ['ecology'],
  quality: ['market'],
  safety: ['emergency'],
  technology: ['industry', 'development'],
  land: ['natural_resources'],
};

/**
 * A case's states. Yellow (限期整改, under a deadline): `rectifying` (energy, quality, technology, land),
 * `restricted` (环保 限制生产), `suspended` (环保 停产整治), `stopped` (安全: production stops at once).
 * Ended: `rectified` (passed re-inspection, off the list) or `closure_ordered` (failed: red list, closure).
 * `withdrawn`: opened in error, ended by the opening department's leader with a reason.
 */
export const CASE_STATUSES = ['rectifying', 'restricted', 'suspended', 'stopped', 'rectified', 'closure_ordered', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  rectifying: '限期整改',
  restricted: '限制生产',
  suspended: '停产整治',
  stopped: '停产整改',
  rectified: '整改合格',
  closure_ordered: '责令关闭',
  withdrawn: '已撤销',
};
/** 黄牌: every open case under a deadline (002 §四(二)). */
export const YELLOW_CASE_STATUSES: readonly CaseStatus[] = ['rectifying', 'restricted', 'suspended', 'stopped'];
/** 红牌: every failed case ordered closed (002 §四(二)). */
export const RED_CASE_STATUSES: readonly CaseStatus[] = ['closure_ordered'];

export const EXTENSION_STATUSES = ['requested', 'granted', 'refused'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = { requested: '待审批', granted: '已批准', refused: '不予批准' };

export const REINSPECTION_RESULTS = ['passed', 'failed'] as const;
export type ReinspectionResult = (typeof REINSPECTION_RESULTS)[number];
export const REINSPECTION_RESULT_LABELS: Record<ReinspectionResult, string> = { passed: '整改合格', failed: '仍不达标' };

/** Price and credit measures on listed capacity (002 §三(三)(四)), and the agency kind that applies each. */
export const PRICE_MEASURE_KINDS = ['differential_power', 'punitive_power', 'tiered_power', 'progressive_water', 'credit_restriction'] as const;
export type PriceMeasureKind = (typeof PRICE_MEASURE_KINDS)[number];
export const PRICE_MEASURE_KIND_LABELS: Record<PriceMeasureKind, string> = {
  differential_power: '差别电价',
  punitive_power: '惩罚性电价',
  tiered_power: '阶梯电价',
  progressive_water: '累进加价水价',
  credit_restriction: '信贷限制',
};

/** Restriction domains of joint punishment (002 §三(八)). */
export const RESTRICTION_DOMAINS = ['land_supply', 'fund_support', 'production_licence', 'bond_issue', 'government_procurement', 'public_bidding'] as const;
export type RestrictionDomain = (typeof RESTRICTION_DOMAINS)[number];
export const RESTRICTION_DOMAIN_LABELS: Record<RestrictionDomain, string> = {
  land_supply: '土地供应',
  fund_support: '资金支持',
  production_licence: '生产许可',
  bond_issue: '债券发行',
  government_procurement: '政府采购',
  public_bidding: '公共工程投标',
};
