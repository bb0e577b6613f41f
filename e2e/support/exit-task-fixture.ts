import { USCC_ALPHABET, usccCheckChar } from '@taotai/shared';
import sharp from 'sharp';
import { apiAs } from './api.ts';
import { DEMO_PASSWORD } from './browser.ts';

/**
 * Preconditions for the exit-task browser tests that are not about planning: one 巩义 enterprise with one line,
 * its plan approved by the province (四眼原则), and the line's exit task made. Through the API, as the web app
 * would; e2e/exit-acceptance.e2e.test.ts drives the same steps through the pages.
 */
export interface TaskFixture {
  taskId: number;
  planId: number;
  enterprise: string;
  line: string;
}

/** A valid USCC outside the demo seed's range (`TE` + serial). */
export function testUscc(serial: number): string {
  let body = '';
  let n = serial;
  for (let i = 0; i < 7; i++) {
    body = USCC_ALPHABET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91410181TE${body}`;
  return first17 + usccCheckChar(first17);
}

export async function plannedTask(baseUrl: string, serial: number, enterprise: string, line: string): Promise<TaskFixture> {
  const gy = await apiAs(baseUrl, 'gy-office');
  const province = await apiAs(baseUrl, 'ha-office');
  const ent = await gy.call<{ id: number }>('POST', '/api/v1/enterprises', {
    name: enterprise,
    uscc: testUscc(serial),
    regionCode: '410181100',
    industryCode: 'cement',
    address: '米河镇测试路1号',
    legalRepresentative: '周振华',
    contactPerson: '孙立',
    contactPhone: '0371-64123456',
    employees: 40,
    sizeClass: 'small',
    status: 'operating',
  });
  const ln = await gy.call<{ id: number }>('POST', `/api/v1/enterprises/${ent.id}/lines`, {
    name: line,
    specification: 'Φ2.5×9m 机立窑',
    quantity: 1,
    capacity: 6.6,
    capacityUnit: 'wan_t',
    industryCode: 'cement',
    criterion: 'technology',
    basisItemId: null,
    basisText: '《产业结构调整指导目录》淘汰类 水泥机立窑',
    commissioningYear: 2005,
    plannedExitDate: '2026-12-31',
    status: 'registered',
    note: '',
  });
  const plan = await gy.call<{ id: number; version: number }>('POST', '/api/v1/elimination-plans', { regionCode: '410181', year: 2026 });
  await gy.call('POST', `/api/v1/elimination-plans/${plan.id}/lines`, { version: plan.version, items: [{ lineId: ln.id }] });
  await gy.call('POST', `/api/v1/elimination-plans/${plan.id}/transitions`, { event: 'submit' });
  await province.call('POST', `/api/v1/elimination-plans/${plan.id}/transitions`, { event: 'approve' });
  const made = await gy.call<{ tasks: { id: number }[] }>('POST', `/api/v1/exit-tasks/from-plan/${plan.id}`);
  const taskId = made.tasks[0]?.id;
  if (!taskId) throw new Error('未生成退出任务');
  return { taskId, planId: plan.id, enterprise, line };
}

/** Uploads one evidence file as `username` (multipart: kind first, then file, as the server reads them). */
export async function uploadEvidence(baseUrl: string, taskId: number, kind: string, name: string, bytes: Buffer, username = 'gy-office'): Promise<void> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${baseUrl}/api/v1/exit-tasks/${taskId}/evidence`, { method: 'POST', headers: { cookie, origin: baseUrl }, body: form });
  if (!res.ok) throw new Error(`上传 ${kind} 失败：HTTP ${res.status} ${await res.text()}`);
}

/** A JPEG whose colour differs per block, so each upload has its own SHA-256 (one file may not fill two slots). */
export async function distinctJpeg(seed: number, width = 240, height = 160): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: (seed * 53) % 256, g: (seed * 97) % 256, b: 120 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A task sealed through the API: every measure taken, a sealing photo and the signed commitment uploaded. */
export async function sealedTask(baseUrl: string, serial: number, enterprise: string, line: string): Promise<TaskFixture> {
  const task = await plannedTask(baseUrl, serial, enterprise, line);
  await uploadEvidence(baseUrl, task.taskId, 'seal_photo', '封存.jpg', await distinctJpeg(serial));
  await uploadEvidence(baseUrl, task.taskId, 'commitment_scan', '承诺书.jpg', await distinctJpeg(serial + 1));
  const gy = await apiAs(baseUrl, 'gy-office');
  await gy.call('POST', `/api/v1/exit-tasks/${task.taskId}/transitions`, {
    event: 'seal',
    payload: { waterCut: true, powerCut: true, powerUnitsRemoved: true, equipmentSealed: true, dismantleDeadline: '2026-12-30' },
  });
  return task;
}

