import type { CreateWorkPlanBody, UpdateWorkPlanBody, WorkPlan, WorkPlanSummary, WorkPlanTemplateInfo } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { checkVersion, guardedEdit } from '../../platform/lifecycle/index.ts';
import { regionInActorScope, regionRepository } from '../region/index.ts';
import { reportingRepository } from '../reporting/index.ts';
import { type PhaseDates, type PhaseProblem, phaseListProblems, tighteningProblem } from './phase-rules.ts';
import { workPlanPolicy as policy } from './work-plan.policy.ts';
import { type ParentInfo, presentWorkPlan, presentWorkPlanSummary } from './work-plan.presenter.ts';
import { type PhaseRow, type WorkPlanView, workPlanRepository as repo } from './work-plan.repository.ts';
import { templatePhases, WORK_PLAN_TEMPLATES_DATA } from './templates.ts';


const refuse = (problems: PhaseProblem[]) => {
  if (problems.length) throw invalid(problems.map((p) => p.message).join('；'), problems);
};

export function listTemplates(): WorkPlanTemplateInfo[] {
  return Object.values(WORK_PLAN_TEMPLATES_DATA);
}

/** Codes of the actor's region and its reporting ancestors (the plans a unit works to). */
export async function actorChain(db: Db, actor: Actor): Promise<string[]> {
  return (await reportingRepository.chain(db, actor.regionCode)).map((r) => r.code);
}

/** The plan if the actor may read it, else 404 (out of scope looks like absent). */
async function readablePlan(db: Db, actor: Actor, id: number): Promise<WorkPlanView> {
  const plan = await repo.byId(db, id);
  const region = plan ? await regionRepository.byCode(db, plan.regionCode) : null;
  if (!plan || !region || !policy.canRead(actor, region, await actorChain(db, actor))) throw notFound('工作方案');
  return plan;
}

async function parentInfo(db: Db, plan: WorkPlanView): Promise<ParentInfo | null> {
  if (!plan.parentPlanId) return null;
  const parent = await repo.byId(db, plan.parentPlanId);
  if (!parent) return null;
  const phases = await repo.phasesOf(db, [parent.id]);
  return { regionCode: parent.regionCode, regionName: parent.regionName, phases: new Map(phases.map((p) => [p.id, p])) };
}

export async function presentPlan(db: Db, actor: Actor, plan: WorkPlanView): Promise<WorkPlan> {
  const phases = await repo.phasesOf(db, [plan.id]);
  return presentWorkPlan(plan, phases, await parentInfo(db, plan), policy.canWrite(actor, plan.regionCode));
}

export async function getPlan(db: Db, actor: Actor, id: number): Promise<WorkPlan> {
  return presentPlan(db, actor, await readablePlan(db, actor, id));
}

export async function listPlans(db: Db, actor: Actor, q: { region?: string; year?: number }): Promise<WorkPlanSummary[]> {
  const chain = await actorChain(db, actor);
  const plans = await repo.list(db, actor.scope, chain, q);
  const counts = await repo.phaseCounts(db, plans.map((p) => p.id));
  const parentIds = [...new Set(plans.map((p) => p.parentPlanId).filter((x): x is number => x !== null))];
  const parents = new Map<number, WorkPlanView>();
  for (const id of parentIds) {
    const p = await repo.byId(db, id);
    if (p) parents.set(id, p);
  }
  return plans.map((p) => {
    const parent = p.parentPlanId ? parents.get(p.parentPlanId) : undefined;
    return presentWorkPlanSummary(p, counts.get(p.id) ?? 0, parent ? { regionCode: parent.regionCode, regionName: parent.regionName } : null, policy.canWrite(actor, p.regionCode));
  });
}

/** The nearest plan of the year up the reporting chain (the region itself excluded). */
async function nearestUpperPlan(db: Db, regionCode: string, year: number): Promise<WorkPlanView | null> {
  const upper = (await reportingRepository.chain(db, regionCode)).slice(1).map((r) => r.code);
  const plans = await repo.ofRegions(db, upper, [year]);
  for (const code of upper) {
    const p = plans.find((x) => x.regionCode === code);
    if (p) return p;
  }
  return null;
}

type NewPhase = PhaseDates & { description: string; parentPhaseId: number | null };

