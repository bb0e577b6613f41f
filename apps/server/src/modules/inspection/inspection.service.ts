import type {
  AddInspectionEnterprisesBody,
  InspectedLine,
  InspectionCandidate,
  InspectionRound,
  InspectionRoundBody,
  InspectionRoundStatus,
  InspectionRoundTransitionBody,
  InspectionRoundUpdateBody,
  LifecycleEntry,
  TeamMember,
  TeamMemberBody,
} from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor, RegionAncestry } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { availableEvents, readHistory, runTransition, STALE_STATE } from '../../platform/lifecycle/index.ts';
import { ancestryOf, type RegionRow, regionRepository } from '../region/index.ts';
import { inspectionPolicy } from './inspection.policy.ts';
import { presentLine, presentRecord, presentRoundSummary } from './inspection.presenter.ts';
import { type RoundRow, inspectionRepository as repo, type SubtreeColumn } from './inspection.repository.ts';
import { checkLeader } from './inspection-leader.ts';
import { acceptsConclusions, acceptsEnterprises, type RoundRecord, roundMachine, signer } from './inspection-round.machine.ts';

export interface RoundContext {
  round: RoundRow;
  region: RegionRow;
  place: RegionAncestry;
}

/** The enterprise column that equals a region's code for enterprises in its subtree. */
export function subtreeColumn(level: string): SubtreeColumn {
  if (level === 'province') return 'provinceCode';
  if (level === 'prefecture') return 'prefectureCode';
  if (level === 'county') return 'countyCode';
  return 'townshipCode';
}

/** The round if the actor may read it; out of scope answers exactly like a missing round. */
export async function readableRound(db: Db, actor: Actor, id: number): Promise<RoundContext> {
  const round = await repo.roundById(db, id);
  const region = round ? await regionRepository.byCode(db, round.regionCode) : null;
  if (!round || !region || !inspectionPolicy.canRead(actor, ancestryOf(region))) throw notFound('检查验收批次');
  return { round, region, place: ancestryOf(region) };
}

/** What the round machine's relations read (the leader's account among them). */
export const roundRecordOf = (c: RoundContext): RoundRecord => ({ place: c.place, createdBy: c.round.createdBy, leaderUserId: c.round.leaderUserId });

export async function writableRound(db: Db, actor: Actor, id: number): Promise<RoundContext> {
  const c = await readableRound(db, actor, id);
  if (!inspectionPolicy.canWrite(actor, c.place)) throw forbidden('只有本级或上级领导小组办公室可以组织检查验收');
  return c;
}

/** Team members come from the agencies of the round's region (the leading group's member agencies). */
async function resolveTeam(db: Db, regionCode: string, team: TeamMemberBody[]): Promise<TeamMember[]> {
  const agencies = new Map((await regionRepository.agenciesOf(db, regionCode)).map((a) => [a.id, a.name]));
  const fields: { path: string; message: string }[] = [];
  team.forEach((m, i) => {
    if (!agencies.has(m.agencyId)) fields.push({ path: `team.${i}.agencyId`, message: `检查组第${i + 1}名成员（${m.personName}）的单位不是本级成员单位` });
  });
  if (team.filter((m) => m.role === 'leader').length > 1) fields.push({ path: 'team', message: '检查组只能有一名组长' });
  if (fields.length) throw invalid(fields.map((f) => f.message).join('；'), fields);
  return team.map((m) => ({ agencyId: m.agencyId, agencyName: agencies.get(m.agencyId)!, personName: m.personName, role: m.role }));
}

function checkDates(startDate: string, endDate: string | null | undefined) {
  if (endDate && endDate < startDate) throw invalid('结束日期不能早于开始日期', [{ path: 'endDate', message: '结束日期不能早于开始日期' }]);
}

