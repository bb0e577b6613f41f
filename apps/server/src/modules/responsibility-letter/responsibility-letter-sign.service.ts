import { rm } from 'node:fs/promises';
import { type LetterStatus, type Letter, type LifecycleEntry, SIGNED_SCAN_MAX_BYTES } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { SavedUpload } from '../../platform/documents/upload.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { checkUpload, openStoredFile, storeUpload, type UploadRule } from '../../platform/files/index.ts';
import { contactLine, documentSettingsFor } from '../office-settings/index.ts';
import { notApplicable, readHistory, refusalOf, runTransition, transitionFor } from '../../platform/lifecycle/index.ts';
import { letterMachine } from './responsibility-letter.machine.ts';
import { contentOf } from './responsibility-letter.presenter.ts';
import { letterRepository } from './responsibility-letter.repository.ts';
import { getLetter, readableLetter } from './responsibility-letter.service.ts';
import { renderLetterDocx } from './letter-docx.ts';

export const SIGNED_SCAN_RULE: UploadRule = {
  accept: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: SIGNED_SCAN_MAX_BYTES,
  what: '签字盖章的责任书扫描件',
};

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Checked before the upload is read, so a letter out of scope or already signed costs no upload. */
export async function assertSignable(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const l = await readableLetter(ctx.db, actor, id);
  const t = transitionFor(letterMachine, l.status as LetterStatus, 'sign');
  const refusal = t ? refusalOf(letterMachine, t, actor, l) : null;
  if (refusal) throw forbidden(refusal);
  if (!t) throw conflict(notApplicable(letterMachine, l.status as LetterStatus, 'sign'));
}

/**
 * Files the signed scan (PDF, JPEG or PNG by content, at most 20 MB) unchanged, records its sha256 and
 * marks the letter signed, all in one transaction with its audit entry.
 */
export async function signLetter(ctx: AppContext, actor: Actor, id: number, upload: SavedUpload): Promise<Letter> {
  try {
    const mime = await checkUpload(upload, SIGNED_SCAN_RULE);
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      const l = await readableLetter(tx, actor, id, true);
      const file = await storeUpload(tx, ctx.config.dataDir, actor.userId, upload, mime, now);
      await runTransition(tx, {
        machine: letterMachine,
        table: letterRepository.table,
        record: l,
        id,
        from: l.status as LetterStatus,
        event: 'sign',
        actor,
        now,
        regionCode: l.partyARegionCode,
        set: { signedFileId: file.id, signedAt: now, signedBy: actor.userId },
        payload: { file: { id: file.id, name: file.originalName, sha256: file.sha256, size: file.size, mime: file.mime } },
      });
    });
  } finally {
    // Moved into the store on success; otherwise the spooled copy goes.
    await rm(upload.path, { force: true });
  }
  return getLetter(ctx.db, actor, id);
}

/** The letter's timeline (履历): who filed the signed scan, when. Out of scope answers 404. */
export async function letterHistory(ctx: AppContext, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await readableLetter(ctx.db, actor, id);
  return readHistory(ctx.db, letterMachine, id);
}

export async function letterDocument(ctx: AppContext, actor: Actor, id: number): Promise<{ fileName: string; body: Buffer }> {
  const l = await readableLetter(ctx.db, actor, id);
  const c = contentOf(l);
  // 甲方's office is who the letter goes back to: its contact lines (office settings, issue 11) go in the 附注.
  const contact = c.partyA.regionCode ? contactLine(await documentSettingsFor(ctx.db, c.partyA.regionCode)) : '';
  return { fileName: `${c.title}（${c.partyA.name}—${c.partyB.name}）.docx`, body: await renderLetterDocx(c, contact) };
}

export async function signedScan(ctx: AppContext, actor: Actor, id: number) {
  const l = await readableLetter(ctx.db, actor, id);
  if (!l.signedFileId) throw notFound('签订的责任书扫描件');
  return openStoredFile(ctx.db, ctx.config.dataDir, l.signedFileId);
}