/** Phases copied from the upper plan, each narrowed where the body says so. */
function copiedPhases(parentPhases: PhaseRow[], overrides: { parentPhaseId: number; startDate: string; endDate: string }[]): NewPhase[] {
  const byId = new Map(parentPhases.map((p) => [p.id, p]));
  const seen = new Set<number>();
  const problems: PhaseProblem[] = [];
  overrides.forEach((o, i) => {
    if (!byId.has(o.parentPhaseId)) problems.push({ path: `phases.${i}.parentPhaseId`, message: `第${i + 1}项不是上级方案的阶段` });
    if (seen.has(o.parentPhaseId)) problems.push({ path: `phases.${i}.parentPhaseId`, message: `第${i + 1}项与前面的阶段重复` });
    seen.add(o.parentPhaseId);
  });
  refuse(problems);
  const phases = parentPhases.map((pp) => {
    const o = overrides.find((x) => x.parentPhaseId === pp.id);
    return { name: pp.name, description: pp.description, startDate: o?.startDate ?? pp.startDate, endDate: o?.endDate ?? pp.endDate, parentPhaseId: pp.id };
  });
  refuse(phases.flatMap((p, i) => tighteningProblem(`phases.${i}`, p, byId.get(p.parentPhaseId)!) ?? []));
  return phases;
}

export async function createPlan(db: Db, clock: Clock, actor: Actor, body: CreateWorkPlanBody): Promise<WorkPlan> {
  const regionCode = body.regionCode ?? actor.regionCode;
  const r = await regionInActorScope(db, actor, regionCode);
  if (!policy.canWrite(actor, regionCode)) throw forbidden('只有本级领导小组办公室可以制定本级工作方案');
  if (await repo.byRegionYear(db, regionCode, body.year)) throw conflict(`${r.name}已有${body.year}年工作方案`);
  const upper = await nearestUpperPlan(db, regionCode, body.year);
  let phases: NewPhase[];
  if (body.source === 'parent') {
    if (!upper) throw invalid(`上级尚未制定${body.year}年工作方案，请按模板或自定义制定`, [{ path: 'source', message: '上级尚无工作方案' }]);
    phases = copiedPhases(await repo.phasesOf(db, [upper.id]), body.phases);
  } else {
    if (upper) {
      const message = `${upper.regionName}已制定${body.year}年工作方案，本级方案应依据上级方案制定（只能收紧各阶段时间）`;
      throw invalid(message, [{ path: 'source', message }]);
    }
    const list = body.source === 'template' ? templatePhases(body.template, body.year) : body.phases;
    phases = list.map((p) => ({ ...p, parentPhaseId: null }));
  }
  refuse(phaseListProblems(body.year, phases));
  const now = clock.now();
  const title = body.title || `${r.name}${body.year}年淘汰落后产能工作方案`;
  try {
    const id = await db.transaction(async (tx) => {
      const plan = await repo.insert(tx, {
        regionCode,
        year: body.year,
        title,
        origin: body.source,
        template: body.source === 'template' ? body.template : null,
        parentPlanId: body.source === 'parent' ? upper!.id : null,
        createdBy: actor.userId!,
        createdAt: now,
        updatedAt: now,
      });
      const rows = await repo.insertPhases(
        tx,
        phases.map((p, i) => ({ planId: plan.id, seq: i + 1, ...p })),
      );
      await recordAudit(tx, actor, now, { action: 'work_plan.create', entityType: 'work_plan', entityId: plan.id, regionCode, after: { plan, phases: rows } });
      return plan.id;
    });
    return getPlan(db, actor, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`${r.name}已有${body.year}年工作方案`);
    throw err;
  }
}

