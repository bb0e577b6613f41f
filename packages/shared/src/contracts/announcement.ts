import { z } from 'zod';
import { listQueryFields } from './list.ts';
import { UnitTotal } from './common.ts';
import { DEPARTMENT_LIST_KINDS, DEPARTMENT_LIST_KIND_LABELS } from './department-list.ts';

/**
 * 公告 / 公示 (002 §二(二)1, §二(三)): the plan's enterprise list, sealed lines with their public
 * commitments, and completed exits are announced. A public notice (公示) runs N working days, during which
 * anyone may file an objection (异议) that the issuing office answers.
 */
export const ANNOUNCEMENT_KINDS = ['plan_list', 'sealed_list', 'completed_list', ...DEPARTMENT_LIST_KINDS] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];
export const ANNOUNCEMENT_KIND_LABELS: Record<AnnouncementKind, string> = {
  plan_list: '计划淘汰名单',
  sealed_list: '已封存生产线及承诺',
  completed_list: '已完成淘汰名单',
  ...DEPARTMENT_LIST_KIND_LABELS,
};

export const ANNOUNCEMENT_FORMS = ['public_notice', 'announcement'] as const;
export type AnnouncementForm = (typeof ANNOUNCEMENT_FORMS)[number];
export const ANNOUNCEMENT_FORM_LABELS: Record<AnnouncementForm, string> = { public_notice: '公示', announcement: '公告' };

export const ANNOUNCEMENT_STATUSES = ['draft', 'submitted', 'approved', 'published', 'archived'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];
export const ANNOUNCEMENT_STATUS_LABELS: Record<AnnouncementStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已审核',
  published: '已发布',
  archived: '已归档',
};

export const ANNOUNCEMENT_EVENTS = ['submit', 'return', 'approve', 'publish', 'archive'] as const;
export type AnnouncementEvent = (typeof ANNOUNCEMENT_EVENTS)[number];
export const ANNOUNCEMENT_EVENT_LABELS: Record<AnnouncementEvent, string> = {
  submit: '提交审核',
  return: '退回修改',
  approve: '审核通过',
  publish: '发布',
  archive: '归档',
};

export const DEFAULT_NOTICE_WORKING_DAYS = 5;
export const OBJECTION_MAX_CHARS = 1000;

const year = z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年');
const noticeDays = z
  .number({ error: '公示期应为工作日天数' })
  .int('公示期应为整数个工作日')
  .min(1, '公示期至少1个工作日')
  .max(30, '公示期不超过30个工作日');

/** Capacity per unit of a list; different units are never added together. */
export const AnnouncementUnitTotal = UnitTotal;
export type AnnouncementUnitTotal = UnitTotal;

/** One listed line, frozen when the announcement was built. */
export const AnnouncementItem = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  lineName: z.string(),
  specification: z.string(),
  capacity: z.number(),
  capacityUnit: z.string(),
  unitName: z.string(),
  /** plan_list: 计划淘汰期限; sealed_list: 封存日期; completed_list: 验收日期. */
  date: z.string().nullable(),
  dismantleDeadline: z.string().nullable(),
  commitment: z.string(),
});
export type AnnouncementItem = z.infer<typeof AnnouncementItem>;

/** The notice period of a published public notice, as of today (Beijing date). */
export const NoticePeriod = z.object({
  workingDays: z.number().int(),
  endDate: z.string(),
  open: z.boolean(),
  /** 剩余 N 个工作日 / 今日到期 / 公示期已结束 */
  label: z.string(),
  workingDaysLeft: z.number().int(),
});
export type NoticePeriod = z.infer<typeof NoticePeriod>;

export const AnnouncementSummary = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  form: z.enum(ANNOUNCEMENT_FORMS),
  noticeWorkingDays: z.number().int().nullable(),
  title: z.string(),
  status: z.enum(ANNOUNCEMENT_STATUSES),
  itemCount: z.number().int(),
  publishDate: z.string().nullable(),
  notice: NoticePeriod.nullable(),
  objectionCount: z.number().int(),
  unansweredCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AnnouncementSummary = z.infer<typeof AnnouncementSummary>;

export const AnnouncementAbilities = z.object({
  update: z.boolean(),
  submit: z.boolean(),
  return: z.boolean(),
  approve: z.boolean(),
  publish: z.boolean(),
  archive: z.boolean(),
  answerObjections: z.boolean(),
});