/**
 * A task dismantled and awaiting acceptance, in a joint-inspection round of 巩义 formed by gy-office with zz-office's
 * account as team leader, started and concluded (passed) by that leader: the opinion can be generated. Returns the
 * round and its one record.
 */
export async function concludedInspection(baseUrl: string, serial: number, enterprise: string, line: string) {
  const task = await sealedTask(baseUrl, serial, enterprise, line);
  const files: [string, string][] = [
    ['photo_before', '拆除前.jpg'],
    ['photo_during', '拆除中.jpg'],
    ['photo_after', '拆除后.jpg'],
    ['witness_record', '拆除见证记录.jpg'],
  ];
  for (const [i, [kind, name]] of files.entries()) await uploadEvidence(baseUrl, task.taskId, kind, name, await distinctJpeg(serial + 10 + i));
  const gy = await apiAs(baseUrl, 'gy-office');
  const fire = (event: string, payload: object = {}) => gy.call('POST', `/api/v1/exit-tasks/${task.taskId}/transitions`, { event, payload });
  await fire('dismantle', { legalRepresentative: '周振华', officials: ['米河镇 赵建设'], destination: 'scrapped' });
  await fire('request_acceptance');
  const agencies = await gy.call<{ id: number; name: string }[]>('GET', '/api/v1/regions/410181/agencies');
  const leaders = await gy.call<{ id: number; displayName: string }[]>('GET', '/api/v1/inspections/leader-accounts');
  const leader = leaders.find((a) => a.displayName.includes('郑州'));
  if (agencies.length < 2 || !leader) throw new Error('巩义的成员单位或郑州的组长账号缺失');
  const team = [
    { agencyId: agencies[0]!.id, personName: '张建军', role: 'leader' },
    { agencyId: agencies[1]!.id, personName: '李卫东', role: 'member' },
  ];
  let round = await gy.call<{ id: number; version: number }>('POST', '/api/v1/inspections', { title: '公文设置测试批次', year: 2026, startDate: '2026-11-23', team, leaderUserId: leader.id });
  const ent = await gy.call<{ enterpriseId: number }>('GET', `/api/v1/exit-tasks/${task.taskId}`);
  round = await gy.call('POST', `/api/v1/inspections/${round.id}/records`, { enterpriseIds: [ent.enterpriseId] });
  round = await gy.call('POST', `/api/v1/inspections/${round.id}/transitions`, { event: 'start', version: round.version });
  const zz = await apiAs(baseUrl, 'zz-office');
  const full = await zz.call<{ records: { id: number; version: number }[] }>('GET', `/api/v1/inspections/${round.id}`);
  const record = full.records[0]!;
  await zz.call('POST', `/api/v1/inspections/${round.id}/records/${record.id}/conclusion`, {
    version: record.version,
    equipmentDismantled: true,
    powerCut: true,
    destinationDocumented: true,
    workersPlaced: true,
    notes: '现场核实：窑体已拆除，设备已报废处置。',
    inspectedOn: '2026-11-23',
    conclusion: 'pass',
  });
  return { ...task, roundId: round.id, recordId: record.id };
}

/**
 * A published 公示 of 巩义's plan holding one new line, with one objection filed on the public site: what the
 * objection tests start from. `name` is the objector's (optional) name; the phone is always given.
 */
export async function noticeWithObjection(
  baseUrl: string,
  serial: number,
  enterprise: string,
  line: string,
  objector: { name?: string } = {},
): Promise<{ announcementId: number; receiptCode: string }> {
  const { planId } = await plannedTask(baseUrl, serial, enterprise, line);
  const gy = await apiAs(baseUrl, 'gy-office');
  const ha = await apiAs(baseUrl, 'ha-office');
  const a = await gy.call<{ id: number }>('POST', '/api/v1/announcements', { regionCode: '410181', year: 2026, kind: 'plan_list', sourcePlanId: planId });
  await gy.call('POST', `/api/v1/announcements/${a.id}/transitions`, { event: 'submit' });
  await ha.call('POST', `/api/v1/announcements/${a.id}/transitions`, { event: 'approve', reason: '同意公示。' });
  await ha.call('POST', `/api/v1/announcements/${a.id}/transitions`, { event: 'publish' });
  const filed = await fetch(`${baseUrl}/api/v1/public/announcements/${a.id}/objections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ content: '该生产线是否确已列入计划，请核实。', ...objector, phone: '13800138000' }),
  });
  if (!filed.ok) throw new Error(`异议提交失败：HTTP ${filed.status} ${await filed.text()}`);
  return { announcementId: a.id, receiptCode: ((await filed.json()) as { receiptCode: string }).receiptCode };
}
