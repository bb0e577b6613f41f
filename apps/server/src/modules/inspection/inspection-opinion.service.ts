import { rm } from 'node:fs/promises';
import { type InspectedLine, type InspectionConclusion, type InspectionRound, OPINION_SCAN_MAX_BYTES, type TeamMember } from '@taotai/shared';
import JSZip from 'jszip';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { SavedUpload } from '../../platform/documents/upload.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { checkUpload, openStoredFile, storeUpload, type UploadRule } from '../../platform/files/index.ts';
import { contactLine, documentNumberOf, documentSettingsFor } from '../office-settings/index.ts';
import { inspectionPolicy } from './inspection.policy.ts';
import { type RecordView, inspectionRepository as repo } from './inspection.repository.ts';
import { getRound, type RoundContext, readableRound, roundRecordOf } from './inspection.service.ts';
import { signer } from './inspection-round.machine.ts';
import { type OpinionContent, renderOpinionDocx } from './opinion-docx.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const OPINION_KIND = 'inspection_opinion';

export const OPINION_SCAN_RULE: UploadRule = {
  accept: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: OPINION_SCAN_MAX_BYTES,
  what: '签发盖章的验收意见扫描件',
};

interface Opinion {
  fileName: string;
  body: Buffer;
}

/**
 * Gives a concluded record its document number the first time its opinion is generated (numbered per
 * region and issuing year); later generations keep it. Inside the caller's transaction, with audit.
 */
async function numberOpinion(tx: Db, actor: Actor, c: RoundContext, recordId: number, now: Date): Promise<RecordView> {
  const locked = await repo.lockRecord(tx, recordId);
  const v = locked && locked.roundId === c.round.id ? await repo.recordOfRound(tx, c.round.id, recordId) : null;
  if (!v) throw notFound('检查记录');
  if (v.record.status !== 'concluded') throw conflict(`${v.enterpriseName}尚未作出验收结论，不能生成验收意见`);
  if (v.record.opinionNumber) return v;
  if (!inspectionPolicy.canWrite(actor, c.place)) throw forbidden('验收意见由组织检查的领导小组办公室生成');
  const year = Number(todayInChina(v.record.concludedAt!).slice(0, 4));
  const n = await repo.nextDocumentNumber(tx, c.round.regionCode, year, OPINION_KIND);
  // 机关代字 from the office's document settings (issue 11), read when the number is given and then kept.
  const number = documentNumberOf((await documentSettingsFor(tx, c.round.regionCode)).numberPrefix, year, n);
  await repo.setOpinionNumber(tx, recordId, number, now);
  await recordAudit(tx, actor, now, {
    action: 'inspection.opinion_generate',
    entityType: 'inspection_record',
    entityId: recordId,
    regionCode: c.round.regionCode,
    before: { opinionStatus: v.record.opinionStatus },
    after: { opinionStatus: 'drafted', documentNumber: number },
  });
  return { ...v, record: { ...v.record, opinionNumber: number, opinionStatus: 'drafted' } };
}

async function contentOf(db: Db, c: RoundContext, v: RecordView): Promise<OpinionContent> {
  // 版头, 落款, contacts and default 抄送 as the office set them (or today's defaults), read for every generation.
  const s = await documentSettingsFor(db, c.round.regionCode);
  const r = v.record;
  return {
    issuingBody: s.letterhead,
    signingOrgan: s.signingOrgan,
    contact: contactLine(s),
    copyTo: s.copyTo,
    documentNumber: r.opinionNumber!,
    title: `关于${v.enterpriseName}淘汰落后产能检查验收的意见`,
    enterpriseName: v.enterpriseName,
    uscc: v.uscc,
    roundTitle: c.round.title,
    inspectedOn: r.inspectedOn!,
    team: c.round.team as TeamMember[],
    lines: (r.lines as InspectedLine[] | null) ?? [],
    checklist: { equipmentDismantled: r.equipmentDismantled, powerCut: r.powerCut, destinationDocumented: r.destinationDocumented, workersPlaced: r.workersPlaced },
    notes: r.notes,
    conclusion: r.conclusion as InspectionConclusion,
    reasons: r.reasons,
    date: todayInChina(r.concludedAt!),
  };
}

