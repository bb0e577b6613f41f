import { z } from 'zod';
import { listQueryFields } from './list.ts';

/**
 * Public tips (举报, issue 13; 002 §四(三), 003 §四(三)): the contract the public intake, the office's handling and the
 * web share. Every tip is checked (有报必查) within a deadline by the level responsible and its result is published
 * without any tipster data. Anchors: GlobaLeaks/SecureDrop (receipt-code follow-up, no metadata kept) and the
 * 12369/12345 practice (routing, deadlines, published outcomes). ADR 0025.
 */

/** What a tip is about (issue 13 "About what"). */
export const TIP_MATTERS = ['hidden_capacity', 'resumed_production', 'equipment_moved', 'department_criterion', 'other'] as const;
export type TipMatter = (typeof TIP_MATTERS)[number];
export const TIP_MATTER_LABELS: Record<TipMatter, string> = {
  hidden_capacity: '隐瞒或少报落后产能',
  resumed_production: '封存或验收后恢复生产',
  equipment_moved: '淘汰设备转移异地',
  department_criterion: '能耗、环保、质量、安全、技术不达标',
  other: '其他',
};

/**
 * A tip's states (受理 / 核查 / 办结, GLOSSARY): `received` on filing (routed, the deadline runs), `verifying` once the
 * handling office accepts it, `concluding` when the handler has drafted the finding and the reply, `concluded` when
 * another account of the office approves them (nobody concludes what they drafted). The result is then published.
 */
export const TIP_STATUSES = ['received', 'verifying', 'concluding', 'concluded'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];
export const TIP_STATUS_LABELS: Record<TipStatus, string> = {
  received: '已受理待核查',
  verifying: '核查中',
  concluding: '办结待审定',
  concluded: '已办结',
};
/** `forward` (once, with a reason) and `extend` (once, with a reason) keep the state; `return` sends a draft back. */
export const TIP_EVENTS = ['accept', 'forward', 'extend', 'submit_conclusion', 'return', 'conclude'] as const;
export type TipEvent = (typeof TIP_EVENTS)[number];
export const TIP_EVENT_LABELS: Record<TipEvent, string> = {
  accept: '受理核查',
  forward: '转办',
  extend: '延期',
  submit_conclusion: '提交办结',
  return: '退回',
  conclude: '审定办结',
};

export const TIP_FINDINGS = ['substantiated', 'partly_substantiated', 'unsubstantiated'] as const;
export type TipFinding = (typeof TIP_FINDINGS)[number];
export const TIP_FINDING_LABELS: Record<TipFinding, string> = {
  substantiated: '属实',
  partly_substantiated: '部分属实',
  unsubstantiated: '不属实',
};

/** What a substantiated tip produced (issue 13 "Handling"): the link from a tip to the registry and the case. */
export const TIP_LINK_KINDS = ['registry_line', 'case', 'exit_task_reopened', 'relocation_flag', 'concealment'] as const;
export type TipLinkKind = (typeof TIP_LINK_KINDS)[number];
export const TIP_LINK_KIND_LABELS: Record<TipLinkKind, string> = {
  registry_line: '新增登记生产线',
  case: '不达标案件',
  exit_task_reopened: '重新开启退出任务（复产）',
  relocation_flag: '设备异地转移标记',
  concealment: '瞒报（纳入考核）',
};

export const TIP_IDENTITY_KINDS = ['anonymous', 'real_name'] as const;
export type TipIdentityKind = (typeof TIP_IDENTITY_KINDS)[number];
export const TIP_MESSAGE_AUTHORS = ['tipster', 'office', 'system'] as const;
export type TipMessageAuthor = (typeof TIP_MESSAGE_AUTHORS)[number];

