import type { FiltersOf, Letter, LetterCreateBody, LetterQuery, LetterStatus, LetterSummary, LetterUpdateBody, ListPage } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { type Actor, LEVEL_COLUMN } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { filesRepository } from '../../platform/files/index.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { availableEvents, checkVersion, guardedEdit } from '../../platform/lifecycle/index.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { type RegionRow, regionRepository } from '../region/index.ts';
import { targetPolicy } from '../target/index.ts';
import { buildContent, type PartyB } from './letter-content.service.ts';
import { letterMachine } from './responsibility-letter.machine.ts';
import { type LetterRegions, letterPolicy } from './responsibility-letter.policy.ts';
import { presentLetter, presentLetterSummary } from './responsibility-letter.presenter.ts';
import { type LetterListFilter, type LetterRow, letterRepository } from './responsibility-letter.repository.ts';


async function regionsOf(db: Db, l: LetterRow): Promise<LetterRegions | null> {
  const [a, b] = await Promise.all([regionRepository.byCode(db, l.partyARegionCode), regionRepository.byCode(db, l.partyBScopeRegionCode)]);
  return a && b ? { partyA: a, partyBScope: b } : null;
}

/** The letter if the actor may read it; otherwise 404, the same as an id that does not exist. */
export async function readableLetter(db: Db, actor: Actor, id: number, lock = false): Promise<LetterRow> {
  const l = lock ? await letterRepository.byIdForUpdate(db, id) : await letterRepository.byId(db, id);
  const regions = l ? await regionsOf(db, l) : null;
  if (!l || !regions || !letterPolicy.canRead(actor, l, regions)) throw notFound('目标责任书');
  return l;
}

const partyBOf = (l: LetterRow): PartyB => (l.partyBRegionCode ? { regionCode: l.partyBRegionCode } : { enterpriseId: l.partyBEnterpriseId! });

export async function getLetter(db: Db, actor: Actor, id: number): Promise<Letter> {
  const l = await readableLetter(db, actor, id);
  const file = l.signedFileId ? await filesRepository.byId(db, l.signedFileId) : null;
  return presentLetter(l, file, letterPolicy.abilities(actor, l), availableEvents(letterMachine, actor, l, l.status as LetterStatus));
}

/** The list's filters, scoped (a region out of scope: 404): shared by the list and its export. */
export async function letterFilter(db: Db, actor: Actor, q: FiltersOf<LetterQuery>): Promise<LetterListFilter> {
  let region: LetterListFilter['region'];
  if (q.region) {
    const r = await regionRepository.byCode(db, q.region);
    if (!r || !targetPolicy.canReadRegion(actor, r)) throw notFound('行政区划');
    region = { column: LEVEL_COLUMN[r.level], code: r.code };
  }
  return {
    scope: actor.scope.column === 'all' ? null : { column: actor.scope.column, code: actor.scope.code },
    enterpriseId: actor.role === 'enterprise' ? (actor.enterpriseId ?? 0) : null,
    region,
    year: q.year,
    status: q.status,
  };
}

export async function listLetters(db: Db, actor: Actor, q: LetterQuery): Promise<ListPage<LetterSummary>> {
  const w = pageWindow(q, 20);
  const afterId = idCursor(w.cursor);
  const filter = await letterFilter(db, actor, q);
  const [rows, total] = await Promise.all([
    letterRepository.page(db, filter, { afterId, descending: q.sort === '-id', offset: w.offset }, w.size + 1),
    w.withTotal ? letterRepository.count(db, filter) : null,
  ]);
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.id));
  return { items: page.map(presentLetterSummary), nextCursor, total, page: w.page, pageSize: w.size };
}

async function draftingRegion(db: Db, actor: Actor, code: string): Promise<RegionRow> {
  const a = await regionRepository.byCode(db, code);
  if (!a || !targetPolicy.canReadRegion(actor, a)) throw notFound('行政区划');
  if (!letterPolicy.canDraft(actor, { partyARegionCode: a.code })) throw forbidden(`只有${a.name}领导小组办公室可以拟定以其为甲方的责任书`);
  return a;
}

