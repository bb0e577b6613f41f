import { z } from 'zod';
import { PRICE_MEASURE_KINDS, RESTRICTION_DOMAINS } from '../enforcement-enums.ts';
import { EnterpriseRef } from './common.ts';
import { listPageOf, listQueryFields } from './list.ts';

/**
 * The levers around the cycle (issue 12): price and credit deliveries (002 §三(三)(四)), the joint punishment
 * list (002 §三(八)) and the post-deadline joint notice (001 第五篇 §五).
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const text = (label: string, max = 500) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);

// ---------- price and credit deliveries ----------
export const PRICE_DELIVERY_STATUSES = ['sent', 'acknowledged', 'applied', 'removed'] as const;
export type PriceDeliveryStatus = (typeof PRICE_DELIVERY_STATUSES)[number];
export const PRICE_DELIVERY_STATUS_LABELS: Record<PriceDeliveryStatus, string> = { sent: '待签收', acknowledged: '已签收', applied: '已执行', removed: '已解除' };
export const PRICE_DELIVERY_EVENTS = ['acknowledge', 'apply', 'remove'] as const;
export type PriceDeliveryEvent = (typeof PRICE_DELIVERY_EVENTS)[number];
export const PRICE_DELIVERY_EVENT_LABELS: Record<PriceDeliveryEvent, string> = { acknowledge: '签收', apply: '执行', remove: '解除' };
/**
 * Working days a recipient has to acknowledge a delivery, and again to apply it once acknowledged. The seeds set
 * no period (002 §三(三)(四) name only the responsible departments); one working week is the platform's default
 * (ADR 0024), the same as a 公示's default notice period.
 */
export const PRICE_DELIVERY_DUE_WORKING_DAYS = 5;
/** The measures on electricity carry a surcharge per kWh (002 §三(三): 差别电价、阶梯电价、惩罚性电价). */
export const POWER_PRICE_KINDS = ['differential_power', 'punitive_power', 'tiered_power'] as const;

export const PriceDelivery = z.object({
  id: z.number().int(),
  ...EnterpriseRef.shape,
  caseId: z.number().int(),
  caseDecisionNo: z.string(),
  kind: z.enum(PRICE_MEASURE_KINDS),
  recipientAgencyId: z.number().int(),
  recipientName: z.string(),
  senderName: z.string().nullable(),
  surchargePerKwh: z.number().nullable(),
  note: z.string(),
  status: z.enum(PRICE_DELIVERY_STATUSES),
  sentAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  appliedMeasure: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** Unacknowledged or unapplied past its due day. */
  overdue: z.boolean(),
  removedOn: z.string().nullable(),
  removalReason: z.string().nullable(),
  version: z.number().int(),
  availableEvents: z.array(z.enum(PRICE_DELIVERY_EVENTS)),
});
export type PriceDelivery = z.infer<typeof PriceDelivery>;