export async function getRound(db: Db, actor: Actor, id: number): Promise<InspectionRound> {
  const c = await readableRound(db, actor, id);
  const { round, region, place } = c;
  const records = await repo.recordsOfRound(db, id);
  const pendingIds = records.filter((r) => r.record.status === 'pending').map((r) => r.record.enterpriseId);
  const live = new Map<number, InspectedLine[]>();
  for (const t of pendingIds.length ? await repo.awaitingAcceptance(db, { enterpriseIds: pendingIds }) : []) {
    live.set(t.enterpriseId, [...(live.get(t.enterpriseId) ?? []), presentLine(t)]);
  }
  const status = round.status as InspectionRoundStatus;
  const write = inspectionPolicy.canWrite(actor, place);
  const concluded = records.filter((r) => r.record.status === 'concluded').length;
  // Records are concluded and opinions signed by the round's leader account only (issue 10 §2).
  const sign = signer(actor, roundRecordOf(c)) === null;
  const leaderName = round.leaderUserId === null ? null : await repo.accountName(db, round.leaderUserId);
  return {
    ...presentRoundSummary(round, region.name, { total: records.length, concluded }, leaderName),
    records: records.map((v) =>
      presentRecord(v, live.get(v.record.enterpriseId) ?? [], {
        conclude: sign && acceptsConclusions(status) && v.record.status === 'pending',
        remove: write && acceptsEnterprises(status) && v.record.status === 'pending',
        generateOpinion: write && v.record.status === 'concluded',
        uploadScan: sign && v.record.opinionStatus === 'drafted',
      }),
    ),
    abilities: { update: write && status !== 'concluded', addEnterprises: write && acceptsEnterprises(status), events: availableEvents(roundMachine, actor, roundRecordOf(c), status) },
  };
}

export async function createRound(db: Db, clock: Clock, actor: Actor, body: InspectionRoundBody): Promise<InspectionRound> {
  const regionCode = body.regionCode ?? actor.regionCode;
  const region = await regionRepository.byCode(db, regionCode);
  if (!region || !inspectionPolicy.canRead(actor, ancestryOf(region))) throw notFound('行政区划');
  if (!inspectionPolicy.canCreateFor(actor, regionCode)) throw forbidden('检查验收由本级领导小组办公室组织');
  checkDates(body.startDate, body.endDate);
  const now = clock.now();
  const id = await db.transaction(async (tx) => {
    const team = await resolveTeam(tx, regionCode, body.team);
    const leaderUserId = await checkLeader(tx, region, body.leaderUserId ?? null, actor.userId);
    const r = await repo.insertRound(tx, {
      regionCode,
      title: body.title,
      year: body.year,
      startDate: body.startDate,
      endDate: body.endDate ?? null,
      team,
      leaderUserId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, now, { action: 'inspection.create', entityType: 'inspection_round', entityId: r.id, regionCode, after: { title: r.title, year: r.year, team, leaderUserId } });
    return r.id;
  });
  return getRound(db, actor, id);
}

export async function updateRound(db: Db, clock: Clock, actor: Actor, id: number, body: InspectionRoundUpdateBody): Promise<InspectionRound> {
  checkDates(body.startDate, body.endDate);
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { round, region } = await writableRound(tx, actor, id);
    if (round.status === 'concluded') throw conflict('本批次检查已结束，不能再修改');
    const team = await resolveTeam(tx, round.regionCode, body.team);
    // Absent keeps the leader account; null clears it (a round in progress then waits until one is chosen).
    const leaderUserId = body.leaderUserId === undefined ? round.leaderUserId : await checkLeader(tx, region, body.leaderUserId, round.createdBy);
    const set = { title: body.title, year: body.year, startDate: body.startDate, endDate: body.endDate ?? null, team, leaderUserId, updatedAt: now };
    const r = await repo.updateRound(tx, id, body.version, set, round.status);
    if (!r) throw conflict(STALE_STATE);
    await recordAudit(tx, actor, now, {
      action: 'inspection.update',
      entityType: 'inspection_round',
      entityId: id,
      regionCode: round.regionCode,
      before: { title: round.title, year: round.year, startDate: round.startDate, endDate: round.endDate, team: round.team, leaderUserId: round.leaderUserId },
      after: { title: r.title, year: r.year, startDate: r.startDate, endDate: r.endDate, team, leaderUserId },
    });
  });
  return getRound(db, actor, id);
}

/** Starts or concludes a round through the one lifecycle step (who may, guard, version-locked guarded update, history, audit). */
export async function transitionRound(db: Db, clock: Clock, actor: Actor, id: number, body: InspectionRoundTransitionBody): Promise<InspectionRound> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const c = await readableRound(tx, actor, id);
    const { round } = c;
    const records = await repo.recordsOfRound(tx, id);
    const team = round.team as TeamMember[];
    await runTransition(tx, {
      machine: roundMachine,
      table: repo.roundTable,
      record: roundRecordOf(c),
      id,
      from: round.status as InspectionRoundStatus,
      event: body.event,
      actor,
      now,
      regionCode: round.regionCode,
      version: body.version,
      facts: {
        leaders: team.filter((m) => m.role === 'leader').length,
        leaderAccount: round.leaderUserId !== null,
        teamSize: team.length,
        records: records.length,
        pendingRecords: records.filter((r) => r.record.status === 'pending').length,
      },
    });
  });
  return getRound(db, actor, id);
}

