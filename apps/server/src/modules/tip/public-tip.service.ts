import type { TipReceipt } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { sealText } from '../../platform/crypto/seal.ts';
import type { SavedUpload } from '../../platform/documents/upload.ts';
import { invalid } from '../../platform/errors.ts';
import { storeUpload } from '../../platform/files/index.ts';
import { parseTipFields } from './public-tip-input.ts';
import { publicTipRepository as repo } from './public-tip.repository.ts';
import { groupedReceiptCode, newReceiptCode, receiptHash } from './receipt-code.ts';
import { addTipWorkingDays, tipDeadlineDays } from './tip-deadline.ts';
import { discardUploads, type StrippedUpload, stripTipFiles } from './tip-intake-upload.ts';
import { resolveTipRoute } from './tip-routing.ts';

/**
 * The public side's audit subject: the public, with no address (issue 13 "What is never kept": audit rows for public
 * actions carry no IP, no User-Agent; `recordAudit` writes `who.ip`, so it is null here by construction).
 */
export const PUBLIC_SUBJECT = systemSubject('public');

/** 2026-03-23 → 2026年3月23日, as the tipster reads it. */
export const chineseDate = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

/** Stores the stripped copies and links them to the tip (inside the caller's transaction). */
export async function attachTipFiles(tx: AppContext['db'], ctx: AppContext, tipId: number, files: readonly StrippedUpload[], at: Date): Promise<void> {
  for (const f of files) {
    const row = await storeUpload(tx, ctx.config.dataDir, null, f, f.mime, at);
    await repo.insertFile(tx, tipId, row.id, 'tipster');
  }
}

/**
 * Files a public tip (issue 13 "Filing a tip"): validated, routed (tip-routing), its deadline counted in working days
 * from today in China, its identity sealed when given, its files stored only as stripped copies; tip, files, the
 * first system message and the audit entry in one transaction. Every check runs before anything is written, and the
 * spooled uploads are removed whatever happens. Returns the receipt code, shown once; only its slow hash is kept.
 */
export async function fileTip(ctx: AppContext, fields: Record<string, string>, uploads: SavedUpload[]): Promise<TipReceipt> {
  let stripped: StrippedUpload[] = [];
  try {
    const { input, criterion, identity } = parseTipFields(fields);
    const route = await resolveTipRoute(ctx.db, input.regionCode, { matter: input.matter, criterion, aboutOfficials: input.aboutOfficials });
    const company = input.enterpriseId ? await repo.enterpriseById(ctx.db, input.enterpriseId) : null;
    if (input.enterpriseId && !company) {
      throw invalid('被举报企业：所选企业不存在，请重新搜索选择，或直接填写企业名称', [{ path: 'enterpriseId', message: '所选企业不存在' }]);
    }
    stripped = await stripTipFiles(uploads, ctx.config.dataDir);
    const now = ctx.clock.now();
    const today = todayInChina(now);
    const deadline = await addTipWorkingDays(ctx.db, today, await tipDeadlineDays(ctx.db, route.handlingRegionCode));
    const identitySealed = identity ? sealText(ctx.sealKey, JSON.stringify(identity)) : null;
    for (let attempt = 0; ; attempt++) {
      const code = newReceiptCode();
      const hash = await receiptHash(ctx.receiptPepper, code);
      try {
        await ctx.db.transaction(async (tx) => {
          const row = await repo.insertTip(tx, {
            receiptHash: hash,
            regionCode: route.place.code,
            enterpriseId: company?.id ?? null,
            enterpriseName: input.enterpriseName || company?.name || null,
            address: input.address || null,
            matter: input.matter,
            criterion,
            aboutOfficials: input.aboutOfficials,
            content: input.content,
            identityKind: identity ? 'real_name' : 'anonymous',
            identitySealed,
            handlingRegionCode: route.handlingRegionCode,
            handlingAgencyId: route.handlingAgencyId,
            status: 'received',
            receivedOn: today,
            deadline,
            originalDeadline: deadline,
            createdAt: now,
            updatedAt: now,
          });
          await attachTipFiles(tx, ctx, row.id, stripped, now);
          await repo.insertMessage(tx, { tipId: row.id, author: 'system', body: `已受理，请在${chineseDate(deadline)}前凭查询码查看办理结果`, userId: null, at: now });
          // What was filed and where it went; nothing about who filed it or from where.
          await recordAudit(tx, PUBLIC_SUBJECT, now, {
            action: 'tip.filed',
            entityType: 'tip',
            entityId: row.id,
            regionCode: route.handlingRegionCode,
            after: {
              matter: row.matter,
              regionCode: row.regionCode,
              handlingRegionCode: row.handlingRegionCode,
              handlingAgencyId: row.handlingAgencyId,
              identityKind: row.identityKind,
              files: stripped.length,
              deadline,
            },
          });
        });
        return { receiptCode: groupedReceiptCode(code), deadline, handlingRegionName: route.handlingName };
      } catch (err) {
        if (attempt < 3 && isUniqueViolation(err)) continue;
        throw err;
      }
    }
  } finally {
    // Stored copies were moved into the blob store; anything left in the spool (originals, unstored copies) goes.
    await discardUploads([...uploads, ...stripped]);
  }
}
