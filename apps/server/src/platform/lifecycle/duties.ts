import type { Actor } from '../access/actor.ts';

/**
 * Separation of duties (四眼原则, DOMAIN.md "Who approves what"; 002 §二(一)1, 000 §五(二)): nobody
 * approves, publishes or concludes what they drafted or submitted, and approval comes from where the
 * seeds put it. Pure: the modules pass the record's region and who drafted/submitted it. Each check
 * returns null when the actor may act, else the refusal naming the rule.
 */

/** The region fields the approval chain needs (a region row has them). */
export interface DutyRegion {
  code: string;
  level: string;
  parentCode: string | null;
  provinceCode: string;
  directlyAdministered: boolean;
}

/** The level above in the reporting chain: the province for a 省直管县 (003 salutation), else the administrative parent. */
export function approvingRegionOf(r: DutyRegion): string | null {
  if (r.level === 'county' && r.directlyAdministered) return r.provinceCode === r.code ? null : r.provinceCode;
  return r.parentCode;
}

/** The rules' texts, one per approval, so refusals and docs say the same. */
export const DUTY_RULES = {
  planSelf: '本人报送的计划须由上级审批',
  planUpper: '本级报送的计划须由上级领导小组办公室审批（省直管县由省级审批）',
  announcementSelf: '本人编制或报送的公告须由领导小组组长或上级审批、发布',
  announcementUpper: '公告须由本级领导小组组长或上级领导小组办公室审批、发布（省直管县由省级审批）',
  targetSelf: '本人报送的目标分解须由上级审批',
  targetUpper: '本级报送的目标分解须由上级领导小组办公室审批（省直管县由省级审批）',
  inspectionSelf: '组建检查批次的人员不能结束本批次：验收结论须由检查组组长签署',
  inspectionLeader: '验收结论须由本批次检查组组长签署',
  caseSelf: '立案或申请人员不能决定本案件的延期或撤销：须由立案部门的其他人员决定',
  caseDepartment: '案件的延期和撤销由立案部门决定',
  tipSelf: '本人提交的举报办结意见须由承办单位的其他人员审定',
  tipOffice: '举报办结由承办地领导小组办公室、组长或承办部门审定',
} as const;

/** The drafter or submitter (user ids recorded on the record) may not approve it. */
export function notOwnWork(actor: Actor, authors: readonly (number | null | undefined)[], rule: string): string | null {
  return actor.userId !== null && authors.includes(actor.userId) ? rule : null;
}

/** The group office of the level above (admin stands in for the level above a province). */
export function isUpperOffice(actor: Actor, r: DutyRegion): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'group_office' && actor.regionCode === approvingRegionOf(r);
}

/** The leading group's leader (组长) of the record's own region. */
export const isOwnLeader = (actor: Actor, r: DutyRegion): boolean => actor.role === 'leader' && actor.regionCode === r.code;

/** A county's (or any region's) plan: approved by the level above, never by its submitter. */
export function planApproval(actor: Actor, r: DutyRegion, authors: readonly (number | null | undefined)[]): string | null {
  return notOwnWork(actor, authors, DUTY_RULES.planSelf) ?? (isUpperOffice(actor, r) ? null : DUTY_RULES.planUpper);
}

/** A list or 公示: approved and published by the region's leader or the level above, never by its drafter or submitter. */
export function announcementApproval(actor: Actor, r: DutyRegion, authors: readonly (number | null | undefined)[]): string | null {
  return notOwnWork(actor, authors, DUTY_RULES.announcementSelf) ?? (isOwnLeader(actor, r) || isUpperOffice(actor, r) ? null : DUTY_RULES.announcementUpper);
}

/** A region's decomposition of its target (issue 10 §2): approved by the level above, never by its submitter. */
export function targetDecompositionApproval(actor: Actor, r: DutyRegion, authors: readonly (number | null | undefined)[]): string | null {
  return notOwnWork(actor, authors, DUTY_RULES.targetSelf) ?? (isUpperOffice(actor, r) ? null : DUTY_RULES.targetUpper);
}

/**
 * A non-compliance case's extension or withdrawal (issue 12, ADR 0022): decided by an account of the department
 * that opened it (its leader's seat), never by the one who opened the case or asked for the extension.
 */
export function caseDecision(actor: Actor, caseAgencyId: number, authors: readonly (number | null | undefined)[]): string | null {
  if (actor.role !== 'member_agency' || actor.agencyId !== caseAgencyId) return DUTY_RULES.caseDepartment;
  return notOwnWork(actor, authors, DUTY_RULES.caseSelf);
}

/** Who handles a tip (issue 13, ADR 0025): the handling region's office, or its member department, and the level escalated to. */
export interface TipHandling {
  regionCode: string;
  agencyId: number | null;
  escalatedToRegionCode: string | null;
}

/**
 * A tip's conclusion (办结, issue 13; 003 §四(三) 有报必查): approved by another account of the handling office —
 * the group office or leader of the handling region (or of the level it was escalated to), or the handling
 * department's accounts when a department handles it — never by whoever submitted the conclusion.
 */
export function tipConclusion(actor: Actor, h: TipHandling, authors: readonly (number | null | undefined)[]): string | null {
  const office = h.agencyId === null && (actor.role === 'group_office' || actor.role === 'leader') && actor.regionCode === h.regionCode;
  const department = h.agencyId !== null && actor.role === 'member_agency' && actor.agencyId === h.agencyId;
  const escalated = h.escalatedToRegionCode !== null && actor.role === 'group_office' && actor.regionCode === h.escalatedToRegionCode;
  if (!office && !department && !escalated) return DUTY_RULES.tipOffice;
  return notOwnWork(actor, authors, DUTY_RULES.tipSelf);
}
