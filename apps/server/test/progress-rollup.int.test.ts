import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../src/db/seeds/random.ts';
import { EXIT_TASK_TRANSITIONS } from '../src/modules/exit-task/index.ts';
import { progressMaintenance } from '../src/modules/progress/index.ts';
import { todayInChina } from '../src/platform/calendar/today.ts';
import type { RegionRow } from '../src/modules/region/index.ts';
import {
  approvedPlan,
  attachAllEvidence,
  expectedTotals,
  expectListsMatch,
  figuresOf,
  type ModelTask,
  payloadFor,
  picture,
  randomEnterprises,
  randomTree,
  sumOfChildren,
} from './progress-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

const YEARS = [2025, 2026];
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Property: over random region trees, random plans and random task transitions (through the API, so the
 * maintenance calls inside exit-task.service run), every picture equals an in-memory oracle, every parent
 * equals the sum of its children per unit, and the maintained rollup equals a rebuild from the base tables.
 */
describe('progress rollup over random trees and transitions', () => {
  let t: TestApp;
  let admin: string;
  const model: ModelTask[] = [];
  const trees: RegionRow[][] = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const fireRandom = async (rng: ReturnType<typeof prng>, steps: number) => {
    const today = todayInChina(t.clock.now());
    for (let i = 0; i < steps; i++) {
      const m = rng.pick(model);
      // `reopen` is fired only from a tip's link (its rollups are checked in tip-handling.int.test.ts), never on this route.
      const events = EXIT_TASK_TRANSITIONS.filter((x) => x.from === m.status && x.event !== 'reopen');
      if (events.length === 0) continue;
      const e = rng.pick(events);
      const deadline = addDays(today, rng.int(0, 40));
      const body = await call(t, admin, { method: 'POST', url: `/api/v1/exit-tasks/${m.id}/transitions`, payload: { event: e.event, payload: payloadFor(e.event, deadline) } });
      expect(body.status).toBe(e.to);
      m.status = e.to;
      if (e.event === 'seal') m.deadline = deadline;
    }
  };

  const makeTasks = async (planId: number, lines: { id: number; enterpriseId: number; ancestors: Set<string>; industry: string; unit: string; capacity: string }[], year: number) => {
    const res = await call(t, admin, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${planId}` });
    expect(res.created).toBe(lines.length);
    const ids: number[] = [];
    for (const task of res.tasks as { id: number; lineId: number }[]) {
      const l = lines.find((x) => x.id === task.lineId)!;
      model.push({ id: task.id, enterpriseId: l.enterpriseId, ancestors: l.ancestors, year, industry: l.industry, unit: l.unit, capacity: l.capacity, status: 'planned', deadline: null });
      ids.push(task.id);
    }
    await attachAllEvidence(t, ids);
  };

  for (const k of [1, 2, 3]) {
    it(`tree ${k}: tasks from plans at province and prefecture level, then random transitions`, async () => {
      const rng = prng(4242 + k);
      const tree = await randomTree(t, rng, k);
      trees.push(tree);
      const ents = await randomEnterprises(t, rng, tree, rng.int(6, 14));
      const all = ents.flatMap((e) => e.lines.map((l) => ({ ...l, enterpriseId: e.id, ancestors: e.ancestors })));
      // First plans: the province, one per year, each taking a random share of the lines.
      const later = new Map<number, typeof all>();
      for (const year of YEARS) {
        const chosen = all.filter(() => rng.next() < 0.5);
        const first = chosen.filter(() => rng.next() < 0.7);
        later.set(year, chosen.filter((l) => !first.includes(l)));
        await makeTasks(await approvedPlan(t, tree[0]!.code, year, first), first, year);
      }
      await fireRandom(rng, 60);
      // A prefecture's own plan later adds tasks to enterprises that may already be all done.
      for (const year of YEARS) {
        const pref = tree.find((r) => r.level === 'prefecture')!;
        const more = later.get(year)!.filter((l) => l.ancestors.has(pref.code));
        await makeTasks(await approvedPlan(t, pref.code, year, more), more, year);
      }
      await fireRandom(rng, 60);
      // The rollup is right after this tree's plans and transitions, not only once all trees are built.
      const today = todayInChina(t.clock.now());
      for (const year of YEARS) {
        const p = await picture(t, admin, tree[0]!.code, year);
        const want = expectedTotals(model, tree[0]!.code, year, today);
        expect(figuresOf(p), `${tree[0]!.code} ${year}`).toEqual(want.figures);
        expect([p.tasks, p.enterprisesPlanned, p.enterprisesAccepted], `${tree[0]!.code} ${year}`).toEqual([want.tasks, want.enterprisesPlanned, want.enterprisesAccepted]);
      }
      expect(model.filter((m) => tree.some((r) => m.ancestors.has(r.code))).length).toBeGreaterThan(0);
    });
  }

  it('answers every region of every tree as the oracle says, and each parent is the sum of its children', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 20 * 86_400_000));
    admin = await t.login('admin');
    const today = todayInChina(t.clock.now());
    expect(model.some((m) => m.status === 'sealed' && m.deadline! < today)).toBe(true);
    expect(new Set(model.map((m) => m.status)).size).toBeGreaterThanOrEqual(5);
    const codes = ['100000', ...trees.flat().map((r) => r.code)];
    const seen = { ownLevel: 0, directlyAdministered: 0, enterprisesAccepted: 0, overdue: 0 };
    for (const year of YEARS) {
      for (const code of codes) {
        const p = await picture(t, admin, code, year);
        const want = expectedTotals(model, code, year, today);
        const label = `${code} ${year}`;
        seen.ownLevel += p.children.filter((c) => c.ownLevel).length;
        seen.directlyAdministered += p.children.filter((c) => c.directlyAdministered && c.tasks > 0).length;
        seen.enterprisesAccepted += p.enterprisesAccepted;
        seen.overdue += p.overdueTasks;
        expect(figuresOf(p), label).toEqual(want.figures);
        expect({ tasks: p.tasks, ep: p.enterprisesPlanned, ea: p.enterprisesAccepted, od: p.overdueTasks }, label).toEqual({
          tasks: want.tasks,
          ep: want.enterprisesPlanned,
          ea: want.enterprisesAccepted,
          od: want.overdueTasks,
        });
        if (p.children.length > 0) {
          const sum = sumOfChildren(p);
          expect(sum.figures, `children of ${label}`).toEqual(figuresOf(p));
          expect([sum.tasks, sum.enterprisesPlanned, sum.enterprisesAccepted, sum.overdueTasks], `children of ${label}`).toEqual([
            p.tasks,
            p.enterprisesPlanned,
            p.enterprisesAccepted,
            p.overdueTasks,
          ]);
        }
        // A 省直管县 shown under its province says exactly what its own picture says.
        for (const d of p.children.filter((c) => c.directlyAdministered)) {
          const own = expectedTotals(model, d.code, year, today);
          expect(figuresOf(d), `${d.code} under ${label}`).toEqual(own.figures);
        }
      }
    }
    // The random data reached the cases that matter: county-level enterprises, 省直管县, finished enterprises, overdue tasks.
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(0);
  });

  it('matches the task list (total and capacity per unit) for each province and its children, overdue included', async () => {
    let overdue = 0;
    for (const year of YEARS) {
      for (const tree of trees) {
        const p = await picture(t, admin, tree[0]!.code, year);
        await expectListsMatch(t, admin, p, p.regionCode, year);
        overdue += p.overdueTasks;
        for (const c of p.children.filter((x) => !x.ownLevel)) await expectListsMatch(t, admin, c, c.code, year);
      }
    }
    expect(overdue).toBeGreaterThan(0);
  });

  it('keeps the maintained rollup equal to a rebuild from the base tables', async () => {
    const maintained = await progressMaintenance.snapshot(t.ctx.db);
    expect(maintained.rollup.length).toBeGreaterThan(50);
    const res = await call(t, admin, { method: 'POST', url: '/api/v1/progress/rebuild' });
    expect(res.rollupRows).toBe(maintained.rollup.length);
    const rebuilt = await progressMaintenance.snapshot(t.ctx.db);
    expect(rebuilt).toEqual(maintained);
    const office = await t.login('ha-office');
    expect((await t.request({ method: 'POST', url: '/api/v1/progress/rebuild', cookie: office })).statusCode).toBe(403);
  });
});