export const PriceDeliveryFilterQuery = z.object({
  status: z.enum(PRICE_DELIVERY_STATUSES).optional(),
  kind: z.enum(PRICE_MEASURE_KINDS).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const PriceDeliveryQuery = PriceDeliveryFilterQuery.extend(listQueryFields({ id: '送达顺序' }, '-id'));
export type PriceDeliveryQuery = z.infer<typeof PriceDeliveryQuery>;
export const PriceDeliveryPage = listPageOf(PriceDelivery);
export type PriceDeliveryPage = z.infer<typeof PriceDeliveryPage>;

export const PriceDeliveryCreateBody = z.object({
  enterpriseId: z.number().int().positive(),
  kind: z.enum(PRICE_MEASURE_KINDS, { error: '请选择措施类别' }),
  /** 元/千瓦时, required for the electricity measures. */
  surchargePerKwh: z.number().positive('加价标准须大于0').max(10, '加价标准不能超过10元/千瓦时').nullable().optional(),
  note: z.string().trim().max(500, '说明不能超过500字').optional(),
});
export type PriceDeliveryCreateBody = z.infer<typeof PriceDeliveryCreateBody>;

export const PriceDeliveryTransitionBody = z.object({
  event: z.enum(PRICE_DELIVERY_EVENTS),
  version: z.number().int().optional(),
  appliedMeasure: z.string().trim().max(500, '执行措施不能超过500字').optional(),
  effectiveOn: isoDate.optional(),
  removedOn: isoDate.optional(),
  reason: z.string().trim().max(500, '原因不能超过500字').optional(),
});
export type PriceDeliveryTransitionBody = z.infer<typeof PriceDeliveryTransitionBody>;

// ---------- joint punishment ----------
export const JOINT_PUNISHMENT_GROUNDS = ['missed_exit_deadline', 'red_listed_producing'] as const;
export type JointPunishmentGround = (typeof JOINT_PUNISHMENT_GROUNDS)[number];
export const JOINT_PUNISHMENT_GROUND_LABELS: Record<JointPunishmentGround, string> = {
  missed_exit_deadline: '未按期淘汰退出',
  red_listed_producing: '红牌企业仍在生产',
};
export const JOINT_PUNISHMENT_STATUSES = ['listed', 'objected', 'repair_requested', 'repaired', 'revoked'] as const;
export type JointPunishmentStatus = (typeof JOINT_PUNISHMENT_STATUSES)[number];
export const JOINT_PUNISHMENT_STATUS_LABELS: Record<JointPunishmentStatus, string> = {
  listed: '惩戒中',
  objected: '异议处理中',
  repair_requested: '信用修复申请中',
  repaired: '已信用修复',
  revoked: '异议成立已移出',
};
/** On the list (published in the exchange file): listed, an objection or a repair being decided. */
export const JOINT_PUNISHMENT_ACTIVE: readonly JointPunishmentStatus[] = ['listed', 'objected', 'repair_requested'];
export const JOINT_PUNISHMENT_EVENTS = ['object', 'uphold', 'accept_objection', 'apply_repair', 'grant_repair', 'refuse_repair'] as const;
export type JointPunishmentEvent = (typeof JOINT_PUNISHMENT_EVENTS)[number];
export const JOINT_PUNISHMENT_EVENT_LABELS: Record<JointPunishmentEvent, string> = {
  object: '提出异议',
  uphold: '异议不成立（维持）',
  accept_objection: '异议成立（移出）',
  apply_repair: '申请信用修复',
  grant_repair: '同意信用修复',
  refuse_repair: '不同意信用修复',
};
/** Working days after listing in which the enterprise may object: the 公示 period of the seeds (000 §五: 7 working days). */
export const JOINT_PUNISHMENT_OBJECTION_WORKING_DAYS = 7;

export const JointRestriction = z.object({
  id: z.number().int(),
  domain: z.enum(RESTRICTION_DOMAINS),
  agencyId: z.number().int(),
  agencyName: z.string(),
  measure: z.string(),
  appliedOn: z.string(),
  documentNo: z.string(),
});
export type JointRestriction = z.infer<typeof JointRestriction>;

export const JointPunishmentEntry = z.object({
  id: z.number().int(),
  ...EnterpriseRef.shape,
  ground: z.enum(JOINT_PUNISHMENT_GROUNDS),
  basis: z.string(),
  issuingAgencyName: z.string(),
  listedOn: z.string(),
  objectionUntil: z.string(),
  status: z.enum(JOINT_PUNISHMENT_STATUSES),
  objection: z.string().nullable(),
  objectionAnswer: z.string().nullable(),
  repairApplication: z.string().nullable(),
  repairDecision: z.string().nullable(),
  endedOn: z.string().nullable(),
  restrictions: z.array(JointRestriction),
  version: z.number().int(),
  availableEvents: z.array(z.enum(JOINT_PUNISHMENT_EVENTS)),
  /** Whether the current user's department may record a restriction. */
  mayRestrict: z.boolean(),
});
export type JointPunishmentEntry = z.infer<typeof JointPunishmentEntry>;

export const JointPunishmentFilterQuery = z.object({
  status: z.enum(JOINT_PUNISHMENT_STATUSES).optional(),
  ground: z.enum(JOINT_PUNISHMENT_GROUNDS).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
});
export const JointPunishmentQuery = JointPunishmentFilterQuery.extend(listQueryFields({ id: '列入顺序' }, '-id'));
export type JointPunishmentQuery = z.infer<typeof JointPunishmentQuery>;
export const JointPunishmentPage = listPageOf(JointPunishmentEntry);
export type JointPunishmentPage = z.infer<typeof JointPunishmentPage>;

/** A proposed candidate: missed its exit deadline, or red-listed and still producing. */
export const JointPunishmentCandidate = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  ground: z.enum(JOINT_PUNISHMENT_GROUNDS),
  /** What makes it a candidate, in words (the task's deadline, the case's decision). */
  basis: z.string(),
  exitTaskId: z.number().int().nullable(),
  caseId: z.number().int().nullable(),
});
export type JointPunishmentCandidate = z.infer<typeof JointPunishmentCandidate>;
export const JointPunishmentCandidates = z.object({ items: z.array(JointPunishmentCandidate) });