/** The round's timeline (履历): formed, started, concluded, by whom. */
export async function roundHistory(db: Db, actor: Actor, id: number): Promise<LifecycleEntry[]> {
  await readableRound(db, actor, id);
  return readHistory(db, roundMachine, id);
}

/** Enterprises in the round's region whose exit tasks await acceptance and are not under inspection yet. */
export async function listCandidates(db: Db, actor: Actor, id: number): Promise<InspectionCandidate[]> {
  const { region } = await readableRound(db, actor, id);
  const tasks = await repo.awaitingAcceptance(db, { subtree: { column: subtreeColumn(region.level), code: region.code } });
  const enterpriseIds = [...new Set(tasks.map((t) => t.enterpriseId))];
  const busy = new Set((await repo.pendingEnterprises(db, enterpriseIds)).map((p) => p.enterpriseId));
  const enterprises = await repo.enterprisesByIds(db, enterpriseIds.filter((e) => !busy.has(e)));
  return enterprises.map((e) => ({
    enterpriseId: e.id,
    enterpriseName: e.name,
    uscc: e.uscc,
    regionCode: e.regionCode,
    lines: tasks.filter((t) => t.enterpriseId === e.id).map(presentLine),
  }));
}

export async function addEnterprises(db: Db, clock: Clock, actor: Actor, id: number, body: AddInspectionEnterprisesBody): Promise<InspectionRound> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { round, region } = await writableRound(tx, actor, id);
    if (!acceptsEnterprises(round.status as InspectionRoundStatus)) throw conflict('本批次检查已结束，不能再添加企业');
    const ids = [...new Set(body.enterpriseIds)];
    const awaiting = new Set(
      (await repo.awaitingAcceptance(tx, { subtree: { column: subtreeColumn(region.level), code: region.code }, enterpriseIds: ids })).map((t) => t.enterpriseId),
    );
    const busy = new Map((await repo.pendingEnterprises(tx, ids)).map((p) => [p.enterpriseId, p.roundId]));
    const names = new Map((await repo.enterprisesByIds(tx, ids)).map((e) => [e.id, e.name]));
    const problems: string[] = [];
    for (const e of ids) {
      // Named by number only: an enterprise outside the round's region may be outside the actor's scope too.
      if (!awaiting.has(e)) problems.push(`企业（编号${e}）不在本批次区划内或没有待验收的退出任务`);
      else if (busy.has(e)) problems.push(`${names.get(e)}已在检查验收批次（编号${busy.get(e)}）中待检查`);
    }
    if (problems.length) throw invalid(problems.join('；'), [{ path: 'enterpriseIds', message: problems.join('；') }]);
    const inserted = await repo.insertRecords(
      tx,
      ids.map((enterpriseId) => ({ roundId: id, enterpriseId, createdAt: now, updatedAt: now })),
    );
    await recordAudit(tx, actor, now, {
      action: 'inspection.add_enterprises',
      entityType: 'inspection_round',
      entityId: id,
      regionCode: round.regionCode,
      after: { records: inserted.map((r) => ({ id: r.id, enterpriseId: r.enterpriseId, enterpriseName: names.get(r.enterpriseId) })) },
    });
  });
  return getRound(db, actor, id);
}

export async function removeRecord(db: Db, clock: Clock, actor: Actor, id: number, recordId: number, version: number): Promise<InspectionRound> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { round } = await writableRound(tx, actor, id);
    const v = await repo.recordOfRound(tx, id, recordId);
    if (!v) throw notFound('检查记录');
    if (v.record.status !== 'pending') throw conflict('已作出验收结论的企业不能移出');
    if (!acceptsEnterprises(round.status as InspectionRoundStatus)) throw conflict('本批次检查已结束');
    if (!(await repo.deletePendingRecord(tx, recordId, version))) throw conflict(STALE_STATE);
    await recordAudit(tx, actor, now, {
      action: 'inspection.remove_enterprise',
      entityType: 'inspection_record',
      entityId: recordId,
      regionCode: round.regionCode,
      before: { roundId: id, enterpriseId: v.record.enterpriseId, enterpriseName: v.enterpriseName },
    });
  });
  return getRound(db, actor, id);
}