export const Announcement = AnnouncementSummary.extend({
  body: z.string(),
  sourcePlanId: z.number().int().nullable(),
  returnReason: z.string().nullable(),
  builtAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  supersededBy: z.number().int().nullable(),
  items: z.array(AnnouncementItem),
  totals: z.array(AnnouncementUnitTotal),
  abilities: AnnouncementAbilities,
  /** The events this user may fire now (the machine's rows); the transition booleans of `abilities` are derived from it. */
  availableEvents: z.array(z.enum(ANNOUNCEMENT_EVENTS)),
});
export type Announcement = z.infer<typeof Announcement>;

export const AnnouncementFilterQuery = z.object({
  region: z.string().optional(),
  kind: z.enum(ANNOUNCEMENT_KINDS).optional(),
  status: z.enum(ANNOUNCEMENT_STATUSES).optional(),
  year: year.optional(),
});
/** Sortable by id only (newest first by default): the primary key serves it. */
export const AnnouncementQuery = AnnouncementFilterQuery.extend(listQueryFields({ id: '编号' }, '-id'));
export type AnnouncementQuery = z.infer<typeof AnnouncementQuery>;

export const AnnouncementCreateBody = z.object({
  regionCode: z.string().min(1, '请选择发布地区'),
  year,
  kind: z.enum(ANNOUNCEMENT_KINDS, { error: '请选择公告内容（计划淘汰名单、已封存生产线及承诺、已完成淘汰名单或部门黄牌/红牌名单）' }),
  form: z.enum(ANNOUNCEMENT_FORMS, { error: '请选择公示或公告' }).default('public_notice'),
  noticeWorkingDays: noticeDays.default(DEFAULT_NOTICE_WORKING_DAYS),
  /** Required for plan_list: the approved elimination plan whose lines are listed. */
  sourcePlanId: z.number().int().positive().nullable().default(null),
  title: z.string().trim().max(100, '标题不超过100字').optional(),
  body: z.string().trim().max(5000, '正文不超过5000字').optional(),
});
export type AnnouncementCreateBody = z.infer<typeof AnnouncementCreateBody>;

export const AnnouncementUpdateBody = z.object({
  title: z.string().trim().min(4, '标题至少4个字').max(100, '标题不超过100字'),
  body: z.string().trim().min(1, '请填写正文').max(5000, '正文不超过5000字'),
  form: z.enum(ANNOUNCEMENT_FORMS, { error: '请选择公示或公告' }),
  noticeWorkingDays: noticeDays.default(DEFAULT_NOTICE_WORKING_DAYS),
  version: z.number().int(),
});
export type AnnouncementUpdateBody = z.infer<typeof AnnouncementUpdateBody>;

export const AnnouncementTransitionBody = z.object({
  event: z.enum(ANNOUNCEMENT_EVENTS, { error: '操作应为提交审核、退回修改、审核通过、发布或归档' }),
  /** Required when returning: why it goes back to draft. */
  reason: z.string().trim().max(500, '原因或审核意见不超过500字').default(''),
});
export type AnnouncementTransitionBody = z.infer<typeof AnnouncementTransitionBody>;

/** 11-digit mainland mobile number (1 followed by 3–9, then nine digits). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
const mobile = z
  .string({ error: '请填写手机号码' })
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(MOBILE_RE, '手机号码应为11位数字，以1开头（如13800000000）'));
/** The objector's phone is optional (issue 9): an empty field means none was given. */
const optionalMobile = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), mobile.optional());

export const ObjectionBody = z.object({
  content: z
    .string({ error: '请填写异议内容' })
    .trim()
    .min(5, '异议内容至少5个字，请写明异议的事实和理由')
    .max(OBJECTION_MAX_CHARS, `异议内容不超过${OBJECTION_MAX_CHARS}字`),
  name: z.string().trim().max(50, '姓名不超过50字').optional(),
  /** Optional; needed with the receipt code to read the answer when given. */
  phone: optionalMobile,
  /** Which listed line the objection is about, if any. */
  itemId: z.number().int().positive().nullable().optional(),
});
export type ObjectionBody = z.infer<typeof ObjectionBody>;

export const ObjectionReceipt = z.object({ receiptCode: z.string(), filedAt: z.string() });
export type ObjectionReceipt = z.infer<typeof ObjectionReceipt>;

export const ObjectionLookupQuery = z.object({
  code: z.string().trim().min(1, '请填写受理编号').max(20, '受理编号不正确'),
  /** The phone filed with the objection; leave empty when none was filed. */
  phone: optionalMobile,
});