/** Drafts the letter between 甲方 (the actor's region by default) and a child region or a named enterprise. */
export async function createLetter(db: Db, clock: Clock, actor: Actor, body: LetterCreateBody): Promise<Letter> {
  const a = await draftingRegion(db, actor, body.partyARegionCode ?? actor.regionCode);
  const partyB: PartyB = body.partyBRegionCode ? { regionCode: body.partyBRegionCode } : { enterpriseId: body.partyBEnterpriseId! };
  const built = await buildContent(db, actor, body.year, a, partyB, { obligations: body.obligations, signDeadline: body.signDeadline });
  const exists = `${a.name}与${built.content.partyB.name}的${body.year}年目标责任书已存在`;
  const now = clock.now();
  const row = await db
    .transaction(async (tx) => {
      if (await letterRepository.byParties(tx, body.year, a.code, partyB)) throw conflict(exists);
      const created = await letterRepository.insert(tx, {
        year: body.year,
        partyARegionCode: a.code,
        partyBRegionCode: built.partyBRegionCode,
        partyBEnterpriseId: built.partyBEnterpriseId,
        partyBScopeRegionCode: built.partyBScopeRegionCode,
        title: built.content.title,
        obligations: built.content.obligations,
        signDeadline: body.signDeadline,
        content: built.content,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, actor, now, {
        action: 'responsibility_letter.create',
        entityType: 'responsibility_letter',
        entityId: created.id,
        regionCode: a.code,
        after: { partyA: built.content.partyA.name, partyB: built.content.partyB.name, year: body.year, rows: built.content.rows },
      });
      return created;
    })
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict(exists) : err;
    });
  return getLetter(db, actor, row.id);
}

/** Edits the duties and refreshes the table from the current decomposition; signed letters never change. */
export async function updateLetter(db: Db, clock: Clock, actor: Actor, id: number, body: LetterUpdateBody): Promise<Letter> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const before = await readableLetter(tx, actor, id, true);
    if (!letterPolicy.canDraft(actor, before)) throw forbidden('只有甲方领导小组办公室可以修改责任书');
    if (before.status !== 'drafted') throw conflict('责任书已签订，不能修改');
    checkVersion(before.version, body.version);
    const a = (await regionRepository.byCode(tx, before.partyARegionCode))!;
    const built = await buildContent(tx, actor, before.year, a, partyBOf(before), { obligations: body.obligations, signDeadline: body.signDeadline });
    const pick = (l: LetterRow) => ({ obligations: l.obligations, signDeadline: l.signDeadline, content: l.content });
    await guardedEdit<LetterRow>(tx, {
      table: letterRepository.table,
      id,
      version: body.version,
      // Only a draft changes: a letter signed meanwhile answers 409 like any other move under the user.
      where: letterRepository.isDraft,
      set: { obligations: body.obligations, signDeadline: body.signDeadline, content: built.content },
      actor,
      now,
      entityType: 'responsibility_letter',
      regionCode: before.partyARegionCode,
      before: pick(before),
      after: pick,
    });
  });
  return getLetter(db, actor, id);
}

export async function deleteLetter(db: Db, clock: Clock, actor: Actor, id: number, version: number): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const l = await readableLetter(tx, actor, id, true);
    if (!letterPolicy.canDraft(actor, l)) throw forbidden('只有甲方领导小组办公室可以删除责任书');
    if (l.status !== 'drafted') throw conflict('责任书已签订，不能删除');
    checkVersion(l.version, version);
    await letterRepository.delete(tx, id);
    await recordAudit(tx, actor, now, { action: 'responsibility_letter.delete', entityType: 'responsibility_letter', entityId: id, regionCode: l.partyARegionCode, before: l });
  });
}
