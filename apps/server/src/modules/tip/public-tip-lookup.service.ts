import { ReceiptCode, type PublishedTipResult, type TipForTipster, type TipMessage } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getCalendar } from '../../platform/calendar/calendar.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { enforce, hitRate, type RateRule } from '../../platform/http/rate-limit.ts';
import { refusalOf } from './public-tip-input.ts';
import { type TipMessageRow, type TipRow, publicTipRepository as repo } from './public-tip.repository.ts';
import { attachTipFiles, PUBLIC_SUBJECT } from './public-tip.service.ts';
import { receiptHash } from './receipt-code.ts';
import { tipDeadlineProvisional } from './tip-deadline.ts';
import { discardUploads, stripTipFiles, TIP_MAX_FILES } from './tip-intake-upload.ts';
import type { SavedUpload } from '../../platform/documents/upload.ts';

/** Wrong and unknown codes get the same answer (issue 13 "Bad input"): nothing tells a guesser which codes exist. */
export const NO_TIP = '查询码不存在或有误';
const noTip = () => new AppError(404, 'not_found', NO_TIP);

/**
 * Per code (issue 13): ten tries per code per hour, whoever makes them — a code being guessed from many addresses is
 * stopped too. The bucket is keyed by the code's slow hash, never the code.
 */
export const TIP_CODE_RULE: RateRule = { name: 'tip-code', windowMs: 3_600_000, slowAfter: 10, refuseAfter: 10, message: '该查询码的查询过于频繁，请一小时后再试' };

/** Validates the code, counts the try against it, and finds its tip (or the one 404). */
async function tipByCode(ctx: AppContext, rawCode: unknown): Promise<TipRow> {
  const parsed = ReceiptCode.safeParse(rawCode ?? undefined);
  if (!parsed.success) throw refusalOf(parsed.error, 'code');
  const hash = await receiptHash(ctx.receiptPepper, parsed.data);
  await enforce(ctx.clock, [{ hit: await hitRate(ctx.db, ctx.clock, TIP_CODE_RULE, `code:${hash}`), message: TIP_CODE_RULE.message }]);
  const tip = await repo.byReceiptHash(ctx.db, hash);
  if (!tip) throw noTip();
  return tip;
}

const presentMessage = (m: TipMessageRow): TipMessage => ({ id: m.id, author: m.author as TipMessage['author'], body: m.body, at: m.at.toISOString() });

/** What the holder of the code sees: status, deadline, and the finding and reply once concluded (never a draft). */
export async function lookupTip(ctx: AppContext, code: unknown): Promise<TipForTipster> {
  const tip = await tipByCode(ctx, code);
  const concluded = tip.status === 'concluded';
  return {
    status: tip.status as TipForTipster['status'],
    matter: tip.matter as TipForTipster['matter'],
    regionName: await repo.regionFullName(ctx.db, tip.regionCode),
    filedOn: tip.receivedOn,
    deadline: tip.deadline,
    deadlineProvisional: tipDeadlineProvisional(await getCalendar(ctx.db), tip.receivedOn, tip.deadline),
    finding: concluded ? (tip.finding as TipForTipster['finding']) : null,
    reply: concluded ? tip.reply : null,
    messages: (await repo.messagesOf(ctx.db, tip.id)).map(presentMessage),
  };
}

/** The tipster adds to the thread (text, optionally stripped files) until the tip is concluded. */
export async function postTipsterMessage(ctx: AppContext, fields: Record<string, string>, uploads: SavedUpload[]): Promise<TipMessage> {
  try {
    const tip = await tipByCode(ctx, fields.code);
    const body = (fields.body ?? '').trim();
    if (!body) throw invalid('留言内容：请填写', [{ path: 'body', message: '请填写留言内容' }]);
    if (body.length > 2000) throw invalid('留言内容：不能超过 2000 字', [{ path: 'body', message: '不能超过 2000 字' }]);
    if (tip.status === 'concluded') throw conflict('该举报已办结，不能再补充');
    const already = await repo.countTipsterFiles(ctx.db, tip.id);
    if (already + uploads.length > TIP_MAX_FILES * 2) throw invalid('附件：每件举报补充的附件总数不能超过 10 个', [{ path: 'files', message: '附件过多' }]);
    const stripped = await stripTipFiles(uploads, ctx.config.dataDir, already + 1);
    uploads.push(...stripped);
    const now = ctx.clock.now();
    return await ctx.db.transaction(async (tx) => {
      const m = await repo.insertMessage(tx, { tipId: tip.id, author: 'tipster', body, userId: null, at: now });
      await attachTipFiles(tx, ctx, tip.id, stripped, now);
      await recordAudit(tx, PUBLIC_SUBJECT, now, {
        action: 'tip.tipster_message',
        entityType: 'tip',
        entityId: tip.id,
        regionCode: tip.handlingRegionCode,
        after: { messageId: m.id, files: stripped.length },
      });
      return presentMessage(m);
    });
  } finally {
    await discardUploads(uploads);
  }
}

/** Published results (公开): no tipster data, no handler; the enterprise named only when the tip was (partly) substantiated. */
export async function publishedResults(ctx: AppContext, q: { page?: number | undefined; pageSize?: number | undefined; regionCode?: string | undefined }) {
  const pageSize = Math.min(Math.max(q.pageSize ?? 20, 1), 100);
  const page = Math.max(q.page ?? 1, 1);
  const { rows, total } = await repo.published(ctx.db, { regionCode: q.regionCode, limit: pageSize, offset: (page - 1) * pageSize });
  const items: PublishedTipResult[] = rows.map((r) => ({
    id: r.id,
    matter: r.matter as PublishedTipResult['matter'],
    regionName: r.regionName,
    enterpriseName: r.finding === 'unsubstantiated' ? null : r.enterpriseName,
    finding: r.finding as PublishedTipResult['finding'],
    measures: r.measures ?? '',
    concludedOn: r.concludedOn ?? '',
  }));
  return { items, total };
}

export const enterpriseNames = async (ctx: AppContext, q: string) => ({ items: await repo.enterpriseNames(ctx.db, q.trim(), 10) });
