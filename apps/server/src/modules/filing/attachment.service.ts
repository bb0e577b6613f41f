import { rm } from 'node:fs/promises';
import type { StoredFileInfo } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { SavedUpload } from '../../platform/documents/upload.ts';
import { notFound } from '../../platform/errors.ts';
import { checkUpload, filesRepository, openStoredFile, presentStoredFile, storeUpload, type UploadRule } from '../../platform/files/index.ts';
import { filingRepository } from './filing.repository.ts';
import { loadFiling } from './filing.service.ts';

/** Attachments of filings (signed scans) and site-verification photos: PDF, JPEG or PNG by content, ≤ 20 MB. */
export const FILING_ATTACHMENT_RULE: UploadRule = {
  accept: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 20 * 1024 * 1024,
  what: '报送附件或现场照片',
};

/** Stores an upload for the user to attach to a filing or a verification afterwards (by id). */
export async function uploadAttachment(ctx: AppContext, actor: Actor, upload: SavedUpload): Promise<StoredFileInfo> {
  try {
    const mime = await checkUpload(upload, FILING_ATTACHMENT_RULE);
    const now = ctx.clock.now();
    const row = await ctx.db.transaction(async (tx) => {
      const file = await storeUpload(tx, ctx.config.dataDir, actor.userId, upload, mime, now);
      await recordAudit(tx, actor, now, {
        action: 'filing.attachment_upload',
        entityType: 'stored_file',
        entityId: file.id,
        regionCode: actor.regionCode,
        after: { name: file.originalName, sha256: file.sha256, size: file.size, mime: file.mime },
      });
      return file;
    });
    return presentStoredFile(row);
  } finally {
    await rm(upload.path, { force: true });
  }
}

/**
 * A file the actor uploaded, or one attached to a filing (or verification) the actor may read;
 * anything else is 404, like a file that does not exist.
 */
export async function openAttachment(ctx: AppContext, actor: Actor, id: number) {
  const row = await filesRepository.byId(ctx.db, id);
  if (!row) throw notFound('文件');
  if (row.uploadedBy !== actor.userId) {
    let readable = false;
    for (const filingId of await filingRepository.filingsUsingFile(ctx.db, id)) {
      readable = await loadFiling(ctx.db, ctx.clock, actor, filingId).then(
        () => true,
        () => false,
      );
      if (readable) break;
    }
    if (!readable) throw notFound('文件');
  }
  return openStoredFile(ctx.db, ctx.config.dataDir, id);
}
