import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onceRequirement, relogin, setBeijingDate } from './filing-fixtures.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { multipart } from './survey-import-fixtures.ts';
import { PNG } from './exit-task-fixtures.ts';

interface Candidate {
  lineId: number;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  capacity: number;
  capacityUnit: string;
  lineName: string;
}
interface RollupNode {
  regionCode: string;
  own: { state: string; lineCount: number; status: string | null; capacity: { unitCode: string; capacity: number; lineCount: number }[] };
  children: { regions: number; filed: number; zeroReport: number; silent: number; lineCount: number; capacity: { unitCode: string; capacity: number }[] };
  subtree: { regions: number; filed: number; zeroReport: number; silent: number };
  matchesChildren: boolean | null;
  nodes: RollupNode[];
}

/** Exact per-unit sums of chosen lines (ten-thousandths, as stored). */
function unitSums(lines: Candidate[]) {
  const out = new Map<string, number>();
  for (const l of lines) out.set(l.capacityUnit, (out.get(l.capacityUnit) ?? 0) + Math.round(l.capacity * 10_000));
  return out;
}

describe('survey filings, zero reports, site verification and the rollup', () => {
  let t: TestApp;
  let c: Record<string, string>;
  let haReq: { id: number; targetCount: number };
  let zzReq: { id: number };
  let gyLines: Candidate[];
  let chosen: Candidate[];
  let gyFilingId: number;
  beforeAll(async () => {
    t = await createTestApp();
    c = await relogin(t, ['ha-office', 'zz-office', 'gy-office', 'xy-office', 'gy-town', 'auditor']);
  });
  afterAll(() => t.close());
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) =>
    t.request({ method, url, cookie: c[who], payload: payload as object | undefined });
  const surveyReq = (over: Record<string, unknown>) =>
    onceRequirement({ kind: 'survey_result', title: '2026年落后产能摸底排查结果', requiredFields: [], ...over });

  it('the province asks all cities and directly-administered counties; 郑州 asks its own counties', async () => {
    const ha = await req('POST', '/api/v1/filing-requirements', 'ha-office', surveyReq({ due: { mode: 'fixed', date: '2026-09-29' } }));
    expect(ha.statusCode).toBe(201);
    haReq = ha.json();
    const zz = await req('POST', '/api/v1/filing-requirements', 'zz-office', surveyReq({ due: { mode: 'fixed', date: '2026-09-20' } }));
    zzReq = zz.json();
    expect(zz.json().targets.map((x: { regionCode: string }) => x.regionCode)).toContain('410182');
    expect(zz.json().targets.map((x: { regionCode: string }) => x.regionCode)).not.toContain('410181');
  });

  it('巩义 picks lines from its own registry only and files them; the filing keeps a snapshot', async () => {
    gyLines = (await req('GET', '/api/v1/survey-filings/candidate-lines', 'gy-office')).json();
    expect(gyLines.length).toBeGreaterThan(20);
    expect(gyLines.every((l) => l.regionCode.startsWith('410181') || l.regionCode.startsWith('P'))).toBe(true);
    const units = [...new Set(gyLines.map((l) => l.capacityUnit))];
    expect(units.length).toBeGreaterThan(1); // the demo registry mixes 万吨 with other units
    // Three lines, of at least two different units.
    const other = gyLines.find((l) => l.capacityUnit !== gyLines[0]!.capacityUnit)!;
    chosen = [gyLines[0]!, other, gyLines.find((l) => l !== gyLines[0] && l !== other)!];
    const xyLine = (await req('GET', '/api/v1/survey-filings/candidate-lines', 'xy-office')).json()[0] as Candidate;
    // 郑州's own survey covers its counties but not 巩义, which files to the province itself.
    const zzLines = (await req('GET', '/api/v1/survey-filings/candidate-lines', 'zz-office')).json() as Candidate[];
    expect(zzLines.some((l) => l.regionCode.startsWith('410182'))).toBe(true);
    expect(zzLines.some((l) => l.regionCode.startsWith('410181') || l.regionCode.startsWith('P'))).toBe(false);
    const foreign = await req('POST', '/api/v1/survey-filings', 'gy-office', { requirementId: haReq.id, zeroReport: false, lineIds: [chosen[0]!.lineId, xyLine.lineId] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toBe(`生产线（编号${xyLine.lineId}）不存在、已淘汰或不在巩义市范围内`);
    const generic = await req('POST', `/api/v1/filing-requirements/${haReq.id}/filings`, 'gy-office', {});
    expect(generic.json().message).toBe('摸底排查结果请通过排查报送提交（选择生产线或零报告）');

    const res = await req('POST', '/api/v1/survey-filings', 'gy-office', { requirementId: haReq.id, zeroReport: false, lineIds: chosen.map((l) => l.lineId) });
    expect(res.statusCode).toBe(201);
    gyFilingId = res.json().filing.id;
    expect(res.json()).toMatchObject({ regionCode: '410181', zeroReport: false, filing: { status: 'submitted', kind: 'survey_result', year: 2026 }, registryLineCount: gyLines.length });
    expect(res.json().lines.map((l: { lineId: number }) => l.lineId).sort()).toEqual(chosen.map((l) => l.lineId).sort());
    const sums = unitSums(chosen);
    expect(res.json().totals.map((x: { unitCode: string }) => x.unitCode).sort()).toEqual([...sums.keys()].sort());
    for (const x of res.json().totals) expect(Math.round(x.capacity * 10_000)).toBe(sums.get(x.unitCode));

    // Changing the registry later does not change what was filed.
    const ent = (await req('GET', `/api/v1/enterprises/${chosen[0]!.enterpriseId}`, 'gy-office')).json();
    const line = ent.lines.find((l: { id: number }) => l.id === chosen[0]!.lineId);
    const { id: _id, enterpriseId: _e, capacityUnitName: _u, industryName: _i, ...body } = line;
    const edited = await req('PUT', `/api/v1/lines/${line.id}`, 'gy-office', { ...body, capacity: line.capacity + 100 });
    expect(edited.statusCode).toBe(200);
    const after = (await req('GET', `/api/v1/survey-filings/${gyFilingId}`, 'gy-office')).json();
    expect(after.lines.find((l: { lineId: number }) => l.lineId === chosen[0]!.lineId).capacity).toBe(chosen[0]!.capacity);
  });

  it('荥阳 files a zero report to 郑州; a zero report with lines, or a filing with neither, is refused', async () => {
    const withLines = await req('POST', '/api/v1/survey-filings', 'xy-office', { requirementId: zzReq.id, zeroReport: true, statement: '经排查无落后产能', lineIds: [1] });
    expect(withLines.statusCode).toBe(400);
    expect(withLines.json().message).toBe('零报告不能列出生产线');
    const empty = await req('POST', '/api/v1/survey-filings', 'xy-office', { requirementId: zzReq.id, zeroReport: false });
    expect(empty.json().message).toBe('请选择排查登记的生产线，或改为零报告');
    // The registry still holds 荥阳 lines: a bare zero report is refused, naming them (issue 10 §3).
    const bare = await req('POST', '/api/v1/survey-filings', 'xy-office', { requirementId: zzReq.id, zeroReport: true, statement: '经全面排查，本市无落后产能' });
    expect(bare.statusCode).toBe(400);
    const xyLines = (await req('GET', '/api/v1/survey-filings/candidate-lines', 'xy-office')).json() as Candidate[];
    expect(bare.json().message).toContain(`荥阳市台账中尚有${xyLines.length}条未淘汰的落后产能生产线，不能报送零报告：${xyLines[0]!.enterpriseName}`);
    const lineExplanations = xyLines.map((l) => ({ lineId: l.lineId, reason: 'already_eliminated', note: '已于2025年拆除' }));
    const res = await req('POST', '/api/v1/survey-filings', 'xy-office', { requirementId: zzReq.id, zeroReport: true, statement: '经全面排查，本市无落后产能', lineExplanations });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ regionCode: '410182', zeroReport: true, lines: [], totals: [], statement: '经全面排查，本市无落后产能' });
    expect(res.json().lineExplanations).toHaveLength(xyLines.length);
    // The registry still holds 荥阳 lines: the upper office sees the count next to the zero report.
    expect(res.json().registryLineCount).toBeGreaterThan(0);
    expect((await req('POST', '/api/v1/survey-filings', 'xy-office', { requirementId: haReq.id, zeroReport: true, statement: '无落后产能' })).statusCode).toBe(404);
  });

  it('rolls up per child region up the reporting chain: filed with N lines, zero report or silent; capacity per unit', async () => {
    const res = await req('GET', '/api/v1/survey-rollup?year=2026&depth=2', 'ha-office');
    expect(res.statusCode).toBe(200);
    const root = res.json().root as RollupNode;
    expect(root.regionCode).toBe('410000');
    expect(root.children).toMatchObject({ regions: haReq.targetCount, filed: 1, zeroReport: 0, silent: haReq.targetCount - 1, lineCount: 3 });
    const sums = unitSums(chosen);
    for (const x of root.children.capacity) expect(Math.round(x.capacity * 10_000)).toBe(sums.get(x.unitCode));
    expect(root.children.capacity).toHaveLength(sums.size);
    const gy = root.nodes.find((n) => n.regionCode === '410181')!;
    expect(gy.own).toMatchObject({ state: 'filed', lineCount: 3, status: 'submitted' });
    expect(gy.children.silent).toBe(gy.children.regions); // its towns have filed nothing to 巩义
    expect(gy.matchesChildren).toBe(false);
    const zz = root.nodes.find((n) => n.regionCode === '410100')!;
    expect(zz.own.state).toBe('silent');
    expect(zz.children.zeroReport).toBe(1);
    expect(zz.nodes.find((n) => n.regionCode === '410182')!.own.state).toBe('zero_report');
    expect(zz.nodes.some((n) => n.regionCode === '410181')).toBe(false);
    expect(root.subtree).toMatchObject({ filed: 1, zeroReport: 1 });
    expect(root.subtree.regions).toBe(root.subtree.filed + root.subtree.zeroReport + root.subtree.silent);

    const city = (await req('GET', '/api/v1/survey-rollup?year=2026', 'zz-office')).json().root as RollupNode;
    expect(city.nodes.map((n) => n.regionCode)).not.toContain('410181');
    expect(city.children).toMatchObject({ zeroReport: 1, filed: 0 });
    expect((await req('GET', '/api/v1/survey-rollup?year=2026&region=410181', 'zz-office')).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/survey-rollup?year=2026', 'gy-town')).statusCode).toBe(403);
    expect((await req('GET', '/api/v1/survey-rollup?year=2025', 'ha-office')).json().root.children.filed).toBe(0);
  });

  it('site verification: discrepancies send the filing back with the list as the reason; history keeps the first version', async () => {
    const filed = (await req('GET', `/api/v1/survey-filings/${gyFilingId}`, 'ha-office')).json();
    const [a, b, d] = filed.lines as { id: number; capacity: number; lineName: string; enterpriseName: string }[];
    const items = [
      { surveyLineId: a!.id, result: 'verified' },
      { surveyLineId: b!.id, result: 'discrepancy', foundCapacity: b!.capacity + 5, note: '现场铭牌产能更大' },
      { surveyLineId: d!.id, result: 'not_found', note: '设备已拆除' },
    ];
    expect((await req('POST', `/api/v1/survey-filings/${gyFilingId}/verifications`, 'ha-office', { items })).statusCode).toBe(409); // not received yet
    expect((await req('POST', `/api/v1/filings/${gyFilingId}/receive`, 'ha-office')).statusCode).toBe(200);
    expect((await req('POST', `/api/v1/survey-filings/${gyFilingId}/verifications`, 'gy-office', { items })).statusCode).toBe(403);
    const noCapacity = await req('POST', `/api/v1/survey-filings/${gyFilingId}/verifications`, 'ha-office', { items: [{ surveyLineId: b!.id, result: 'discrepancy', note: 'x' }] });
    expect(noCapacity.json().message).toBe(`第1项（${b!.enterpriseName} ${b!.lineName}）与上报不符，请填写现场核实的产能`);

    const photo = await t.request({ method: 'POST', url: '/api/v1/filing-attachments', cookie: c['ha-office'], ...multipart(PNG, '现场照片.png') });
    expect(photo.statusCode).toBe(201);
    expect(photo.json()).toMatchObject({ mime: 'image/png', fileName: '现场照片.png' });
    items[2] = { ...items[2]!, fileIds: [photo.json().id] } as never;
    const res = await req('POST', `/api/v1/survey-filings/${gyFilingId}/verifications`, 'ha-office', { items, verifiedOn: '2026-03-02' });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.filing.status).toBe('returned');
    expect(v.filing.returnReason).toContain('现场核查发现2处问题');
    expect(v.filing.returnReason).toContain(`${d!.enterpriseName} ${d!.lineName}：现场未发现，设备已拆除`);
    expect(v.filing.returnReason).toContain('与上报不符（上报');
    expect(v.lines.map((l: { verification: { result: string } }) => l.verification.result)).toEqual(['verified', 'discrepancy', 'not_found']);
    expect(v.lines[1].verification.foundCapacity).toBeCloseTo(b!.capacity + 5, 4);
    expect(v.verifications).toEqual([expect.objectContaining({ revision: 1, outcome: 'returned', itemCount: 3, verifiedOn: '2026-03-02' })]);
    const note = (await req('GET', '/api/v1/notifications?unread=true', 'gy-office')).json();
    expect(note.items[0]).toMatchObject({ kind: 'filing_returned', entityId: String(gyFilingId) });
    // The filer can download the photo attached to its filing's verification; an unrelated office cannot.
    expect((await req('GET', `/api/v1/filing-attachments/${photo.json().id}`, 'gy-office')).statusCode).toBe(200);
    expect((await req('GET', `/api/v1/filing-attachments/${photo.json().id}`, 'xy-office')).statusCode).toBe(404);

    const re = await req('POST', `/api/v1/survey-filings/${gyFilingId}/resubmit`, 'gy-office', { zeroReport: false, lineIds: [chosen[0]!.lineId, chosen[1]!.lineId] });
    expect(re.statusCode).toBe(200);
    expect(re.json()).toMatchObject({ filing: { status: 'resubmitted', revision: 2 }, abilities: { resubmit: false } });
    expect(re.json().lines).toHaveLength(2);
    expect(re.json().lines.every((l: { verification: unknown; revision: number }) => l.verification === null && l.revision === 2)).toBe(true);
    const history = re.json().filing.history as { event: string; snapshot: { survey?: { lines: unknown[] } } | null }[];
    expect(history.map((h) => h.event)).toEqual(['submit', 'receive', 'return', 'resubmit']);
    expect(history[0]!.snapshot!.survey!.lines).toHaveLength(3);
    expect(history[3]!.snapshot!.survey!.lines).toHaveLength(2);
    expect(re.json().verifications).toHaveLength(1);

    await req('POST', `/api/v1/filings/${gyFilingId}/receive`, 'ha-office');
    const clean = await req('POST', `/api/v1/survey-filings/${gyFilingId}/verifications`, 'ha-office', {
      items: re.json().lines.map((l: { id: number }) => ({ surveyLineId: l.id, result: 'verified' })),
    });
    expect(clean.json()).toMatchObject({ filing: { status: 'received' }, abilities: { verify: true } });
    expect(clean.json().verifications[0]).toMatchObject({ revision: 2, outcome: 'clean' });
    expect((await req('POST', `/api/v1/filings/${gyFilingId}/accept`, 'ha-office')).json().status).toBe('accepted');
    const root = (await req('GET', '/api/v1/survey-rollup?year=2026', 'ha-office')).json().root as RollupNode;
    expect(root.nodes.find((n) => n.regionCode === '410181')!.own).toMatchObject({ lineCount: 2, status: 'accepted' });
    const audit = (await req('GET', `/api/v1/audit?action=survey.verify&entityId=${gyFilingId}`, 'auditor')).json();
    expect(audit.items).toHaveLength(2);
  });

  it('a silent city is listed with 7 overdue working days on 14 Oct for a survey due 29 Sep', async () => {
    setBeijingDate(t, '2026-10-14');
    c = await relogin(t, ['ha-office']);
    const res = (await req('GET', `/api/v1/filing-requirements/${haReq.id}/non-submitters`, 'ha-office')).json();
    expect(res.items.find((x: { regionCode: string }) => x.regionCode === '410100')).toMatchObject({ overdueWorkingDays: 7, label: '逾期 7 个工作日' });
    expect(res.items.find((x: { regionCode: string }) => x.regionCode === '410181')).toBeUndefined();
    expect(res.items).toHaveLength(haReq.targetCount - 1);
  });
});
