import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onceRequirement } from './filing-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { call } from './target-fixtures.ts';

/**
 * The browser's year-work step: 米河镇's zero report refused, explained, sent again while the page's polls
 * (待办, 通知, 截止日期) and the requirement's pages load. Every request answers.
 */
describe('explained zero report under the page polls', () => {
  let t: TestApp;
  let c: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    c = {};
    for (const u of ['gy-office', 'gy-town', 'zz-office']) c[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it('the explained zero report and every concurrent read answer', async () => {
    const req = await call(
      t,
      c['gy-office']!,
      { method: 'POST', url: '/api/v1/filing-requirements', payload: onceRequirement({ kind: 'survey_result', title: '巩义市乡镇摸底排查', requiredFields: [], due: { mode: 'fixed', date: '2026-05-29' } }) },
      201,
    );
    const get = (who: string, url: string) => t.request({ method: 'GET', url, cookie: c[who] });
    const polls = (who: string) => [
      get(who, '/api/v1/todo/count'),
      get(who, '/api/v1/notifications/unread-count'),
      get(who, '/api/v1/calendar/deadline?due=2026-05-29'),
      get(who, `/api/v1/filing-requirements/${req.id}`),
      get(who, `/api/v1/filing-requirements/${req.id}/filings?period=once`),
      get(who, '/api/v1/todo'),
    ];
    const lines = (await (await get('gy-town', '/api/v1/survey-filings/candidate-lines')).json()) as { lineId: number }[];
    expect(lines.length).toBeGreaterThan(0);
    const body = { requirementId: req.id, zeroReport: true, statement: '经全面排查，本镇无落后产能', lineIds: [], note: '', fileIds: [] };
    const [refused, ...first] = await Promise.all([t.request({ method: 'POST', url: '/api/v1/survey-filings', cookie: c['gy-town'], payload: body }), ...polls('gy-town')]);
    expect(refused!.statusCode).toBe(400);
    const lineExplanations = lines.map((l) => ({ lineId: l.lineId, reason: 'moved', note: '企业已于2025年整体搬迁至外省，设备随迁' }));
    const [ok, ...rest] = await Promise.all([
      t.request({ method: 'POST', url: '/api/v1/survey-filings', cookie: c['gy-town'], payload: { ...body, lineExplanations } }),
      ...polls('gy-town'),
      ...polls('gy-office'),
      get('zz-office', '/api/v1/data-quality/flags'),
    ]);
    expect(ok!.statusCode, ok!.body).toBe(201);
    for (const r of [...first, ...rest]) expect(r.statusCode, r.body).toBe(200);
  });
});
