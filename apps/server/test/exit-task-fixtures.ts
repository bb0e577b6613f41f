import { randomBytes } from 'node:crypto';
import { createEnterprise, createLine } from './enterprise-fixtures.ts';
import type { TestApp } from './support/test-app.ts';
import { call, YEAR } from './target-fixtures.ts';

/** Small files whose first bytes are what they claim (the server judges by content). */
// Real 8 × 8 images (made with sharp): uploads must decode, since only re-encoded copies are served (ADR 0010).
export const JPEG = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAUAQEAAAAAAAAAAAAAAAAAAAAC/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AAGD/2Q==',
  'base64',
);
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWOoaOrBihiGlgQAFAJhgRY58n8AAAAASUVORK5CYII=', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n% signed scan\n%%EOF\n');
/** Distinct bytes per slot: the same file may not fill two slots of one task (issue 10 §3). */
// A JPEG comment segment (COM, FFFE) right after SOI: different bytes, the same decodable image.
export const photo = (tag: string) => {
  const text = Buffer.from(tag, 'utf8');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(text.length + 2);
  return Buffer.concat([JPEG.subarray(0, 2), Buffer.from([0xff, 0xfe]), len, text, JPEG.subarray(2)]);
};
export const pdfOf = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`);

/** A multipart form with the `kind` field first, then the file. */
export function evidenceForm(kind: string, file: Buffer, fileName: string) {
  const boundary = `----taotai${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const SAME_EQUIPMENT = { name: '退出测试2号立窑', specification: 'Φ2.5×10m 机立窑（测试）' };

/**
 * 巩义's approved plan with two lines of one enterprise (the first also registered, same name and
 * specification, under an enterprise in 荥阳), approved through the plan API by the province (巩义 is a 省直管县).
 */
export async function approvedGongyiPlan(t: TestApp) {
  const gy = await t.login('gy-office');
  const zz = await t.login('zz-office');
  const xy = await t.login('xy-office');
  const ent = await createEnterprise(t, gy, { name: '巩义市退出测试水泥有限公司', regionCode: '410181100' });
  const kiln = await createLine(t, gy, ent.id, { ...SAME_EQUIPMENT, capacity: 8 });
  const mill = await createLine(t, gy, ent.id, { name: '退出测试水泥磨', specification: 'Φ1.83m（测试）', capacity: 4 });
  const xyEnt = await createEnterprise(t, xy, { regionCode: '410182101' });
  const xyKiln = await createLine(t, xy, xyEnt.id, { ...SAME_EQUIPMENT, capacity: 8 });
  const plan = await call(t, gy, { method: 'POST', url: '/api/v1/elimination-plans', payload: { regionCode: '410181', year: YEAR } }, 201);
  const withLines = await call(t, gy, {
    method: 'POST',
    url: `/api/v1/elimination-plans/${plan.id}/lines`,
    payload: { version: plan.version, items: [{ lineId: kiln.id }, { lineId: mill.id }] },
  });
  await call(t, gy, { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'submit' } });
  // 巩义 is a 省直管县: its plan is approved by the province (四眼原则).
  await call(t, await t.login('ha-office'), { method: 'POST', url: `/api/v1/elimination-plans/${plan.id}/transitions`, payload: { event: 'approve' } });
  return { gy, zz, xy, ent, kiln, mill, xyKiln, planId: plan.id as number, lineCount: withLines.lineCount as number };
}