/** Default working days for the check and the reply, when the region has not set its own (issue 13). */
export const TIP_DEFAULT_DEADLINE_WORKING_DAYS = 15;
/** Receipt codes: 20 characters from an alphabet without 0/O, 1/I/L (read off a phone, typed back), shown in groups of 4. */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT_CODE_LENGTH = 20;
/** Accepts the code with or without spaces/dashes, any case; the server normalises before hashing. */
export const ReceiptCode = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${RECEIPT_ALPHABET}]{${RECEIPT_CODE_LENGTH}}$`), '查询码格式不正确：应为 20 位字母和数字'));

/** The public form's fields (multipart: these as fields, files as `files`). Identity is optional: anonymous by default. */
export const PublicTipInput = z.object({
  enterpriseId: z.coerce.number().int().positive().optional(),
  enterpriseName: z.string().trim().max(200).optional(),
  address: z.string().trim().max(300).optional(),
  /** Down to the township (the region picker); a county code is allowed when the township is unknown. */
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/, '所在地区代码不正确'),
  matter: z.enum(TIP_MATTERS),
  /** When matter = department_criterion: which ground (CASE_CRITERIA), to route to that department. */
  criterion: z.string().optional(),
  /** The tip is about the officials of the place's own level: it goes to the level above. */
  aboutOfficials: z.coerce.boolean().optional(),
  content: z.string().trim().min(10, '举报内容至少 10 个字').max(5000, '举报内容不能超过 5000 字'),
  realName: z.string().trim().max(50).optional(),
  phone: z.string().trim().max(20).optional(),
  idNumber: z.string().trim().max(18).optional(),
});
export type PublicTipInput = z.infer<typeof PublicTipInput>;

/** Shown once after filing; only a slow hash of the code is stored. */
export const TipReceipt = z.object({ receiptCode: z.string(), deadline: z.string(), handlingRegionName: z.string() });
export type TipReceipt = z.infer<typeof TipReceipt>;

export const TipMessage = z.object({
  id: z.number().int(),
  author: z.enum(TIP_MESSAGE_AUTHORS),
  body: z.string(),
  at: z.string(),
});
export type TipMessage = z.infer<typeof TipMessage>;

/** What the holder of the receipt code sees: never the handler's name, never the identity. */
export const TipForTipster = z.object({
  status: z.enum(TIP_STATUSES),
  matter: z.enum(TIP_MATTERS),
  regionName: z.string(),
  filedOn: z.string(),
  deadline: z.string(),
  /** Counted through a year without holiday data (暂定, issue 10 §3): only weekends skipped. */
  deadlineProvisional: z.boolean(),
  finding: z.enum(TIP_FINDINGS).nullable(),
  reply: z.string().nullable(),
  messages: z.array(TipMessage),
});
export type TipForTipster = z.infer<typeof TipForTipster>;

/** A published result (公开): matter, place, finding, measures — no tipster data, no handler names. */
export const PublishedTipResult = z.object({
  id: z.number().int(),
  matter: z.enum(TIP_MATTERS),
  regionName: z.string(),
  /** Named only when the tip was substantiated (an unfounded accusation is not published against a name). */
  enterpriseName: z.string().nullable(),
  finding: z.enum(TIP_FINDINGS),
  measures: z.string(),
  concludedOn: z.string(),
});
export type PublishedTipResult = z.infer<typeof PublishedTipResult>;

// Office side (issue 13; tip-api.md "Office"): the handling office's list, detail, transitions, checks, links.
const tipIsoDate = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`);

