import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { line } from '../src/db/schema/index.ts';
import { exitTaskRepository } from '../src/modules/exit-task/index.ts';
import { blobPath } from '../src/platform/files/index.ts';
import { approvedGongyiPlan, evidenceForm, JPEG, PDF, PNG, pdfOf, photo } from './exit-task-fixtures.ts';
import { lifecycleRepository } from '../src/platform/lifecycle/index.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { sha256 } from './survey-import-fixtures.ts';
import { call } from './target-fixtures.ts';

describe('exit tasks: one per planned line, sealed and dismantled with evidence, then accepted', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof approvedGongyiPlan>>;
  let kilnTask: number;
  let millTask: number;
  const fire = (cookie: string, id: number, event: string, payload: Record<string, unknown> = {}) =>
    t.request({ method: 'POST', url: `/api/v1/exit-tasks/${id}/transitions`, cookie, payload: { event, payload } });
  const upload = (cookie: string, id: number, kind: string, file: Buffer, name: string) =>
    t.request({ method: 'POST', url: `/api/v1/exit-tasks/${id}/evidence`, cookie, ...evidenceForm(kind, file, name) });
  const task = (id: number, cookie = f.gy) => call(t, cookie, { method: 'GET', url: `/api/v1/exit-tasks/${id}` });

  beforeAll(async () => {
    t = await createTestApp();
    f = await approvedGongyiPlan(t);
  });
  afterAll(() => t.close());

  it('creates one task per line of the approved plan, idempotently, and only in scope', async () => {
    const first = await call(t, f.gy, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${f.planId}` });
    expect(first.created).toBe(2);
    expect(first.tasks.map((x: { lineId: number }) => x.lineId).sort()).toEqual([f.kiln.id, f.mill.id].sort());
    expect(first.tasks.every((x: { status: string }) => x.status === 'planned')).toBe(true);
    kilnTask = first.tasks.find((x: { lineId: number }) => x.lineId === f.kiln.id).id;
    millTask = first.tasks.find((x: { lineId: number }) => x.lineId === f.mill.id).id;
    const again = await call(t, f.zz, { method: 'POST', url: `/api/v1/exit-tasks/from-plan/${f.planId}` });
    expect(again).toMatchObject({ created: 0 });
    expect(again.tasks).toHaveLength(2);
    expect((await t.request({ method: 'POST', url: `/api/v1/exit-tasks/from-plan/${f.planId}`, cookie: f.xy })).statusCode).toBe(404);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes: [path: string, method: string, status: string][] = [
      ['/api/v1/exit-tasks', 'get', '200'],
      ['/api/v1/exit-tasks/from-plan/{planId}', 'post', '200'],
      ['/api/v1/exit-tasks/{id}', 'get', '200'],
      ['/api/v1/exit-tasks/{id}/transitions', 'post', '200'],
      ['/api/v1/exit-tasks/{id}/evidence', 'post', '201'],
    ];
    for (const [p, method, status] of routes) {
      expect(doc.paths[p]?.[method], `${method} ${p}`).toMatchObject({ tags: ['exit-tasks'], responses: { [status]: expect.anything() } });
    }
  });

  it('answers 404 to 荥阳 for a 巩义 task, exactly like a missing one', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/exit-tasks/${kilnTask}`, cookie: f.xy });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('退出任务不存在或无权访问');
    expect((await t.request({ method: 'GET', url: '/api/v1/exit-tasks/999999', cookie: f.xy })).json().message).toBe('退出任务不存在或无权访问');
    expect((await fire(f.xy, kilnTask, 'close', { orderNo: 'x', reason: 'x' })).statusCode).toBe(404);
    expect((await upload(f.xy, kilnTask, 'seal_photo', JPEG, 'a.jpg')).statusCode).toBe(404);
    const xyList = await call(t, f.xy, { method: 'GET', url: '/api/v1/exit-tasks' });
    expect(xyList.items.map((x: { id: number }) => x.id)).not.toContain(kilnTask);
    const gyList = await call(t, f.gy, { method: 'GET', url: '/api/v1/exit-tasks?region=410181100&status=planned' });
    expect(gyList.items.map((x: { id: number }) => x.id)).toEqual(expect.arrayContaining([kilnTask, millTask]));
  });

  it('refuses sealing without the measures and evidence, naming each in Chinese', async () => {
    const res = await fire(f.gy, kilnTask, 'seal', { waterCut: true, powerCut: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('封存还缺：拆除动力装置；封存主体设备；主体设备封存照片（至少1份）；企业公开承诺书（签字盖章扫描件）（至少1份）；拆除期限');
    // One field per missing item, keyed so the form marks the measure or evidence slot (issue 11 "Forms").
    expect(res.json().fields).toEqual([
      { path: 'payload.powerUnitsRemoved', message: '还缺：拆除动力装置' },
      { path: 'payload.equipmentSealed', message: '还缺：封存主体设备' },
      { path: 'evidence.seal_photo', message: '还缺：主体设备封存照片（至少1份）' },
      { path: 'evidence.commitment_scan', message: '还缺：企业公开承诺书（签字盖章扫描件）（至少1份）' },
      { path: 'payload.dismantleDeadline', message: '还缺：拆除期限' },
    ]);
    expect((await task(kilnTask)).status).toBe('planned');
  });

  it('refuses a file whose content is not what its name says, or not an image or PDF at all', async () => {
    let res = await upload(f.gy, kilnTask, 'seal_photo', PNG, '封存照片.jpg');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('文件“封存照片.jpg”的扩展名表明是JPEG图片，但内容是PNG图片，请确认上传的是正确的文件');
    res = await upload(f.gy, kilnTask, 'commitment_scan', Buffer.from('PK\u0003\u0004 not a pdf'), '承诺书.pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('内容不是其中任何一种');
    res = await upload(f.gy, kilnTask, 'selfie', JPEG, 'a.jpg');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('请在文件之前填写材料类别 kind');
    expect((await task(kilnTask)).evidence).toHaveLength(0);
  });

  it('seals with the measures, photo, commitment and deadline; past the deadline the task is overdue', async () => {
    const photo = await upload(f.gy, kilnTask, 'seal_photo', JPEG, '封存照片.jpg');
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ kind: 'seal_photo', file: { mime: 'image/jpeg', sha256: sha256(JPEG), size: JPEG.length } });
    expect((await upload(f.gy, kilnTask, 'commitment_scan', PDF, '公开承诺书.pdf')).statusCode).toBe(201);
    const res = await fire(f.gy, kilnTask, 'seal', { waterCut: true, powerCut: true, powerUnitsRemoved: true, equipmentSealed: true, dismantleDeadline: '2026-04-30' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'sealed', dismantleDeadline: '2026-04-30', overdue: false, availableEvents: ['dismantle', 'close'] });
    t.clock.set(new Date('2026-05-01T02:00:00Z'));
    f.gy = await t.login('gy-office');
    const overdue = await call(t, f.gy, { method: 'GET', url: '/api/v1/exit-tasks?overdue=true' });
    expect(overdue.items.map((x: { id: number }) => x.id)).toEqual([kilnTask]);
    const notOverdue = await call(t, f.gy, { method: 'GET', url: '/api/v1/exit-tasks?overdue=false' });
    expect(notOverdue.items.map((x: { id: number }) => x.id)).toContain(millTask);
    expect(notOverdue.items.map((x: { id: number }) => x.id)).not.toContain(kilnTask);
  });

  it('dismantles only with photos of each stage, the witness record and the destination, and flags the same equipment elsewhere', async () => {
    const payload = { legalRepresentative: '王法人', officials: ['米河镇 赵干部', '工信局 钱干部'], destination: 'scrapped' };
    let res = await fire(f.gy, kilnTask, 'dismantle', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('拆除还缺：拆除前照片（至少1份）；拆除中照片（至少1份）；拆除后照片（至少1份）；拆除见证记录（至少1份）');
    for (const kind of ['photo_before', 'photo_during', 'photo_after']) expect((await upload(f.gy, kilnTask, kind, photo(kind), `${kind}.jpeg`)).statusCode).toBe(201);
    expect((await upload(f.gy, kilnTask, 'witness_record', pdfOf('witness'), '拆除见证记录.pdf')).statusCode).toBe(201);
    res = await fire(f.gy, kilnTask, 'dismantle', { ...payload, destination: 'sold', buyerName: '某再生资源公司' });
    expect(res.json().message).toBe('拆除还缺：设备买方统一社会信用代码');
    res = await fire(f.gy, kilnTask, 'dismantle', payload);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'dismantled', dismantle: { legalRepresentative: '王法人', officials: ['米河镇 赵干部', '工信局 钱干部'], destination: 'scrapped' } });
    expect(body.duplicatesElsewhere).toEqual([
      expect.objectContaining({ lineId: f.xyKiln.id, regionCode: '410182101', regionName: expect.stringContaining('荥阳市'), score: 80, strength: 'strong' }),
    ]);
    expect(body.duplicatesElsewhere[0].reasons).toEqual(['设备名称相同', '规格相同', '行业相同', '产能相同']);
    expect(body.history.map((h: { event: string }) => h.event)).toEqual(['seal', 'dismantle']);
    expect(body.history[1].payload.duplicatesElsewhere).toEqual([expect.objectContaining({ lineId: f.xyKiln.id })]);
    expect(body.evidence).toHaveLength(6);
    expect((await task(millTask)).duplicatesElsewhere).toEqual([]);
  });

  it('goes back with a reason when acceptance fails, and is resubmitted with a reason', async () => {
    expect((await fire(f.gy, kilnTask, 'request_acceptance')).json().status).toBe('acceptance_requested');
    let res = await fire(f.gy, kilnTask, 'reject');
    expect(res.json().message).toBe('验收不通过时请填写原因');
    res = await fire(f.gy, kilnTask, 'reject', { reason: '窑体未拆除到位' });
    expect(res.json()).toMatchObject({ status: 'rejected', rejectReason: '窑体未拆除到位', availableEvents: ['resubmit'] });
    res = await fire(f.gy, kilnTask, 'resubmit', { legalRepresentative: '王法人', officials: ['赵干部'], destination: 'scrapped' });
    expect(res.json().message).toBe('重新提交时请填写原因');
    res = await fire(f.gy, kilnTask, 'resubmit', { reason: '已补拆窑体', legalRepresentative: '王法人', officials: ['赵干部'], destination: 'scrapped' });
    expect(res.json()).toMatchObject({ status: 'dismantled', rejectReason: null });
    expect((await fire(f.gy, kilnTask, 'request_acceptance')).statusCode).toBe(200);
  });

  it('lets only one of two concurrent transitions through (409), keeps history and audits every write', async () => {
    f.zz = await t.login('zz-office');
    const [a, b] = await Promise.all([fire(f.gy, kilnTask, 'accept'), fire(f.zz, kilnTask, 'accept')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const done = await task(kilnTask);
    expect(done.status).toBe('accepted');
    expect(done.history.filter((h: { event: string }) => h.event === 'accept')).toHaveLength(1);
    // The status condition itself refuses a transition from a state the task has left.
    expect(await lifecycleRepository.guardedUpdate(t.ctx.db, exitTaskRepository.table, kilnTask, 'acceptance_requested', 'accepted', {})).toBeNull();
    const [l] = await t.ctx.db.select({ status: line.status }).from(line).where(eq(line.id, f.kiln.id));
    expect(l!.status).toBe('eliminated');
    expect((await upload(f.gy, kilnTask, 'photo_after', JPEG, 'late.jpg')).statusCode).toBe(409);
    const admin = await t.login('admin');
    const log = await call(t, admin, { method: 'GET', url: `/api/v1/audit?entityType=exit_task&entityId=${kilnTask}&limit=100` });
    const actions = log.items.map((i: { action: string }) => i.action);
    expect(actions.filter((x: string) => x === 'exit_task.evidence')).toHaveLength(6);
    for (const e of ['seal', 'dismantle', 'request_acceptance', 'reject', 'resubmit', 'accept']) expect(actions).toContain(`exit_task.${e}`);
    expect(actions.filter((x: string) => x === 'exit_task.accept')).toHaveLength(1);
  });

  it('serves photos only re-encoded (upright, no GPS, no carried HTML), keeps the original by hash, and refuses active PDFs', async () => {
    // A sideways phone photo with GPS, and HTML after its end marker (a JPEG+HTML polyglot).
    const photo = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#c00' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 44/1 4776/100', GPSLongitudeRef: 'E', GPSLongitude: '113/1 37/1 3108/100' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const polyglot = Buffer.concat([photo, Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
    f.xy = await t.login('xy-office');
    const up = await upload(f.gy, millTask, 'photo_before', polyglot, '现场.jpg');
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().file.sha256).toBe(sha256(polyglot));
    expect((await readFile(blobPath(t.ctx.config.dataDir, sha256(polyglot)))).equals(polyglot)).toBe(true);
    const url = `/api/v1/exit-tasks/${millTask}/evidence/${up.json().id}`;
    for (const u of [url, `${url}?display=true`]) {
      const served = await t.request({ method: 'GET', url: u, cookie: f.gy });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      for (const s of ['<html', '<script', 'GPS']) expect(served.rawPayload.includes(Buffer.from(s)), s).toBe(false);
      const m = await sharp(served.rawPayload).metadata();
      expect([m.width, m.height, m.exif]).toEqual([20, 40, undefined]);
    }
    expect((await t.request({ method: 'GET', url, cookie: f.xy })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/exit-tasks/${kilnTask}/evidence/${up.json().id}`, cookie: f.gy })).statusCode).toBe(404);

    const scripted = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n');
    const refused = await upload(f.gy, millTask, 'witness_record', scripted, '扫描件.pdf');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('JavaScript 脚本');
    const fake = await upload(f.gy, millTask, 'photo_before', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0xff, 0xd9]), '假照片.jpg');
    expect(fake.statusCode).toBe(422);
    expect(fake.json().message).toContain('图片无法解码');
  });

  it('closes an undismantled task by order, with the order number and reason', async () => {
    let res = await fire(f.gy, millTask, 'close', { reason: '依法关闭' });
    expect(res.json().message).toBe('依令关闭还缺：关闭令文号');
    res = await fire(f.gy, millTask, 'close', { reason: '依法关闭', orderNo: '巩政〔2026〕12号' });
    expect(res.json()).toMatchObject({ status: 'closed', availableEvents: [] });
    res = await fire(f.gy, millTask, 'seal');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('退出任务当前为“已关闭”，不能封存');
  });
});
