import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedGongyiPlan, evidenceForm, PDF, photo } from './exit-task-fixtures.ts';
import { onceRequirement } from './filing-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { allocate, call, createRootTarget, YEAR } from './target-fixtures.ts';

const ALL_CHECKED = { equipmentDismantled: true, powerCut: true, destinationDocumented: true, workersPlaced: true };

/**
 * Double transitions (issue 9): two requests firing the same transition on one record at the same time
 * get exactly one success and one 409, never two successes and never a 5xx. Driven through the HTTP API
 * only, so the lifecycles may move onto one transition runner underneath without these changing.
 */
describe('concurrent double transitions', () => {
  let t: TestApp;
  let gy: string;
  let f: Awaited<ReturnType<typeof approvedGongyiPlan>>;

  beforeAll(async () => {
    t = await createTestApp();
    f = await approvedGongyiPlan(t);
    gy = f.gy;
  });
  afterAll(() => t?.close());

  /** Fires the same request twice at once; returns the two statuses, sorted. */
  async function twice(cookie: string, url: string, payload: unknown): Promise<number[]> {
    const [a, b] = await Promise.all([0, 1].map(() => t.request({ method: 'POST', url, cookie, payload: payload as never })));
    for (const r of [a!, b!]) expect(r.statusCode, r.body).toBeLessThan(500);
    return [a!.statusCode, b!.statusCode].sort();
  }
  const oneWins = (s: number[]) => expect(s).toEqual([200, 409]);

  it('elimination plan: submit twice', async () => {
    const plan = await call(t, f.xy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410182', year: YEAR } }, 201);
    await call(t, f.xy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/lines`, payload: { version: plan.version, items: [{ lineId: f.xyKiln.id }] } });
    oneWins(await twice(f.xy, `/api/v1/elimination-plans/${plan.id}/transitions`, { event: 'submit' }));
  });

  it('exit task: request acceptance twice', async () => {
    const created = await call(t, gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${f.planId}` });
    const taskId = created.tasks[0].id as number;
    for (const [kind, file, name] of [
      ['photo_before', photo('before'), 'before.jpg'],
      ['photo_during', photo('during'), 'during.jpg'],
      ['photo_after', photo('after'), 'after.jpg'],
      ['witness_record', PDF, '拆除见证记录.pdf'],
    ] as const) {
      const res = await t.request({ method: 'POST', url: `/api/v1/exit-tasks/${taskId}/evidence`, cookie: gy, ...evidenceForm(kind, file, name) });
      expect(res.statusCode, res.body).toBe(201);
    }
    const dismantle = { legalRepresentative: '王法人', officials: ['米河镇 赵干部'], destination: 'scrapped' };
    oneWins(await twice(gy, `/api/v1/exit-tasks/${taskId}/transitions`, { event: 'dismantle', payload: dismantle }));
    oneWins(await twice(gy, `/api/v1/exit-tasks/${taskId}/transitions`, { event: 'request_acceptance', payload: {} }));
  });

  it('inspection round: start twice; then one record concluded twice', async () => {
    // A round starts with a leader and one more member from 巩义's member agencies, and an enterprise on it:
    // the one whose task awaits acceptance (the test above).
    const agencies: { id: number; kind: string }[] = await call(t, gy, { method: 'GET', url: '/api/v1/regions/410181/agencies' });
    const team = [
      { agencyId: agencies[0]!.id, personName: '并发组长', role: 'leader' },
      { agencyId: agencies[1]!.id, personName: '并发成员', role: 'member' },
    ];
    // Its leader account (郑州's office) concludes the records; the clerk who formed it may not (issue 10 §2).
    const accounts: { id: number; displayName: string }[] = await call(t, gy, { method: 'GET', url: '/api/v1/inspections/leader-accounts' });
    const leaderUserId = accounts.find((a) => a.displayName === '郑州市领导小组办公室')!.id;
    const zz = await t.login('zz-office');
    const round = await call(t, gy, { method: 'POST', url: '/api/v1/inspections', payload: { title: '并发测试批次', year: YEAR, startDate: '2026-03-02', team, leaderUserId } }, 201);
    const withRecord = await call(t, gy, { method: 'POST', url: `/api/v1/inspections/${round.id}/records`, payload: { enterpriseIds: [f.ent.id] } });
    oneWins(await twice(gy, `/api/v1/inspections/${round.id}/transitions`, { event: 'start', version: withRecord.version }));
    const rec = (await call(t, gy, { method: 'GET', url: `/api/v1/inspections/${round.id}` })).records[0];
    const conclusion = { version: rec.version, inspectedOn: '2026-03-02', notes: '', conclusion: 'pass', ...ALL_CHECKED };
    oneWins(await twice(zz, `/api/v1/inspections/${round.id}/records/${rec.id}/conclusion`, conclusion));
  });

  it('responsibility letter: signed twice', async () => {
    // A letter is drafted from a decomposed target: the province's to 郑州.
    const ha = await t.login('ha-office');
    const root = await createRootTarget(t, ha);
    await allocate(t, ha, root.id, [{ regionCode: '410100', quantity: 1500, enterpriseCount: 8 }]);
    const letter = await call(t, ha, { method: 'POST', url: '/api/v1/responsibility-letters', payload: { year: YEAR, partyBRegionCode: '410100' } }, 201);
    const url = `/api/v1/responsibility-letters/${letter.id}/signed-scan`;
    const [a, b] = await Promise.all([0, 1].map(() => t.request({ method: 'POST', url, cookie: ha, ...evidenceForm('signed_scan', PDF, '责任书.pdf') })));
    for (const r of [a!, b!]) expect(r.statusCode, r.body).toBeLessThan(500);
    oneWins([a!.statusCode, b!.statusCode].sort());
    expect((await call(t, ha, { method: 'GET', url: `/api/v1/responsibility-letters/${letter.id}` })).status).toBe('signed');
  });

  it('announcement: submit twice', async () => {
    const ann = await call(t, gy, { method: 'POST', url: '/api/v1/announcements', payload: { regionCode: '410181', year: YEAR, kind: 'plan_list', sourcePlanId: f.planId } }, 201);
    oneWins(await twice(gy, `/api/v1/announcements/${ann.id}/transitions`, { event: 'submit' }));
  });

  it('filing: receive twice, then accept twice', async () => {
    const town = await t.login('gy-town');
    const req = await call(t, gy, { method: 'POST', url: '/api/v1/filing-requirements', payload: onceRequirement() }, 201);
    const filing = await call(t, town, { method: 'POST', url: `/api/v1/filing-requirements/${req.id}/filings`, payload: { values: { contact: '赵干部', phone: '0371-1234567' } } }, 201);
    oneWins(await twice(gy, `/api/v1/filings/${filing.id}/receive`, {}));
    oneWins(await twice(gy, `/api/v1/filings/${filing.id}/accept`, {}));
  });
});