export const TipListItem = z.object({
  id: z.number().int(),
  /** "JB" + year received + 6-digit id, e.g. JB2026000012. */
  no: z.string(),
  matter: z.enum(TIP_MATTERS),
  regionName: z.string(),
  enterpriseName: z.string().nullable(),
  status: z.enum(TIP_STATUSES),
  receivedOn: z.string(),
  deadline: z.string(),
  /** Counted through a year without holiday data (暂定, issue 10 §3): only weekends skipped. */
  deadlineProvisional: z.boolean(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  identityKind: z.enum(TIP_IDENTITY_KINDS),
  handlingRegionName: z.string(),
  handlingAgencyName: z.string().nullable(),
});
export type TipListItem = z.infer<typeof TipListItem>;

export const TipCheck = z.object({
  id: z.number().int(),
  checkedOn: z.string(),
  method: z.string(),
  inspectors: z.string(),
  findings: z.string(),
  files: z.array(z.object({ id: z.number().int(), name: z.string(), mime: z.string() })),
  recordedByName: z.string().nullable(),
});
export type TipCheck = z.infer<typeof TipCheck>;

export const TipLink = z.object({
  id: z.number().int(),
  kind: z.enum(TIP_LINK_KINDS),
  targetId: z.number().int().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  note: z.string().nullable(),
  /** What the link points at, readable: the line's name, the case's decision no, the exit task, the region. */
  label: z.string(),
});
export type TipLink = z.infer<typeof TipLink>;

export const Tip = TipListItem.extend({
  regionCode: z.string(),
  enterpriseId: z.number().int().nullable(),
  address: z.string().nullable(),
  content: z.string(),
  criterion: z.string().nullable(),
  aboutOfficials: z.boolean(),
  identityLabel: z.enum(['匿名举报', '实名举报（身份已封存）']),
  identityRevealed: z.boolean(),
  originalDeadline: z.string(),
  extensionReason: z.string().nullable(),
  forwardedFromRegionName: z.string().nullable(),
  forwardReason: z.string().nullable(),
  escalatedToRegionName: z.string().nullable(),
  finding: z.enum(TIP_FINDINGS).nullable(),
  reply: z.string().nullable(),
  measures: z.string().nullable(),
  concludedOn: z.string().nullable(),
  files: z.array(z.object({ id: z.number().int(), name: z.string(), mime: z.string(), source: z.string() })),
  checks: z.array(TipCheck),
  links: z.array(TipLink),
  messages: z.array(TipMessage.extend({ authorName: z.string().nullable() })),
  availableEvents: z.array(z.enum(TIP_EVENTS)),
  version: z.number().int(),
});
export type Tip = z.infer<typeof Tip>;

export const TipTransitionBody = z.object({
  event: z.enum(TIP_EVENTS, { error: '请选择操作' }),
  version: z.number().int(),
  reason: z.string().trim().max(2000, '理由不超过2000字').optional(),
  forwardTo: z.object({ regionCode: z.string().min(1, '请选择转办单位'), agencyId: z.number().int().positive().optional() }).optional(),
  extendDays: z.number().int('延期天数应为整数').min(1, '延期天数应为1至15个工作日').max(15, '延期天数应为1至15个工作日').optional(),
  finding: z.enum(TIP_FINDINGS, { error: '请选择核查结论' }).optional(),
  reply: z.string().trim().max(5000, '答复不超过5000字').optional(),
  measures: z.string().trim().max(5000, '处理措施不超过5000字').optional(),
});
export type TipTransitionBody = z.infer<typeof TipTransitionBody>;

/** The check's fields (multipart: these as fields, evidence files as `files`). */
export const TipCheckBody = z.object({
  checkedOn: tipIsoDate('核查日期'),
  method: z.string().trim().min(1, '请填写核查方式').max(200, '核查方式不超过200字'),
  inspectors: z.string().trim().min(1, '请填写核查人员').max(200, '核查人员不超过200字'),
  findings: z.string().trim().min(1, '请填写核查情况').max(5000, '核查情况不超过5000字'),
});
export type TipCheckBody = z.infer<typeof TipCheckBody>;

export const TipLinkBody = z.object({
  kind: z.enum(TIP_LINK_KINDS, { error: '请选择关联类型' }),
  targetId: z.number().int().positive().optional(),
  regionCode: z.string().optional(),
  note: z.string().trim().max(1000, '说明不超过1000字').optional(),
});
export type TipLinkBody = z.infer<typeof TipLinkBody>;

export const TipOfficeMessageBody = z.object({ body: z.string().trim().min(1, '请填写回复内容').max(5000, '回复内容不超过5000字') });
export type TipOfficeMessageBody = z.infer<typeof TipOfficeMessageBody>;

export const TipRevealBody = z.object({ reason: z.string().trim().min(1, '请填写查看理由').max(1000, '理由不超过1000字') });
export type TipRevealBody = z.infer<typeof TipRevealBody>;
export const TipIdentity = z.object({ name: z.string(), phone: z.string().nullable(), idNumber: z.string().nullable() });
export type TipIdentity = z.infer<typeof TipIdentity>;

export const TipSummary = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  escalatedToMe: z.number().int(),
  concludedThisYear: z.number().int(),
});
export type TipSummary = z.infer<typeof TipSummary>;

export const TipSettings = z.object({ regionCode: z.string(), deadlineWorkingDays: z.number().int(), isDefault: z.boolean() });
export type TipSettings = z.infer<typeof TipSettings>;
export const TipSettingsBody = z.object({
  deadlineWorkingDays: z.number({ error: '请填写办理期限' }).int('办理期限应为整数').min(1, '办理期限应为1至60个工作日').max(60, '办理期限应为1至60个工作日'),
});
export type TipSettingsBody = z.infer<typeof TipSettingsBody>;

/** The list's filters (also the export's): free text over the tip's enterprise, address and content. */
export const TipFilterQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(TIP_STATUSES).optional(),
  matter: z.enum(TIP_MATTERS).optional(),
  /** Not concluded and past the deadline. */
  overdue: z.enum(['true', 'false']).optional(),
  /** Escalated to the level above by the overdue sweep. */
  escalated: z.enum(['true', 'false']).optional(),
  /** The handling region's subtree (within the reader's scope). */
  regionCode: z.string().regex(/^\d{6}$/, '地区代码不正确').optional(),
});
export type TipFilterQuery = z.infer<typeof TipFilterQuery>;
// Sortable by the tip's number only: the primary key serves it.
export const TipQuery = TipFilterQuery.extend(listQueryFields({ id: '受理顺序' }, '-id'));
export type TipQuery = z.infer<typeof TipQuery>;
