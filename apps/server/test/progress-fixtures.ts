import { EVIDENCE_KINDS, type ProgressFigures, type ProgressPicture, type ProgressTotals, toQ } from '@taotai/shared';
import { expect } from 'vitest';
import { eliminationPlan, eliminationPlanLine, enterprise, exitTaskEvidence, line, storedFile } from '../src/db/schema/index.ts';
import type { RegionRow } from '../src/modules/region/index.ts';
import { ancestryOf, childRow, regionRepository } from '../src/modules/region/index.ts';
import { testUscc } from './enterprise-fixtures.ts';
import type { TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

type Rng = { next(): number; int(min: number, max: number): number; pick<T>(xs: readonly T[]): T };

/** Three industries in three different units, so a unit mix-up shows. */
export const INDUSTRY_UNITS: [industry: string, unit: string][] = [
  ['cement', 'wan_t'],
  ['coke', 'wan_t'],
  ['flat_glass', 'wan_weight_box'],
  ['dyeing', 'wan_m'],
];

/**
 * A random administrative tree under a fictitious province `9k0000`: prefectures with counties (some of
 * them 省直管县), townships and parks, and sometimes a prefecture with townships straight below it.
 */
export async function randomTree(t: TestApp, rng: Rng, k: number): Promise<RegionRow[]> {
  const rows: RegionRow[] = [];
  const province = childRow(`9${k}0000`, `测试省${k}`, 'province', null);
  rows.push(province);
  let parks = 0;
  for (let p = 1; p <= rng.int(1, 3); p++) {
    const pref = childRow(`9${k}${String(p).padStart(2, '0')}00`, `测试市${k}-${p}`, 'prefecture', province);
    rows.push(pref);
    if (rng.next() < 0.2) {
      for (let s = 1; s <= rng.int(1, 3); s++) rows.push(childRow(`${pref.code}${String(s).padStart(3, '0')}`, `直筒镇${p}-${s}`, 'township', pref));
      continue;
    }
    for (let c = 1; c <= rng.int(1, 3); c++) {
      const county = childRow(`9${k}${String(p).padStart(2, '0')}${String(c).padStart(2, '0')}`, `测试县${p}-${c}`, 'county', pref, rng.next() < 0.3);
      rows.push(county);
      for (let s = 1; s <= rng.int(0, 3); s++) rows.push(childRow(`${county.code}${String(100 + s)}`, `测试镇${p}-${c}-${s}`, 'township', county));
      if (rng.next() < 0.4) rows.push(childRow(`P9${k}${String(++parks).padStart(4, '0')}`, `测试园区${p}-${c}`, 'park', county));
    }
  }
  await regionRepository.insertMany(t.ctx.db, rows);
  return rows;
}

export interface ModelTask {
  id: number;
  enterpriseId: number;
  /** Country, then every ancestor code (as the task list filters). */
  ancestors: Set<string>;
  year: number;
  industry: string;
  unit: string;
  capacity: string;
  status: string;
  deadline: string | null;
}

let usccSerial = 700_000;

/** Enterprises at random counties, townships and parks, each with 1–3 lines of one industry. */
export async function randomEnterprises(t: TestApp, rng: Rng, tree: RegionRow[], n: number) {
  const places = tree.filter((r) => ['county', 'township', 'park'].includes(r.level));
  const now = t.clock.now();
  const out: { id: number; ancestors: Set<string>; lines: { id: number; industry: string; unit: string; capacity: string }[] }[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.pick(places);
    const a = ancestryOf(r);
    const [industry, unit] = rng.pick(INDUSTRY_UNITS);
    const [e] = await t.ctx.db
      .insert(enterprise)
      .values({
        uscc: testUscc(/^\d{6}/.test(r.code) ? r.code.slice(0, 6) : (a.countyCode ?? '410181'), usccSerial++),
        name: `随机企业${usccSerial}`,
        regionCode: r.code,
        provinceCode: a.provinceCode,
        prefectureCode: a.prefectureCode,
        countyCode: a.countyCode,
        townshipCode: a.townshipCode,
        industryCode: industry,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const lines = [];
    for (let j = 0; j < rng.int(1, 3); j++) {
      const capacity = (rng.int(1, 9_999_999) / 10_000).toFixed(4);
      const [l] = await t.ctx.db
        .insert(line)
        .values({ enterpriseId: e!.id, name: `随机生产线${j}`, capacity, capacityUnit: unit, industryCode: industry, criterion: 'technology', createdAt: now, updatedAt: now })
        .returning();
      lines.push({ id: l!.id, industry, unit, capacity });
    }
    const ancestors = new Set(['100000', ...[a.provinceCode, a.prefectureCode, a.countyCode, a.townshipCode, r.code].filter((c): c is string => c !== null)]);
    out.push({ id: e!.id, ancestors, lines });
  }
  return out;
}

/** An approved plan (inserted as approved) with the given lines; tasks are then made through the API. */
export async function approvedPlan(t: TestApp, regionCode: string, year: number, lines: { id: number; enterpriseId: number; industry: string; unit: string; capacity: string }[]) {
  const now = t.clock.now();
  const [plan] = await t.ctx.db
    .insert(eliminationPlan)
    .values({ regionCode, year, title: `${regionCode} ${year} 随机计划`, status: 'approved', createdAt: now, updatedAt: now, approvedAt: now })
    .returning();
  if (lines.length) {
    await t.ctx.db.insert(eliminationPlanLine).values(
      lines.map((l) => ({
        planId: plan!.id,
        lineId: l.id,
        enterpriseId: l.enterpriseId,
        exitDeadline: `${year}-12-31`,
        industryCode: l.industry,
        capacityUnit: l.unit,
        capacity: l.capacity,
        snapshot: {},
        addedAt: now,
      })),
    );
  }
  return plan!.id;
}

/** Every kind of evidence on each task, so any guard on files passes (the guards have their own tests). */
export async function attachAllEvidence(t: TestApp, taskIds: number[]) {
  const now = t.clock.now();
  const [f] = await t.ctx.db.insert(storedFile).values({ sha256: '0'.repeat(64), size: 1, mime: 'image/jpeg', originalName: 'x.jpg', uploadedAt: now }).returning();
  const rows = taskIds.flatMap((taskId) => EVIDENCE_KINDS.map((kind) => ({ taskId, kind, fileId: f!.id, uploadedAt: now })));
  for (let i = 0; i < rows.length; i += 500) await t.ctx.db.insert(exitTaskEvidence).values(rows.slice(i, i + 500));
}

/** A payload that satisfies the event's guard (deadline `deadline` for seal). */
export function payloadFor(event: string, deadline: string) {
  const dismantle = { legalRepresentative: '王法人', officials: ['赵干部'], destination: 'scrapped' };
  switch (event) {
    case 'seal':
      return { waterCut: true, powerCut: true, powerUnitsRemoved: true, equipmentSealed: true, dismantleDeadline: deadline };
    case 'dismantle':
      return dismantle;
    case 'reject':
      return { reason: '未拆除到位' };
    case 'resubmit':
      return { ...dismantle, reason: '已整改' };
    case 'close':
      return { orderNo: '测政〔2026〕1号', reason: '依法关闭' };
    default:
      return {};
  }
}

const STAGE: Record<string, keyof typeof STAGE_FIELDS> = {
  planned: 'planned',
  sealed: 'sealed',
  dismantled: 'dismantled',
  acceptance_requested: 'dismantled',
  rejected: 'dismantled',
  accepted: 'accepted',
  closed: 'closed',
};
const STAGE_FIELDS = { planned: null, sealed: 'sealed', dismantled: 'dismantled', accepted: 'accepted', closed: 'closed' } as const;

/** What the picture must say for a region and year, computed from the model alone (an independent oracle). */
export function expectedTotals(model: ModelTask[], code: string, year: number, today: string) {
  const tasks = model.filter((m) => m.year === year && m.ancestors.has(code));
  const figures = new Map<string, Record<string, number>>();
  for (const m of tasks) {
    const key = `${m.industry}|${m.unit}`;
    const f = figures.get(key) ?? { plannedTasks: 0, plannedQ: 0, sealedTasks: 0, sealedQ: 0, dismantledTasks: 0, dismantledQ: 0, acceptedTasks: 0, acceptedQ: 0, closedTasks: 0, closedQ: 0 };
    f.plannedTasks! += 1;
    f.plannedQ! += toQ(m.capacity);
    const s = STAGE_FIELDS[STAGE[m.status]!];
    if (s) {
      f[`${s}Tasks`]! += 1;
      f[`${s}Q`]! += toQ(m.capacity);
    }
    figures.set(key, f);
  }
  const byEnterprise = new Map<number, boolean>();
  for (const m of tasks) byEnterprise.set(m.enterpriseId, (byEnterprise.get(m.enterpriseId) ?? true) && (m.status === 'accepted' || m.status === 'closed'));
  return {
    figures,
    tasks: tasks.length,
    enterprisesPlanned: byEnterprise.size,
    enterprisesAccepted: [...byEnterprise.values()].filter(Boolean).length,
    overdueTasks: tasks.filter((m) => m.status === 'sealed' && m.deadline !== null && m.deadline < today).length,
  };
}

/** The picture's figures as exact integers (capacities in 1/10,000), keyed by industry|unit. */
export function figuresOf(p: Pick<ProgressTotals, 'figures'>) {
  const out = new Map<string, Record<string, number>>();
  for (const f of p.figures) {
    const key = `${f.industryCode}|${f.unit}`;
    expect(out.has(key), `figure ${key} appears twice`).toBe(false);
    if (f.plannedTasks === 0) continue; // a target without tasks
    out.set(key, {
      plannedTasks: f.plannedTasks,
      plannedQ: toQ(f.plannedCapacity),
      sealedTasks: f.sealedTasks,
      sealedQ: toQ(f.sealedCapacity),
      dismantledTasks: f.dismantledTasks,
      dismantledQ: toQ(f.dismantledCapacity),
      acceptedTasks: f.acceptedTasks,
      acceptedQ: toQ(f.acceptedCapacity),
      closedTasks: f.closedTasks,
      closedQ: toQ(f.closedCapacity),
    });
  }
  return out;
}

/** Σ of the children not flagged 省直管县 (the remainder row included), figure by figure. */
export function sumOfChildren(p: ProgressPicture) {
  const figures = new Map<string, Record<string, number>>();
  let tasks = 0;
  let enterprisesPlanned = 0;
  let enterprisesAccepted = 0;
  let overdueTasks = 0;
  for (const c of p.children.filter((x) => !x.directlyAdministered)) {
    for (const [key, f] of figuresOf(c)) {
      const cur = figures.get(key) ?? {};
      for (const [k, v] of Object.entries(f)) cur[k] = (cur[k] ?? 0) + v;
      figures.set(key, cur);
    }
    tasks += c.tasks;
    enterprisesPlanned += c.enterprisesPlanned;
    enterprisesAccepted += c.enterprisesAccepted;
    overdueTasks += c.overdueTasks;
  }
  return { figures, tasks, enterprisesPlanned, enterprisesAccepted, overdueTasks };
}

export const picture = (t: TestApp, cookie: string, region: string, year: number): Promise<ProgressPicture> =>
  call(t, cookie, { method: 'GET', url: `/api/v1/progress?region=${region}&year=${year}` });

export const figure = (p: Pick<ProgressTotals, 'figures'>, industry: string): ProgressFigures | undefined => p.figures.find((f) => f.industryCode === industry);

/**
 * Every number of a picture row opens the task list with the same filters, and the list's total and
 * capacity say the same (planned = every stage, so no stage filter; overdue = overdue=true).
 */
export async function expectListsMatch(t: TestApp, cookie: string, row: ProgressTotals, region: string | null, year: number) {
  const base = `/api/v1/exit-tasks?limit=1&year=${year}${region && region !== '100000' ? `&region=${region}` : ''}`;
  let checked = 0;
  for (const f of row.figures) {
    const cells: [string | null, number, number][] = [
      [null, f.plannedTasks, f.plannedCapacity],
      ['sealed', f.sealedTasks, f.sealedCapacity],
      ['dismantled', f.dismantledTasks, f.dismantledCapacity],
      ['accepted', f.acceptedTasks, f.acceptedCapacity],
      ['closed', f.closedTasks, f.closedCapacity],
    ];
    for (const [stage, tasks, capacity] of cells) {
      const page = await call(t, cookie, { method: 'GET', url: `${base}&industry=${f.industryCode}&unit=${f.unit}${stage ? `&stage=${stage}` : ''}` });
      const label = `${region} ${f.industryCode}/${f.unit} ${stage ?? 'all'}`;
      expect(page.total, label).toBe(tasks);
      expect(page.capacityByUnit, label).toEqual(tasks === 0 ? [] : [{ unit: f.unit, capacity }]);
      checked++;
    }
  }
  const overdue = await call(t, cookie, { method: 'GET', url: `${base}&overdue=true` });
  expect(overdue.total, `${region} overdue`).toBe(row.overdueTasks);
  return checked;
}
