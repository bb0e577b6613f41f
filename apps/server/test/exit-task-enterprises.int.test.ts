import type { ExitTaskEnterprisePage, ExitTaskPage, ProgressPicture, ProgressTotals, RegionProgress } from '@taotai/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprise, line } from '../src/db/schema/index.ts';
import { createEnterprise, createLine, testUscc } from './enterprise-fixtures.ts';
import { approvedPlan, attachAllEvidence, payloadFor, picture } from './progress-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call, YEAR } from './target-fixtures.ts';

type PlanLine = { id: number; enterpriseId: number; industry: string; unit: string; capacity: string };

/**
 * The dashboard's enterprise counts open GET /exit-tasks/enterprises, whose total must equal them (planned:
 * every enterprise with a task of the year; finished=true: all of its tasks of the year accepted or closed),
 * and the （本级） row opens the lists with ownLevel=true (enterprises registered at the region itself).
 *
 * 巩义 (410181): A in 米河镇 (accepted + closed: finished, but a task of next year is open), B at 巩义 itself
 * (accepted: finished), C at 巩义 itself (closed + planned: not finished), D in 新华路街道 (sealed), and the
 * demo enterprise user's own enterprise (planned). 荥阳: E (closed: finished). 郑州 itself: F (planned).
 */
describe('exit task enterprises: the list behind every enterprise count of the dashboard', () => {
  let t: TestApp;
  let ha: string;
  let zz: string;
  let gy: string;
  let xy: string;
  let entCookie: string;
  let ownEnterpriseId: number;
  /** The demo enterprise user's enterprise is registered at 巩义 itself or in one of its townships. */
  let ownAtGongyi: 0 | 1;

  const query = (q: Record<string, string | number | undefined>) =>
    new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  const enterprises = (cookie: string, q: Record<string, string | number | undefined>): Promise<ExitTaskEnterprisePage> =>
    call(t, cookie, { method: 'GET', url: `/api/v1/exit-tasks/enterprises?${query(q)}` });
  const tasks = (cookie: string, q: Record<string, string | number | undefined>): Promise<ExitTaskPage> =>
    call(t, cookie, { method: 'GET', url: `/api/v1/exit-tasks?${query(q)}` });
  /** The region parameter the dashboard links with: none for the country (the admin's whole view). */
  const regionOf = (code: string) => (code === '100000' ? undefined : code);

  async function lineOf(cookie: string, enterpriseId: number, capacity: number, over: Record<string, unknown> = {}): Promise<PlanLine> {
    const l = await createLine(t, cookie, enterpriseId, { name: `企业清单测试线${capacity}`, capacity, ...over });
    return { id: l.id, enterpriseId, industry: l.industryCode, unit: l.capacityUnit, capacity: String(capacity) };
  }
  async function tasksFor(cookie: string, regionCode: string, year: number, lines: PlanLine[]) {
    const planId = await approvedPlan(t, regionCode, year, lines);
    const made = await call(t, cookie, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${planId}` });
    const byLine = new Map<number, number>(made.tasks.map((x: { lineId: number; id: number }) => [x.lineId, x.id]));
    return lines.map((l) => byLine.get(l.id)!);
  }
  async function drive(cookie: string, id: number, events: string[]) {
    for (const event of events) {
      await call(t, cookie, { method: 'POST', url: `/api/v1/exit-tasks/${id}/transitions`, payload: { event, payload: payloadFor(event, '2026-03-20') } });
    }
  }
  const ACCEPT = ['seal', 'dismantle', 'request_acceptance', 'accept'];

  beforeAll(async () => {
    t = await createTestApp();
    [ha, zz, gy, xy, entCookie] = await Promise.all(['ha-office', 'zz-office', 'gy-office', 'xy-office', 'gy-ent'].map((u) => t.login(u)));
    ownEnterpriseId = (await call(t, entCookie, { method: 'GET', url: '/api/v1/auth/me' })).enterpriseId;
    ownAtGongyi = (await call(t, gy, { method: 'GET', url: `/api/v1/enterprises/${ownEnterpriseId}` })).regionCode === '410181' ? 1 : 0;

    const a = await createEnterprise(t, gy, { name: '企业清单测试甲水泥有限公司', regionCode: '410181100' });
    const b = await createEnterprise(t, gy, { name: '企业清单测试乙水泥有限公司', regionCode: '410181' });
    const c = await createEnterprise(t, gy, { name: '企业清单测试丙玻璃有限公司', regionCode: '410181', industryCode: 'flat_glass' });
    const d = await createEnterprise(t, gy, { name: '企业清单测试丁水泥有限公司', regionCode: '410181001' });
    const e = await createEnterprise(t, xy, { name: '企业清单测试戊水泥有限公司', regionCode: '410182101' });
    // Registered at 郑州 itself: the API registers enterprises at county level or below only, so straight into the table.
    const now = t.clock.now();
    const [f] = await t.ctx.db
      .insert(enterprise)
      .values({ uscc: testUscc('410100', 990_001), name: '企业清单测试己水泥有限公司', regionCode: '410100', provinceCode: '410000', prefectureCode: '410100', industryCode: 'cement', createdAt: now, updatedAt: now })
      .returning();
    const [fLine] = await t.ctx.db
      .insert(line)
      .values({ enterpriseId: f!.id, name: '己1号窑', capacity: '6', capacityUnit: 'wan_t', industryCode: 'cement', criterion: 'technology', createdAt: now, updatedAt: now })
      .returning();

    const a1 = await lineOf(gy, a.id, 8);
    const a2 = await lineOf(gy, a.id, 4);
    const a3 = await lineOf(gy, a.id, 5);
    const b1 = await lineOf(gy, b.id, 3);
    const c1 = await lineOf(gy, c.id, 120, { industryCode: 'flat_glass', capacityUnit: 'wan_weight_box' });
    const c2 = await lineOf(gy, c.id, 60, { industryCode: 'flat_glass', capacityUnit: 'wan_weight_box' });
    const d1 = await lineOf(gy, d.id, 9);
    const own1 = await lineOf(gy, ownEnterpriseId, 2);
    const e1 = await lineOf(xy, e.id, 7);

    const [ta1, ta2, tb1, tc1, _tc2, td1] = await tasksFor(gy, '410181', YEAR, [a1, a2, b1, c1, c2, d1, own1]);
    const [te1] = await tasksFor(xy, '410182', YEAR, [e1]);
    await tasksFor(zz, '410100', YEAR, [{ id: fLine!.id, enterpriseId: f!.id, industry: 'cement', unit: 'wan_t', capacity: '6' }]);
    await tasksFor(gy, '410181', YEAR + 1, [a3]);
    await attachAllEvidence(t, [ta1!, ta2!, tb1!, tc1!, td1!, te1!]);
    await drive(gy, ta1!, ACCEPT);
    await drive(gy, ta2!, ['close']);
    await drive(gy, tb1!, ACCEPT);
    await drive(gy, tc1!, ['close']);
    await drive(gy, td1!, ['seal']);
    await drive(xy, te1!, ['close']);
  });
  afterAll(() => t.close());

  /** Both enterprise counts of a row equal the totals of the lists it links to (and the unfinished rest adds up). */
  async function expectEnterpriseListsMatch(cookie: string, row: ProgressTotals, code: string, ownLevel: boolean) {
    const q = { region: regionOf(code), year: YEAR, ownLevel: ownLevel ? 'true' : undefined, limit: 1 };
    const label = `${code}${ownLevel ? ' 本级' : ''}`;
    expect((await enterprises(cookie, q)).total, `${label} planned`).toBe(row.enterprisesPlanned);
    expect((await enterprises(cookie, { ...q, finished: 'true' })).total, `${label} accepted`).toBe(row.enterprisesAccepted);
    expect((await enterprises(cookie, { ...q, finished: 'false' })).total, `${label} unfinished`).toBe(row.enterprisesPlanned - row.enterprisesAccepted);
  }

  /** The own-level row's task figures equal the task list with ownLevel=true, per industry/unit and stage. */
  async function expectOwnLevelTasksMatch(cookie: string, row: RegionProgress) {
    const base = { region: row.code, year: YEAR, ownLevel: 'true', limit: 1 };
    expect((await tasks(cookie, base)).total, `${row.code} 本级 tasks`).toBe(row.tasks);
    expect((await tasks(cookie, { ...base, overdue: 'true' })).total, `${row.code} 本级 overdue`).toBe(row.overdueTasks);
    for (const f of row.figures) {
      const cells: [string | undefined, number, number][] = [
        [undefined, f.plannedTasks, f.plannedCapacity],
        ['sealed', f.sealedTasks, f.sealedCapacity],
        ['accepted', f.acceptedTasks, f.acceptedCapacity],
        ['closed', f.closedTasks, f.closedCapacity],
      ];
      for (const [stage, n, capacity] of cells) {
        const page = await tasks(cookie, { ...base, industry: f.industryCode, unit: f.unit, stage });
        expect(page.total, `${row.code} 本级 ${f.industryCode} ${stage ?? 'all'}`).toBe(n);
        expect(page.capacityByUnit).toEqual(n === 0 ? [] : [{ unit: f.unit, capacity }]);
      }
    }
  }

  it('gives 河南, 郑州, 巩义 and each of their rows enterprise lists whose totals equal the counts', async () => {
    const seenOwn: string[] = [];
    for (const [cookie, code] of [
      [ha, '410000'],
      [zz, '410100'],
      [gy, '410181'],
    ] as const) {
      const p: ProgressPicture = await picture(t, cookie, code, YEAR);
      await expectEnterpriseListsMatch(cookie, p, code, false);
      for (const c of p.children) {
        await expectEnterpriseListsMatch(cookie, c, c.code, !!c.ownLevel);
        if (c.ownLevel) {
          seenOwn.push(c.code);
          await expectOwnLevelTasksMatch(cookie, c);
        }
      }
    }
    // Both own-level rows this data makes: 郑州's (F) and 巩义's (B, C).
    expect(seenOwn.sort()).toEqual(['410100', '410181']);
    const gyPicture = await picture(t, gy, '410181', YEAR);
    expect(gyPicture).toMatchObject({ enterprisesPlanned: 5, enterprisesAccepted: 2 });
    expect(gyPicture.children.find((c) => c.ownLevel)).toMatchObject({ code: '410181', enterprisesPlanned: 2 + ownAtGongyi, enterprisesAccepted: 1, tasks: 3 + ownAtGongyi });
    const zzPicture = await picture(t, zz, '410100', YEAR);
    expect(zzPicture).toMatchObject({ enterprisesPlanned: 7, enterprisesAccepted: 3 });
    expect(zzPicture.children.find((c) => c.ownLevel)).toMatchObject({ enterprisesPlanned: 1, enterprisesAccepted: 0, tasks: 1 });
  });

  it('lists the enterprises themselves: counts per enterprise, finished flag, capacity per unit, keyset pages', async () => {
    const all = await enterprises(gy, { region: '410181', year: YEAR, limit: 200 });
    const byName = new Map(all.items.map((i) => [i.enterpriseName, i]));
    expect(byName.get('企业清单测试甲水泥有限公司')).toMatchObject({ regionCode: '410181100', regionName: '米河镇', tasks: 2, acceptedOrClosedTasks: 2, finished: true, capacityByUnit: [{ unit: 'wan_t', capacity: 12 }] });
    expect(byName.get('企业清单测试丙玻璃有限公司')).toMatchObject({ regionCode: '410181', tasks: 2, acceptedOrClosedTasks: 1, finished: false, capacityByUnit: [{ unit: 'wan_weight_box', capacity: 180 }] });
    // Next year A's open task makes it unfinished: the year is part of the definition.
    const next = await enterprises(gy, { region: '410181', year: YEAR + 1 });
    expect(next.items.map((i) => [i.enterpriseName, i.finished])).toEqual([['企业清单测试甲水泥有限公司', false]]);
    expect((await enterprises(gy, { region: '410181', finished: 'true' })).items.map((i) => i.enterpriseName).sort()).toEqual(['企业清单测试乙水泥有限公司']);
    // Own level: B and C only; the township enterprise A is not there.
    const own = await enterprises(gy, { region: '410181', year: YEAR, ownLevel: 'true' });
    expect(own.items.filter((i) => i.enterpriseId !== ownEnterpriseId).map((i) => i.enterpriseName).sort()).toEqual(['企业清单测试丙玻璃有限公司', '企业清单测试乙水泥有限公司']);
    expect(own.total).toBe(2 + ownAtGongyi);
    // Each enterprise's task count is the task list filtered by it.
    for (const i of all.items) expect((await tasks(gy, { region: '410181', year: YEAR, enterprise: i.enterpriseId, limit: 1 })).total).toBe(i.tasks);
    // Keyset pages of one: every enterprise once, in id order, the same total on every page.
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await enterprises(gy, { region: '410181', year: YEAR, limit: 1, cursor });
      expect(page.total).toBe(all.total);
      seen.push(...page.items.map((i) => i.enterpriseId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.enterpriseId));
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    // Industry and unit filters narrow the tasks counted.
    expect((await enterprises(gy, { region: '410181', year: YEAR, industry: 'flat_glass', unit: 'wan_weight_box' })).total).toBe(1);
  });

  it('keeps scope: out-of-scope regions 404 like missing ones, enterprise users see only their own enterprise', async () => {
    for (const [cookie, region] of [
      [xy, '410181'],
      [gy, '410100'],
      [gy, '410182101'],
      [gy, '999999'],
    ] as const) {
      for (const url of [`/api/v1/exit-tasks/enterprises?region=${region}`, `/api/v1/exit-tasks/enterprises?region=${region}&ownLevel=true`, `/api/v1/exit-tasks?region=${region}&ownLevel=true`]) {
        const res = await t.request({ method: 'GET', url, cookie });
        expect(res.statusCode, url).toBe(404);
        expect(res.json().message).toMatch(/不存在或无权访问$/);
      }
    }
    const mine = await enterprises(entCookie, { year: YEAR });
    expect(mine.items.map((i) => i.enterpriseId)).toEqual([ownEnterpriseId]);
    expect(mine.total).toBe(1);
    expect((await enterprises(entCookie, { region: '410181', year: YEAR, finished: 'true' })).total).toBe(0);
    // ownLevel needs a region; a bad cursor is refused.
    expect((await t.request({ method: 'GET', url: '/api/v1/exit-tasks/enterprises?ownLevel=true', cookie: gy })).statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url: '/api/v1/exit-tasks/enterprises?cursor=abc', cookie: gy })).statusCode).toBe(400);
  });
});