/** Checks the new phase list of a plan against its own upper plan and the plans copied from it. */
async function checkedPhaseList(db: Db, plan: WorkPlanView, current: PhaseRow[], body: UpdateWorkPlanBody): Promise<(NewPhase & { id?: number })[]> {
  const byId = new Map(current.map((p) => [p.id, p]));
  const problems: PhaseProblem[] = [];
  body.phases.forEach((p, i) => {
    if (p.id !== undefined && !byId.has(p.id)) problems.push({ path: `phases.${i}.id`, message: `第${i + 1}项阶段不属于本方案` });
  });
  refuse(problems);
  const derived = await repo.derivedPlans(db, plan.id);
  const frozen = plan.parentPlanId !== null || derived.length > 0;
  if (frozen) {
    const ids = body.phases.map((p) => p.id);
    const sameSet = ids.length === current.length && current.every((c) => ids.includes(c.id)) && new Set(ids).size === ids.length;
    const sameNames = body.phases.every((p) => p.id !== undefined && byId.get(p.id)!.name === p.name);
    if (!sameSet || !sameNames) {
      const why = plan.parentPlanId !== null ? '本方案依据上级方案制定' : `已有下级方案（${derived.map((d) => d.regionName).join('、')}）依据本方案制定`;
      throw invalid(`${why}，只能调整各阶段的时间，不能增删阶段或修改阶段名称`, [{ path: 'phases', message: '阶段不能增删或改名' }]);
    }
  }
  const next = body.phases.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    startDate: p.startDate,
    endDate: p.endDate,
    parentPhaseId: p.id !== undefined ? byId.get(p.id)!.parentPhaseId : null,
  }));
  refuse(phaseListProblems(plan.year, next));
  if (plan.parentPlanId !== null) {
    const parents = new Map((await repo.phasesOf(db, [plan.parentPlanId])).map((p) => [p.id, p]));
    refuse(next.flatMap((p, i) => (p.parentPhaseId && parents.has(p.parentPhaseId) ? (tighteningProblem(`phases.${i}`, p, parents.get(p.parentPhaseId)!) ?? []) : [])));
  }
  // A plan copied from this one must still fit: its office narrows first, then this one may narrow further.
  const nextById = new Map(next.filter((p) => p.id !== undefined).map((p) => [p.id!, p]));
  const childPhases = await repo.phasesOf(db, derived.map((d) => d.id));
  for (const c of childPhases) {
    const parent = c.parentPhaseId ? nextById.get(c.parentPhaseId) : undefined;
    if (parent && tighteningProblem('', c, parent)) {
      const d = derived.find((x) => x.id === c.planId)!;
      throw invalid(`${d.regionName}的工作方案中阶段“${c.name}”（${c.startDate}至${c.endDate}）将超出调整后的范围，请先调整下级方案`, [{ path: 'phases', message: '下级方案超出范围' }]);
    }
  }
  return next;
}

export async function updatePlan(db: Db, clock: Clock, actor: Actor, id: number, body: UpdateWorkPlanBody): Promise<WorkPlan> {
  const plan = await readablePlan(db, actor, id);
  if (!policy.canWrite(actor, plan.regionCode)) throw forbidden('只有本级领导小组办公室可以修改本级工作方案');
  checkVersion(plan.version, body.version);
  const current = await repo.phasesOf(db, [plan.id]);
  const next = await checkedPhaseList(db, plan, current, body);
  const now = clock.now();
  await db.transaction(async (tx) => {
    const locked = await repo.byIdForUpdate(tx, id);
    if (!locked) throw notFound('工作方案');
    checkVersion(locked.version, body.version);
    const keep = new Set(next.map((p) => p.id).filter((x) => x !== undefined));
    await repo.deletePhases(tx, current.filter((c) => !keep.has(c.id)).map((c) => c.id));
    const inserts: Parameters<typeof repo.insertPhases>[1] = [];
    for (const [i, p] of next.entries()) {
      const cols = { seq: i + 1, name: p.name, description: p.description, startDate: p.startDate, endDate: p.endDate };
      if (p.id !== undefined) await repo.updatePhase(tx, p.id, cols);
      else inserts.push({ planId: id, parentPhaseId: null, ...cols });
    }
    await repo.insertPhases(tx, inserts);
    // The plan's version moves with its phases (the row is locked above, so the order is safe).
    const phases = await repo.phasesOf(tx, [id]);
    await guardedEdit(tx, {
      table: repo.table,
      id,
      version: body.version,
      set: { title: body.title },
      actor,
      now,
      entityType: 'work_plan',
      regionCode: plan.regionCode,
      before: { title: plan.title, phases: current },
      after: () => ({ title: body.title, phases }),
    });
  });
  return getPlan(db, actor, id);
}
