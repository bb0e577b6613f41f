import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { prng } from '../src/db/seeds/random.ts';
import { issueRequirement } from '../src/modules/filing/requirement.service.ts';
import { candidateLines, submitSurvey } from '../src/modules/survey/survey.service.ts';
import { surveyRollup } from '../src/modules/survey/rollup.service.ts';
import type { Actor, ScopeColumn } from '../src/platform/access/actor.ts';
import { onceRequirement } from './filing-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

interface Node {
  regionCode: string;
  own: { state: string; lineCount: number; capacity: { unitCode: string; capacity: number; lineCount: number }[] };
  children: { regions: number; filed: number; zeroReport: number; silent: number; lineCount: number; capacity: { unitCode: string; capacity: number; lineCount: number }[] };
  subtree: { regions: number; filed: number; zeroReport: number; silent: number };
  nodes: Node[];
}

const SCOPE: Record<string, ScopeColumn> = { province: 'provinceCode', prefecture: 'prefectureCode', county: 'countyCode', township: 'townshipCode', park: 'townshipCode' };

/** An account acting for a region's office (or town), as the auth hook would build it. */
function actorFor(userId: number, regionCode: string, level: string, role: 'group_office' | 'town'): Actor {
  return {
    userId,
    username: `rollup-${regionCode}`,
    displayName: `测试-${regionCode}`,
    role,
    regionCode,
    regionLevel: level as Actor['regionLevel'],
    agencyId: null,
    enterpriseId: null,
    ip: null,
    abilities: new Set(),
    scope: { column: SCOPE[level]!, code: regionCode },
  };
}

