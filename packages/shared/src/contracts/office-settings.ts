import { z } from 'zod';

/**
 * A region office's document settings (issue 11 "Official documents"): 版头, 发文字号's 机关代字, 落款, the contact
 * lines printed on its documents and 公示 (how to object), and the default 抄送. `version` 0: never saved, the
 * values shown are the defaults the documents use until then.
 */
export const OfficeDocumentSettings = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  letterhead: z.string(),
  numberPrefix: z.string(),
  signingOrgan: z.string(),
  contactPerson: z.string(),
  phone: z.string(),
  address: z.string(),
  email: z.string(),
  copyTo: z.array(z.string()),
  version: z.number().int(),
  /** Whether the office saved its own settings (false: defaults). */
  saved: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type OfficeDocumentSettings = z.infer<typeof OfficeDocumentSettings>;

const line = (what: string, max: number) => z.string().trim().max(max, `${what}不超过${max}字`);

export const OfficeDocumentSettingsBody = z.object({
  letterhead: line('版头（发文机关标志）', 40).min(2, '请填写版头（发文机关标志）'),
  numberPrefix: line('机关代字', 12).min(1, '请填写发文字号的机关代字'),
  signingOrgan: line('落款（发文机关署名）', 40).min(2, '请填写落款（发文机关署名）'),
  contactPerson: line('联系人', 20).default(''),
  phone: line('联系电话', 30)
    .regex(/^[0-9()（）\-\s转]*$/, '联系电话只能包含数字、括号、短横线和“转”')
    .default(''),
  address: line('地址', 100).default(''),
  email: z.union([z.literal(''), z.string().trim().max(100, '邮箱不超过100字').email('邮箱格式不正确')]).default(''),
  copyTo: z.array(line('抄送单位', 40).min(1, '抄送单位不能为空')).max(20, '抄送单位不超过20个').default([]),
  /** The version the user edited (0 when nothing was saved yet); another save in between answers 409. */
  version: z.number().int().min(0),
});
export type OfficeDocumentSettingsBody = z.infer<typeof OfficeDocumentSettingsBody>;
