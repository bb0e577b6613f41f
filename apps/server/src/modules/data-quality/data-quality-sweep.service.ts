import type { DataQualityRecheckResult } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { type Actor, LEVEL_COLUMN, systemActor } from '../../platform/access/actor.ts';
import { type AuditSubject, recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { runTransition } from '../../platform/lifecycle/index.ts';
import { stoppedLinesUnresolved } from '../department-list/index.ts';
import { ancestryOf, type RegionRow, regionInActorScope } from '../region/index.ts';
import { capacityOutliers, type DecomposedPart, duplicateEnterprises, type Finding, reconcileTarget } from './data-quality-rules.ts';
import { sweepRepository as repo } from './data-quality-sweep.repository.ts';
import { flagMachine } from './data-quality.machine.ts';
import { dataQualityRepository, type FlagRow } from './data-quality.repository.ts';
import { surveyFindings } from './survey-reconcile.ts';

/** Who resolves a swept flag whose finding is gone: the platform, whoever started the sweep. */
const SWEEP = systemActor('data_quality_sweep', '系统复查');

type Ancestry = { provinceCode: string; prefectureCode: string | null; countyCode: string | null; townshipCode: string | null };

/** Everything the rules find in a province (or the country): the same whoever runs the sweep. */
async function findAll(db: Db, province: string | null, today: string): Promise<Finding[]> {
  const out: Finding[] = [];
  const targets = await repo.targets(db, province);
  const over = await repo.overAllocated(db);
  const children = new Map<number, DecomposedPart[]>();
  for (const t of targets) if (t.parentTargetId !== null) children.set(t.parentTargetId, [...(children.get(t.parentTargetId) ?? []), t]);
  const named = new Map<number, DecomposedPart[]>();
  for (const l of await repo.namedLines(db, targets.map((t) => t.id))) named.set(l.targetId, [...(named.get(l.targetId) ?? []), l]);
  for (const t of targets) {
    const facts = { ...t, overAllocationDeclared: over.has(t.id) };
    const f = children.has(t.id) ? reconcileTarget(facts, children.get(t.id)!, 'targets') : reconcileTarget(facts, named.get(t.id) ?? [], 'lines');
    if (f) out.push(f);
  }
  for (const e of await repo.enterprisesWithoutLines(db, province)) {
    out.push({
      checkKey: `no_lines:enterprise:${e.id}`,
      kind: 'enterprise_without_lines',
      regionCode: e.regionCode,
      entityType: 'enterprise',
      entityId: e.id,
      message: `${e.name}（${e.uscc}）已登记但没有任何生产线（设备），请补录或核实是否应登记`,
      details: {},
    });
  }
  for (const l of await repo.linesWithoutBasis(db, province)) {
    out.push({
      checkKey: `no_basis:line:${l.lineId}`,
      kind: 'line_without_basis',
      regionCode: l.regionCode,
      entityType: 'line',
      entityId: l.lineId,
      message: `${l.enterpriseName}“${l.lineName}”未选择《产业结构调整指导目录》等判定依据，也未填写依据说明`,
      details: { enterpriseId: l.enterpriseId },
    });
  }
  out.push(...capacityOutliers((await repo.lineCapacities(db, province)).map((l) => ({ ...l, capacity: Number(l.capacity) }))));
  out.push(...duplicateEnterprises(await repo.enterprises(db, province)));
  out.push(...(await surveyFindings(db, province)));
  for (const l of await stoppedLinesUnresolved(db, province, today)) {
    const why = l.deadline ? `停产整改期限${l.deadline}已过` : '已停产（安全生产不达标）';
    out.push({
      checkKey: `stopped_line:line:${l.lineId}`,
      kind: 'stopped_line_unresolved',
      regionCode: l.regionCode,
      entityType: 'line',
      entityId: l.lineId,
      message: `${l.enterpriseName}“${l.lineName}”${why}，既未整改合格也未列入淘汰计划，应整改或列入淘汰（002 §二(一)6）`,
      details: { enterpriseId: l.enterpriseId, caseId: l.caseId },
    });
  }
  return out;
}

const under = (root: RegionRow | null, a: Ancestry) => !root || a[LEVEL_COLUMN[root.level] ?? 'townshipCode'] === root.code;

/**
 * Runs every sweep rule for a region's subtree (null = the country) in one transaction: raises a flag for
 * each new finding, resolves with a system note each open swept flag that no longer turns up, and raises
 * anew (resolving the old one) a finding whose figures changed. Re-running changes nothing.
 */
export async function sweepFlags(db: Db, now: Date, who: AuditSubject, root: RegionRow | null): Promise<DataQualityRecheckResult> {
  const province = root?.provinceCode ?? null;
  const findings = await findAll(db, province, todayInChina(now));
  const regions = new Map((await repo.regions(db, [...new Set(findings.map((f) => f.regionCode))])).map((r) => [r.code, r]));
  const mine = findings.filter((f) => regions.has(f.regionCode) && under(root, ancestryOf(regions.get(f.regionCode)!)));
  const byKey = new Map(mine.map((f) => [f.checkKey, f]));
  const today = todayInChina(now);
  let raised = 0;
  let resolved = 0;
  await db.transaction(async (tx) => {
    const open = (await repo.openSwept(tx, province)).filter((o) => under(root, o));
    const keep = new Set<string>();
    for (const o of open) {
      const f = byKey.get(o.checkKey!);
      if (f && f.message === o.message) {
        keep.add(o.checkKey!);
        continue;
      }
      const note = f ? `系统复查（${today}）：数据已变化，已按最新数据重新标记` : `系统复查（${today}）：问题已不存在，自动处理`;
      // The one lifecycle step, as the platform: history and audit with the note; a flag resolved meanwhile is skipped.
      const moved = await runTransition(tx, {
        machine: flagMachine,
        table: dataQualityRepository.table,
        // The sweep's relation looks at the actor only; the open row's columns are what this query read.
        record: o as unknown as FlagRow,
        id: o.id,
        from: 'open',
        event: 'auto_resolve',
        actor: SWEEP,
        now,
        regionCode: o.regionCode,
        reason: note,
        set: { resolvedBy: null, resolvedAt: now, resolutionNote: note },
        payload: { note, triggeredBy: who.username },
      }).catch((e: unknown) => (e instanceof AppError && e.statusCode === 409 ? null : Promise.reject(e)));
      if (!moved) continue;
      resolved++;
    }
    for (const f of mine) {
      if (keep.has(f.checkKey)) continue;
      const a = ancestryOf(regions.get(f.regionCode)!);
      const id = await repo.insertOnce(tx, { ...a, regionCode: f.regionCode, kind: f.kind, entityType: f.entityType, entityId: f.entityId, message: f.message, details: f.details, checkKey: f.checkKey, raisedBy: null, raisedAt: now });
      if (id === null) continue;
      raised++;
      await recordAudit(tx, who, now, { action: 'data_quality.raise', entityType: 'data_quality_flag', entityId: id, regionCode: f.regionCode, after: { kind: f.kind, entityType: f.entityType, entityId: f.entityId, message: f.message } });
    }
  });
  return { regionCode: root?.code ?? '', raised, resolved, stillOpen: mine.length };
}

/** 重新检查: a group office (or the admin) sweeps its own region's subtree now. */
export async function recheckFlags(db: Db, clock: Clock, actor: Actor, regionCode: string | undefined): Promise<DataQualityRecheckResult> {
  if (actor.role !== 'group_office' && actor.role !== 'admin') throw forbidden('只有领导小组办公室可以重新检查数据质量');
  const root = !regionCode && actor.scope.column === 'all' ? null : await regionInActorScope(db, actor, regionCode ?? actor.regionCode);
  return sweepFlags(db, clock.now(), actor, root);
}

/** The daily job: the whole country, as the system. */
export const runDataQualitySweep = (db: Db, clock: Clock) => sweepFlags(db, clock.now(), systemSubject('data_quality_sweep'), null);

const lastRun = new WeakMap<Db, string>();

/**
 * Called with the 10-minute reminders: sweeps on the first tick after a start, then once per Beijing date (the
 * sweep is idempotent, so a second run the same day would change nothing anyway).
 */
export async function runDailyDataQualitySweep(ctx: { db: Db; clock: Clock }): Promise<DataQualityRecheckResult | null> {
  const today = todayInChina(ctx.clock.now());
  if (lastRun.get(ctx.db) === today) return null;
  const r = await runDataQualitySweep(ctx.db, ctx.clock);
  lastRun.set(ctx.db, today);
  return r;
}