const fileNameOf = (v: RecordView, number: string) => `${number}-${v.enterpriseName}验收意见.docx`.replace(/[\\/:*?"<>|]/g, '_');

export async function generateOpinion(ctx: AppContext, actor: Actor, roundId: number, recordId: number): Promise<Opinion> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await readableRound(tx, actor, roundId);
    const v = await numberOpinion(tx, actor, c, recordId, now);
    return { fileName: fileNameOf(v, v.record.opinionNumber!), body: await renderOpinionDocx(await contentOf(tx, c, v)) };
  });
}

/** Every concluded record of the round, one .docx each, in a .zip (numbers assigned in record order). */
export async function generateBatch(ctx: AppContext, actor: Actor, roundId: number): Promise<Opinion> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await readableRound(tx, actor, roundId);
    const concluded = (await repo.recordsOfRound(tx, roundId)).filter((r) => r.record.status === 'concluded');
    if (concluded.length === 0) throw conflict('本批次还没有作出验收结论的企业，无法批量生成验收意见');
    const zip = new JSZip();
    for (const r of concluded) {
      const v = await numberOpinion(tx, actor, c, r.record.id, now);
      zip.file(fileNameOf(v, v.record.opinionNumber!), await renderOpinionDocx(await contentOf(tx, c, v)));
    }
    const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    return { fileName: `${c.round.title}-验收意见（${concluded.length}份）.zip`, body };
  });
}

/** The signed opinion is filed by the round's leader account only (issue 10 §2); out of scope stays 404. */
async function signableRound(db: Db, actor: Actor, roundId: number): Promise<RoundContext> {
  const c = await readableRound(db, actor, roundId);
  const refusal = signer(actor, roundRecordOf(c));
  if (refusal) throw forbidden(refusal);
  return c;
}

/** Checked before the upload is read, so a record out of scope or without an opinion costs no upload. */
export async function assertScanUploadable(ctx: AppContext, actor: Actor, roundId: number, recordId: number): Promise<void> {
  const c = await signableRound(ctx.db, actor, roundId);
  const v = await repo.recordOfRound(ctx.db, c.round.id, recordId);
  if (!v) throw notFound('检查记录');
  if (v.record.opinionStatus === 'none') throw conflict('请先生成验收意见，再上传签发盖章的扫描件');
  if (v.record.opinionStatus === 'signed') throw conflict('验收意见的签发扫描件已上传');
}

/** Files the signed scan (PDF, JPEG or PNG by content) unchanged and marks the opinion signed, with audit. */
export async function uploadSignedScan(ctx: AppContext, actor: Actor, roundId: number, recordId: number, upload: SavedUpload): Promise<InspectionRound> {
  try {
    const mime = await checkUpload(upload, OPINION_SCAN_RULE);
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      const c = await signableRound(tx, actor, roundId);
      const v = await repo.recordOfRound(tx, c.round.id, recordId);
      if (!v) throw notFound('检查记录');
      const file = await storeUpload(tx, ctx.config.dataDir, actor.userId, upload, mime, now);
      if (!(await repo.markOpinionSigned(tx, recordId, file.id, now))) {
        throw conflict(v.record.opinionStatus === 'signed' ? '验收意见的签发扫描件已上传' : '请先生成验收意见，再上传签发盖章的扫描件');
      }
      await recordAudit(tx, actor, now, {
        action: 'inspection.opinion_sign',
        entityType: 'inspection_record',
        entityId: recordId,
        regionCode: c.round.regionCode,
        before: { opinionStatus: v.record.opinionStatus },
        after: { opinionStatus: 'signed', documentNumber: v.record.opinionNumber, file: { id: file.id, name: file.originalName, sha256: file.sha256, size: file.size, mime: file.mime } },
      });
    });
  } finally {
    // Moved into the store on success; otherwise the spooled copy goes.
    await rm(upload.path, { force: true });
  }
  return getRound(ctx.db, actor, roundId);
}

export async function signedScan(ctx: AppContext, actor: Actor, roundId: number, recordId: number) {
  const c = await readableRound(ctx.db, actor, roundId);
  const v = await repo.recordOfRound(ctx.db, c.round.id, recordId);
  if (!v?.record.opinionSignedFileId) throw notFound('验收意见签发扫描件');
  return openStoredFile(ctx.db, ctx.config.dataDir, v.record.opinionSignedFileId);
}
