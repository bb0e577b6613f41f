import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agency, appUser, enterprise, exitTask, line, nonComplianceCase, region, storedFile, tipCheck, tipFile, tipLink, tipMessage } from '../../db/schema/index.ts';

export type TipCheckRow = typeof tipCheck.$inferSelect;
export type TipLinkRow = typeof tipLink.$inferSelect;
export type TipMessageRow = typeof tipMessage.$inferSelect;
export type TipCheckFile = { id: number; name: string; mime: string };

/** What the office records on a tip (issue 13 "Handling"): checks, links, the thread, the files. */
export const tipRecordRepository = {
  checksOf(db: Db, tipId: number): Promise<TipCheckRow[]> {
    return db.select().from(tipCheck).where(eq(tipCheck.tipId, tipId)).orderBy(asc(tipCheck.id));
  },
  /** The links with what each points at, readable: the line's name, the case's decision no, the task's enterprise and line. */
  linksOf(db: Db, tipId: number): Promise<(TipLinkRow & { regionName: string | null; targetName: string | null })[]> {
    const taskLine = sql`(select e.name || ' ' || l.name from ${exitTask} t join ${line} l on l.id = t.line_id join ${enterprise} e on e.id = t.enterprise_id where t.id = ${tipLink.targetId})`;
    const targetName = sql<string | null>`case ${tipLink.kind}
      when 'registry_line' then (select e.name || ' ' || l.name from ${line} l join ${enterprise} e on e.id = l.enterprise_id where l.id = ${tipLink.targetId})
      when 'case' then (select c.decision_no from ${nonComplianceCase} c where c.id = ${tipLink.targetId})
      when 'exit_task_reopened' then ${taskLine}
      else null end`;
    return db
      .select({ ...tableColumns(tipLink), regionName: region.fullName, targetName })
      .from(tipLink)
      .leftJoin(region, eq(region.code, tipLink.regionCode))
      .where(eq(tipLink.tipId, tipId))
      .orderBy(asc(tipLink.id));
  },
  messagesOf(db: Db, tipId: number): Promise<TipMessageRow[]> {
    return db.select().from(tipMessage).where(eq(tipMessage.tipId, tipId)).orderBy(asc(tipMessage.at), asc(tipMessage.id));
  },
  filesOf(db: Db, tipId: number): Promise<{ id: number; name: string; mime: string; source: string }[]> {
    return db
      .select({ id: storedFile.id, name: storedFile.originalName, mime: storedFile.mime, source: tipFile.source })
      .from(tipFile)
      .innerJoin(storedFile, eq(storedFile.id, tipFile.storedFileId))
      .where(eq(tipFile.tipId, tipId))
      .orderBy(asc(tipFile.id));
  },
  async hasFile(db: Db, tipId: number, storedFileId: number): Promise<boolean> {
    const [row] = await db.select({ id: tipFile.id }).from(tipFile).where(and(eq(tipFile.tipId, tipId), eq(tipFile.storedFileId, storedFileId)));
    return Boolean(row);
  },
  async insertCheck(db: Db, row: typeof tipCheck.$inferInsert): Promise<TipCheckRow> {
    const [r] = await db.insert(tipCheck).values(row).returning();
    return r!;
  },
  async insertFile(db: Db, row: typeof tipFile.$inferInsert): Promise<void> {
    await db.insert(tipFile).values(row);
  },
  async insertLink(db: Db, row: typeof tipLink.$inferInsert): Promise<TipLinkRow> {
    const [r] = await db.insert(tipLink).values(row).returning();
    return r!;
  },
  async insertMessage(db: Db, row: typeof tipMessage.$inferInsert): Promise<TipMessageRow> {
    const [r] = await db.insert(tipMessage).values(row).returning();
    return r!;
  },
  async userNames(db: Db, ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await db.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async regionByCode(db: Db, code: string) {
    const [r] = await db.select().from(region).where(eq(region.code, code));
    return r ?? null;
  },
  /** A registry line's enterprise (a link checks the enterprise is in the actor's scope). */
  async lineEnterprise(db: Db, lineId: number): Promise<number | null> {
    const [r] = await db.select({ enterpriseId: line.enterpriseId }).from(line).where(eq(line.id, lineId));
    return r?.enterpriseId ?? null;
  },
  async agencyById(db: Db, id: number) {
    const [a] = await db.select().from(agency).where(eq(agency.id, id));
    return a ?? null;
  },
  /** Active office accounts to tell (the handling office, the level escalated to): group office (and leader) of the region, or the department. */
  async officeUsers(db: Db, to: { regionCode: string; agencyId: number | null; leaders?: boolean }): Promise<number[]> {
    const roles = to.agencyId === null ? (to.leaders ? ['group_office', 'leader'] : ['group_office']) : ['member_agency'];
    const rows = await db
      .select({ id: appUser.id })
      .from(appUser)
      .where(and(eq(appUser.regionCode, to.regionCode), eq(appUser.disabled, false), inArray(appUser.role, roles), to.agencyId === null ? undefined : eq(appUser.agencyId, to.agencyId)));
    return rows.map((r) => r.id);
  },
};

function tableColumns<T extends typeof tipLink>(t: T) {
  return {
    id: t.id,
    tipId: t.tipId,
    kind: t.kind,
    targetId: t.targetId,
    regionCode: t.regionCode,
    year: t.year,
    note: t.note,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
  };
}
