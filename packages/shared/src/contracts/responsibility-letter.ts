import { z } from 'zod';
import { listQueryFields } from './list.ts';
import { StoredFileInfo } from './stored-file.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

export const LETTER_STATUSES = ['drafted', 'signed'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = { drafted: '待签订', signed: '已签订' };
/** The letter's one event: filing the signed scan (签订). */
export const LETTER_EVENTS = ['sign'] as const;
export type LetterEvent = (typeof LETTER_EVENTS)[number];
export const LETTER_EVENT_LABELS: Record<LetterEvent, string> = { sign: '签订' };

export const LETTER_PARTY_KINDS = ['region', 'enterprise'] as const;
export type LetterPartyKind = (typeof LETTER_PARTY_KINDS)[number];

/** Signed scans: PDF, JPEG or PNG by content, at most this size. */
export const SIGNED_SCAN_MAX_BYTES = 20 * 1024 * 1024;

export const LetterParty = z.object({
  kind: z.enum(LETTER_PARTY_KINDS),
  regionCode: z.string(),
  enterpriseId: z.number().int().nullable(),
  /** As written in the letter: 郑州市人民政府, or the enterprise's name. */
  name: z.string(),
  uscc: z.string().nullable(),
});
export type LetterParty = z.infer<typeof LetterParty>;

/** One row of the target table: an industry's capacity to eliminate. */
export const LetterTargetRow = z.object({
  industryCode: z.string(),
  industryName: z.string(),
  quantity: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  enterpriseCount: z.number().int().nullable(),
  deadline: z.string(),
});
export type LetterTargetRow = z.infer<typeof LetterTargetRow>;

/** For an enterprise: the named lines behind its rows. */
export const LetterLineRow = z.object({
  lineId: z.number().int(),
  industryName: z.string(),
  lineName: z.string(),
  specification: z.string(),
  capacity: z.number(),
  unitName: z.string(),
  deadline: z.string(),
});
export type LetterLineRow = z.infer<typeof LetterLineRow>;

export const LetterSummary = z.object({
  id: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(LETTER_STATUSES),
  partyA: LetterParty,
  partyB: LetterParty,
  signedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type LetterSummary = z.infer<typeof LetterSummary>;

export const Letter = LetterSummary.extend({
  rows: z.array(LetterTargetRow),
  lines: z.array(LetterLineRow),
  obligations: z.string(),
  signDeadline: z.string().nullable(),
  signedFile: StoredFileInfo.nullable(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean(), sign: z.boolean() }),
  /** Events the current user may fire now (from the lifecycle machine). */
  availableEvents: z.array(z.enum(LETTER_EVENTS)),
});
export type Letter = z.infer<typeof Letter>;

/**
 * 甲方 is `partyARegionCode` (default: the actor's own region); 乙方 is a child region that received
 * targets from it, or (at county level) an enterprise whose lines it named. Give exactly one of the two.
 */
export const LetterCreateBody = z
  .object({
    year: z.number().int().min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年'),
    partyARegionCode: z.string().optional(),
    partyBRegionCode: z.string().optional(),
    partyBEnterpriseId: z.number().int().positive().optional(),
    /** Defaults to the standard text for the kind of 乙方; one paragraph per line. */
    obligations: z.string().trim().max(5000, '责任内容不超过5000字').optional(),
    signDeadline: isoDate.nullable().default(null),
  })
  .refine((b) => (b.partyBRegionCode ? 1 : 0) + (b.partyBEnterpriseId ? 1 : 0) === 1, {
    message: '乙方应为一个下级区划或一家企业（二选一）',
    path: ['partyBRegionCode'],
  });
export type LetterCreateBody = z.infer<typeof LetterCreateBody>;

/** Edits the text and refreshes the target table from the current decomposition (drafted letters only). */
export const LetterUpdateBody = z.object({
  obligations: z.string().trim().min(1, '请填写责任内容').max(5000, '责任内容不超过5000字'),
  signDeadline: isoDate.nullable().default(null),
  version: z.number().int(),
});
export type LetterUpdateBody = z.infer<typeof LetterUpdateBody>;

export const LetterFilterQuery = z.object({
  year: z.coerce.number().int().optional(),
  /** Letters where this region is 甲方 or where 乙方 sits in its subtree. */
  region: z.string().optional(),
  status: z.enum(LETTER_STATUSES).optional(),
});
// Sortable by the letter number only: the primary key serves it; the list joins both parties' regions.
export const LetterQuery = LetterFilterQuery.extend(listQueryFields({ id: '编号' }, '-id'));
export type LetterQuery = z.infer<typeof LetterQuery>;