export const JointPunishmentCreateBody = z.object({
  enterpriseId: z.number().int().positive(),
  ground: z.enum(JOINT_PUNISHMENT_GROUNDS, { error: '请选择列入事由' }),
  basis: text('列入依据', 1000),
});
export type JointPunishmentCreateBody = z.infer<typeof JointPunishmentCreateBody>;

export const JointRestrictionBody = z.object({
  domain: z.enum(RESTRICTION_DOMAINS, { error: '请选择惩戒领域' }),
  measure: text('惩戒措施'),
  appliedOn: isoDate,
  documentNo: z.string().trim().max(100, '文号不能超过100字').optional(),
});
export type JointRestrictionBody = z.infer<typeof JointRestrictionBody>;

export const JointPunishmentTransitionBody = z.object({
  event: z.enum(JOINT_PUNISHMENT_EVENTS),
  version: z.number().int().optional(),
  /** The objection's or application's text, or the answer/decision's reason. */
  reason: z.string().trim().max(1000, '内容不能超过1000字').optional(),
});
export type JointPunishmentTransitionBody = z.infer<typeof JointPunishmentTransitionBody>;

// ---------- post-deadline joint notice ----------
export const JOINT_NOTICE_ACTIONS = ['power_cut', 'business_licence', 'production_licence', 'discharge_permit'] as const;
export type JointNoticeAction = (typeof JOINT_NOTICE_ACTIONS)[number];
export const JOINT_NOTICE_ACTION_LABELS: Record<JointNoticeAction, string> = {
  power_cut: '停止供电',
  business_licence: '注销营业执照',
  production_licence: '吊销生产许可证',
  discharge_permit: '吊销排污许可证',
};
/** The agency kind that executes each action (001 第五篇 §五; 002 §三(七)). */
export const JOINT_NOTICE_ACTION_AGENCY = { power_cut: 'power', business_licence: 'market', production_licence: 'market', discharge_permit: 'ecology' } as const;
export const JOINT_NOTICE_ITEM_STATUSES = ['pending', 'executed'] as const;
export type JointNoticeItemStatus = (typeof JOINT_NOTICE_ITEM_STATUSES)[number];
export const JOINT_NOTICE_ITEM_STATUS_LABELS: Record<JointNoticeItemStatus, string> = { pending: '待执行', executed: '已执行' };
/** Working days the addressed department has to execute and record (platform default, ADR 0024). */
export const JOINT_NOTICE_DUE_WORKING_DAYS = 10;

export const JointNoticeItem = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  action: z.enum(JOINT_NOTICE_ACTIONS),
  agencyId: z.number().int(),
  agencyName: z.string(),
  status: z.enum(JOINT_NOTICE_ITEM_STATUSES),
  dueOn: z.string(),
  overdue: z.boolean(),
  executedOn: z.string().nullable(),
  executionDocNo: z.string().nullable(),
  mayExecute: z.boolean(),
});
export type JointNoticeItem = z.infer<typeof JointNoticeItem>;

export const JointNotice = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  documentNo: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  itemCount: z.number().int(),
  pendingCount: z.number().int(),
  overdueCount: z.number().int(),
  items: z.array(JointNoticeItem),
});
export type JointNotice = z.infer<typeof JointNotice>;

export const JointNoticeQuery = z.object(listQueryFields({ id: '发文顺序' }, '-id'));
export type JointNoticeQuery = z.infer<typeof JointNoticeQuery>;
export const JointNoticePage = listPageOf(JointNotice);
export type JointNoticePage = z.infer<typeof JointNoticePage>;

export const JointNoticeCreateBody = z.object({
  enterpriseIds: z.array(z.number().int().positive()).min(1, '请选择企业').max(200, '一份通知最多200家企业'),
  actions: z.array(z.enum(JOINT_NOTICE_ACTIONS)).min(1, '请选择通知事项').optional(),
});
export type JointNoticeCreateBody = z.infer<typeof JointNoticeCreateBody>;

export const JointNoticeExecuteBody = z.object({ executedOn: isoDate, documentNo: text('执行文号', 100) });
export type JointNoticeExecuteBody = z.infer<typeof JointNoticeExecuteBody>;
export const JointNoticeItemParams = z.object({ id: z.coerce.number().int().positive(), itemId: z.coerce.number().int().positive() });