/** What the citizen sees when looking up a receipt: their objection and the office's answer. */
export const ObjectionStatus = z.object({
  receiptCode: z.string(),
  announcementId: z.number().int(),
  announcementTitle: z.string(),
  content: z.string(),
  filedAt: z.string(),
  answered: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** The office that answered (its 落款 from the office's document settings); null until answered. */
  answeredBy: z.string().nullable(),
});
export type ObjectionStatus = z.infer<typeof ObjectionStatus>;

/** The objector's full phone number, revealed (audited, the office told) to an identity custodian only (issue 13). */
export const ObjectionPhone = z.object({ phone: z.string() });
export type ObjectionPhone = z.infer<typeof ObjectionPhone>;
/** Why the custodian looks (issue 13, as for a tipster's identity): audited with the reveal, the number never. */
export const ObjectionRevealBody = z.object({ reason: z.string({ error: '请填写查看事由' }).trim().min(1, '请填写查看事由').max(1000, '查看事由不超过1000字') });
export type ObjectionRevealBody = z.infer<typeof ObjectionRevealBody>;

export const ObjectionAnswerBody = z.object({
  answer: z.string().trim().min(5, '答复至少5个字').max(2000, '答复不超过2000字'),
  version: z.number().int(),
});
export type ObjectionAnswerBody = z.infer<typeof ObjectionAnswerBody>;

/** Public site: list and search. */
export const PUBLIC_TABS = ['current', 'archived'] as const;
export const PublicAnnouncementQuery = z.object({
  tab: z.enum(PUBLIC_TABS).default('current'),
  region: z.string().max(12).optional(),
  kind: z.enum(ANNOUNCEMENT_KINDS).optional(),
  q: z.string().trim().max(50, '关键词不超过50字').optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type PublicAnnouncementQuery = z.infer<typeof PublicAnnouncementQuery>;

export const PublicAnnouncementSummary = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  form: z.enum(ANNOUNCEMENT_FORMS),
  title: z.string(),
  publishDate: z.string(),
  archived: z.boolean(),
  itemCount: z.number().int(),
  notice: NoticePeriod.nullable(),
});
export type PublicAnnouncementSummary = z.infer<typeof PublicAnnouncementSummary>;

export const PublicAnnouncementPage = z.object({ items: z.array(PublicAnnouncementSummary), total: z.number().int(), pageSize: z.number().int() });
export type PublicAnnouncementPage = z.infer<typeof PublicAnnouncementPage>;

/** Public items never carry internal ids of registry records; item ids only serve objections. */
/**
 * 落款 (issuing office and date), 公示期 (from–to) and how to object, from the issuing office's document settings
 * (issue 11: the 公示 invites objections, so it says where they go).
 */
export const PublicAnnouncementClosing = z.object({
  issuer: z.string(),
  date: z.string(),
  noticeFrom: z.string().nullable(),
  noticeTo: z.string().nullable(),
  contact: z.object({ contactPerson: z.string(), phone: z.string(), address: z.string(), email: z.string() }),
  /** The sentence printed under a 公示: the period and where objections go (this page, the office's phone, address, e-mail). */
  howToObject: z.string().nullable(),
});
export type PublicAnnouncementClosing = z.infer<typeof PublicAnnouncementClosing>;

export const PublicAnnouncement = PublicAnnouncementSummary.extend({
  body: z.string(),
  items: z.array(AnnouncementItem),
  totals: z.array(AnnouncementUnitTotal),
  closing: PublicAnnouncementClosing,
});
export type PublicAnnouncement = z.infer<typeof PublicAnnouncement>;

export const PublicSearchQuery = z.object({
  q: z.string().trim().min(1, '请输入企业或生产线名称').max(50, '关键词不超过50字'),
  region: z.string().max(12).optional(),
  kind: z.enum(ANNOUNCEMENT_KINDS).optional(),
});
export const PublicSearchHit = z.object({
  announcementId: z.number().int(),
  title: z.string(),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  regionName: z.string(),
  publishDate: z.string(),
  item: AnnouncementItem,
});
export type PublicSearchHit = z.infer<typeof PublicSearchHit>;
export const PublicSearchResult = z.object({ hits: z.array(PublicSearchHit), truncated: z.boolean() });
export type PublicSearchResult = z.infer<typeof PublicSearchResult>;

export const PublicRegion = z.object({ code: z.string(), name: z.string() });