describe('survey rollup on the database over random filings (seeded PRNG)', () => {
  let t: TestApp;
  /** What each region filed: null = silent; else per-unit [lines, ten-thousandths]. */
  const filed = new Map<string, { zero: boolean; units: Map<string, [number, number]> }>();
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every node’s children totals (counts, lines, capacity per unit) equal the sum of its children’s own filings', async () => {
    const rnd = prng(20261014);
    const db = t.ctx.db;
    const [{ id: userId }] = await queryRows<{ id: number }>(db, sql`SELECT id FROM app_user WHERE username = 'gy-office'`);
    const regions = await queryRows<{ code: string; level: string; parent: string }>(
      db,
      sql`SELECT code, level, CASE WHEN level = 'county' AND directly_administered THEN province_code ELSE parent_code END AS parent FROM region WHERE province_code = '410000'`,
    );
    const kidsOf = (code: string) => regions.filter((r) => r.parent === code);
    const levelOf = (code: string) => regions.find((r) => r.code === code)!.level;

    // Offices issue survey requirements down the chain: province → 郑州 and 巩义; 郑州 → its counties; counties → towns.
    const counties = [...kidsOf('410100').map((r) => r.code), '410181'];
    const reqOf = new Map<string, number>();
    for (const issuer of ['410000', '410100', ...counties]) {
      const r = await issueRequirement(db, t.clock, actorFor(userId, issuer, levelOf(issuer), 'group_office'), onceRequirement({ kind: 'survey_result', requiredFields: [], due: { mode: 'fixed', date: '2026-11-30' } }) as never);
      reqOf.set(issuer, r.id);
    }

    const file = async (code: string, parent: string) => {
      const level = levelOf(code);
      const actor = actorFor(userId, code, level, level === 'township' || level === 'park' ? 'town' : 'group_office');
      const pool = await candidateLines(db, actor, {});
      const zero = pool.length === 0 || rnd.next() < 0.3;
      const lines = zero ? [] : pool.filter(() => rnd.next() < 0.3).slice(0, 12);
      if (!zero && lines.length === 0) lines.push(rnd.pick(pool));
      await submitSurvey(db, t.clock, actor, { requirementId: reqOf.get(parent)!, zeroReport: zero, statement: zero ? '经排查本地区无落后产能' : '', lineIds: lines.map((l) => l.lineId),
        // A zero report over registry lines must explain each one (issue 10 §3).
        lineExplanations: zero ? pool.map((l) => ({ lineId: l.lineId, reason: 'wrongly_registered' as const, note: '经核实系错误登记' })) : [],
        values: {},
        note: '',
        fileIds: [],
      });
      const units = new Map<string, [number, number]>();
      for (const l of lines) {
        const u = units.get(l.capacityUnit) ?? [0, 0];
        units.set(l.capacityUnit, [u[0] + 1, u[1] + Math.round(l.capacity * 10_000)]);
      }
      filed.set(code, { zero, units });
    };
    // Each region files with probability ~0.6; the rest stay silent.
    if (rnd.next() < 0.9) await file('410100', '410000');
    await file('410181', '410000');
    for (const county of counties) {
      if (county !== '410181' && rnd.next() < 0.6) await file(county, '410100');
      for (const town of kidsOf(county)) if (rnd.next() < 0.4) await file(town.code, county);
    }
    expect(filed.size).toBeGreaterThan(20);
    expect([...filed.values()].some((f) => f.zero)).toBe(true);
    expect(new Set([...filed.values()].flatMap((f) => [...f.units.keys()])).size).toBeGreaterThan(1);

    const admin = actorFor(userId, '410000', 'province', 'group_office');
    const { root } = (await surveyRollup(db, admin, { year: 2026, depth: 3 })) as { root: Node };

    let checked = 0;
    const check = (n: Node) => {
      checked++;
      const mine = filed.get(n.regionCode);
      expect(n.own.state).toBe(!mine ? 'silent' : mine.zero ? 'zero_report' : 'filed');
      const ownUnits = mine?.units ?? new Map<string, [number, number]>();
      expect(n.own.capacity.map((c) => [c.unitCode, c.lineCount, Math.round(c.capacity * 10_000)]).sort()).toEqual(
        [...ownUnits].map(([u, [lines, cap]]) => [u, lines, cap]).sort(),
      );
      // Expected over the children, from what was submitted (not from the output).
      const kids = kidsOf(n.regionCode);
      expect(n.nodes.map((k) => k.regionCode).sort()).toEqual(kids.map((k) => k.code).sort());
      const exp = new Map<string, [number, number]>();
      let f = 0;
      let z = 0;
      for (const k of kids) {
        const x = filed.get(k.code);
        if (!x) continue;
        if (x.zero) z++;
        else f++;
        for (const [u, [lines, cap]] of x.units) {
          const cur = exp.get(u) ?? [0, 0];
          exp.set(u, [cur[0] + lines, cur[1] + cap]);
        }
      }
      expect(n.children).toMatchObject({ regions: kids.length, filed: f, zeroReport: z, silent: kids.length - f - z });
      expect(n.children.capacity.map((c) => [c.unitCode, c.lineCount, Math.round(c.capacity * 10_000)]).sort()).toEqual(
        [...exp].map(([u, [lines, cap]]) => [u, lines, cap]).sort(),
      );
      // Subtree counts add up level by level.
      const sub = n.nodes.reduce(
        (s, k) => ({ regions: s.regions + 1 + k.subtree.regions, filed: s.filed + k.subtree.filed + (k.own.state === 'filed' ? 1 : 0), zeroReport: s.zeroReport + k.subtree.zeroReport + (k.own.state === 'zero_report' ? 1 : 0) }),
        { regions: 0, filed: 0, zeroReport: 0 },
      );
      if (n.nodes.length === kids.length) expect(n.subtree).toMatchObject(sub);
      n.nodes.forEach(check);
    };
    // Only the part of the tree that filed is expanded deep enough to compare node by node.
    const zz = root.nodes.find((k) => k.regionCode === '410100')!;
    const gy = root.nodes.find((k) => k.regionCode === '410181')!;
    check(zz);
    check(gy);
    expect(checked).toBeGreaterThan(100);
    expect(root.children.filed + root.children.zeroReport).toBe(['410100', '410181'].filter((c) => filed.has(c)).length);
    expect(root.subtree.filed + root.subtree.zeroReport).toBe(filed.size);
  });
});
