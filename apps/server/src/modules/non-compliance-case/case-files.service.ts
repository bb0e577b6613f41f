import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Case, CaseFileRef, CaseStatus } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { SavedUpload } from '../../platform/documents/upload.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { checkUpload, openStoredFile, type StoredFileRow, storeUpload, type UploadRule } from '../../platform/files/index.ts';
import { guardedEdit } from '../../platform/lifecycle/index.ts';
import { CASE_STATE_LABELS, caseMachine } from './non-compliance-case.machine.ts';
import { caseRecordOf, isOpenCase } from './non-compliance-case.presenter.ts';
import { type CaseView, caseRepository } from './non-compliance-case.repository.ts';
import { getCase, readableCase } from './non-compliance-case.service.ts';

/** Evidence of a case (检查笔录, 监测报告, 复查照片): PDF or photos, kept unchanged under their hash (ADR 0010). */
export const CASE_FILE_RULE: UploadRule = { accept: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 20 * 1024 * 1024, what: '案件证据材料' };
export const CASE_FILE_KINDS = { finding: '立案证据', reinspection: '复查证据' } as const;
export type CaseFileKind = keyof typeof CASE_FILE_KINDS;

/** Checked before the upload is read: the opening department, on an open case (others 404/403/409 at no upload cost). */
export async function assertCaseUploadable(db: Db, actor: Actor, id: number): Promise<CaseView> {
  const v = await readableCase(db, actor, id);
  const refusal = caseMachine.relations.department!(actor, caseRecordOf(v));
  if (refusal) throw forbidden('证据材料由立案部门上传');
  if (!isOpenCase(v.c.status)) throw conflict(`案件当前为“${CASE_STATE_LABELS[v.c.status as CaseStatus]}”，不能再上传证据材料`);
  return v;
}

/** Files the evidence unchanged and lists it on the case, under the case's version, audited in one transaction. */
export async function addCaseFile(db: Db, clock: Clock, dataDir: string, actor: Actor, id: number, kind: CaseFileKind, upload: SavedUpload): Promise<Case> {
  try {
    const mime = await checkUpload(upload, CASE_FILE_RULE);
    const now = clock.now();
    await db.transaction(async (tx) => {
      await caseRepository.lock(tx, id);
      const v = await assertCaseUploadable(tx, actor, id);
      const file = await storeUpload(tx, dataDir, actor.userId, upload, mime, now);
      const ref: CaseFileRef = { fileId: file.id, kind, name: file.originalName };
      await guardedEdit(tx, {
        table: caseRepository.table,
        id,
        version: v.c.version,
        set: { files: [...((v.c.files ?? []) as CaseFileRef[]), ref] },
        actor,
        now,
        entityType: caseMachine.entityType,
        action: 'non_compliance_case.add_file',
        regionCode: v.regionCode,
        after: () => ({ file: { id: file.id, name: file.originalName, sha256: file.sha256, kind } }),
      });
    });
  } finally {
    await rm(upload.path, { force: true });
  }
  return getCase(db, clock, actor, id);
}

/** One evidence file of a case in reach (a photo as a re-encoded copy without location, ADR 0010). */
export async function caseFile(db: Db, dataDir: string, actor: Actor, id: number, fileId: number): Promise<{ row: StoredFileRow; stream: Readable }> {
  const v = await readableCase(db, actor, id);
  if (!((v.c.files ?? []) as CaseFileRef[]).some((f) => f.fileId === fileId)) throw notFound('证据材料');
  return openStoredFile(db, dataDir, fileId);
}
