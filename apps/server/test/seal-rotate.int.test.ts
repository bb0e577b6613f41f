import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { announcementObjection, appUser, tip } from '../src/db/schema/index.ts';
import { SEALED_COLUMNS } from '../src/db/sealed-columns.ts';
import { lookupObjection, sealPhone } from '../src/modules/announcement/objection.service.ts';
import { resealColumns } from '../src/platform/crypto/reseal.ts';
import { SealKey, sealedKid, sealText, unsealText } from '../src/platform/crypto/seal.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Issue 13 "rotatable" (ADR 0025 "Key rotation"): values sealed under key A, the ring rotated to B with A retired,
 * `seal:rotate`'s re-seal run (interrupted once, then again, then once more), and A dropped: everything still
 * unseals and the lookup hashes still find their rows.
 */
describe('seal key rotation and re-seal', () => {
  let t: TestApp;
  const A = Buffer.alloc(32, 7);
  const B = Buffer.alloc(32, 11);
  const ringA = new SealKey(A); // a one-key install before rotation: A also keys the lookups
  const ringAB = new SealKey(B, { retired: [A], lookup: A });
  const ringB = new SealKey(B, { lookup: A });
  // An s1 value sealed with A by seal.ts before rotation existed (the same vector as seal.test.ts).
  const S1_BY_A = 's1:2pwR8a002V+07H33+fklzsBpcXw1jCXz40bCPmLA8S+oYubCIolwZUjUOrn2/es08Ql0HnaRLnxlNFjHk61nIA==';
  const phones = ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005'];
  const identity = JSON.stringify({ name: '李四', phone: '13900000009', idNumber: '410181199001011234' });
  let userId: number;
  let objectionIds: number[];
  let tipId: number;

  const sealedValues = async () => ({
    user: (await t.ctx.db.select({ s: appUser.totpSecret, p: appUser.totpPendingSecret }).from(appUser).where(eq(appUser.id, userId)))[0]!,
    objections: await t.ctx.db
      .select({ id: announcementObjection.id, s: announcementObjection.phoneSealed, h: announcementObjection.phoneHash, code: announcementObjection.receiptCode })
      .from(announcementObjection)
      .where(inArray(announcementObjection.id, objectionIds))
      .orderBy(announcementObjection.id),
    tip: (await t.ctx.db.select({ s: tip.identitySealed }).from(tip).where(eq(tip.id, tipId)))[0]!.s!,
  });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.db;
    // Other sealed values the template may hold were made with its own key: this test works on its own rows.
    for (const c of SEALED_COLUMNS) await db.execute(sql`UPDATE ${sql.identifier(c.table)} SET ${sql.identifier(c.column)} = NULL`);
    const [u] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, 'gy-office'));
    userId = u!.id;
    await db.update(appUser).set({ totpSecret: sealText(ringA, 'JBSWY3DPEHPK3PXP'), totpPendingSecret: S1_BY_A }).where(eq(appUser.id, userId));
    const rows = await db
      .insert(announcementObjection)
      .values(phones.map((p, i) => ({ announcementId: 999_999, receiptCode: `YYROTATE${i}Z`, content: '异议', ...sealPhone(ringA, p), filedAt: new Date() })))
      .returning({ id: announcementObjection.id });
    objectionIds = rows.map((r) => r.id);
    const day = '2026-12-07';
    const [tp] = await db
      .insert(tip)
      .values({
        receiptHash: 'rotate-test',
        regionCode: '410181',
        matter: 'hidden_capacity',
        content: '举报内容',
        identityKind: 'real_name',
        identitySealed: sealText(ringA, identity),
        handlingRegionCode: '410181',
        status: 'received',
        receivedOn: day,
        deadline: day,
        originalDeadline: day,
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .returning({ id: tip.id });
    tipId = tp!.id;
  });
  afterAll(() => t?.close());

  it('re-seals everything under B in batches, survives an interruption, and does nothing on a re-run', async () => {
    const before = await sealedValues();
    const interrupted = await resealColumns(t.ctx.db, ringAB, SEALED_COLUMNS, { batchSize: 2, maxBatches: 1 });
    expect(interrupted.finished).toBe(false);
    // One whole batch (the first column holds one value), nothing more: the other 7 values are still under A.
    expect(interrupted.results.map((r) => r.resealed)).toEqual([1, 0, 0, 0]);
    expect(interrupted.results.reduce((n, r) => n + r.remaining, 0)).toBe(7);

    const run = await resealColumns(t.ctx.db, ringAB, SEALED_COLUMNS, { batchSize: 2 });
    expect(run.finished).toBe(true);
    const by = Object.fromEntries(run.results.map((r) => [r.column, r]));
    expect([by.totp_secret!.resealed, by.totp_pending_secret!.resealed, by.phone_sealed!.resealed, by.identity_sealed!.resealed]).toEqual([0, 1, 5, 1]);
    expect(run.results.every((r) => r.remaining === 0 && r.unreadable.length === 0)).toBe(true);

    const after = await sealedValues();
    const all = [after.user.s!, after.user.p!, ...after.objections.map((o) => o.s!), after.tip];
    expect(all.map((v) => sealedKid(v))).toEqual(Array(8).fill(ringB.kid));
    expect(after.objections.map((o) => o.h)).toEqual(before.objections.map((o) => o.h)); // hashes untouched

    const again = await resealColumns(t.ctx.db, ringAB, SEALED_COLUMNS);
    expect(again.results.map((r) => [r.resealed, r.remaining])).toEqual(SEALED_COLUMNS.map(() => [0, 0]));
    expect(await sealedValues()).toEqual(after);
  });

  it('still reads everything and finds objections by phone once A is dropped', async () => {
    const v = await sealedValues();
    expect(unsealText(ringB, v.user.s!)).toBe('JBSWY3DPEHPK3PXP');
    expect(unsealText(ringB, v.user.p!)).toBe('13812345678');
    expect(v.objections.map((o) => unsealText(ringB, o.s!))).toEqual(phones);
    expect(unsealText(ringB, v.tip)).toBe(identity);
    for (const [i, o] of v.objections.entries()) {
      const status = await lookupObjection(t.ctx.db, ringB, o.code, phones[i]);
      expect(status.receiptCode).toBe(o.code);
      await expect(lookupObjection(t.ctx.db, ringB, o.code, '13899999999')).rejects.toThrow('未找到');
    }
    // New values made after the rotation hash the same way as the old ones.
    expect(sealPhone(ringB, phones[0]).phoneHash).toBe(v.objections[0]!.h);
    expect(() => unsealText(ringA, v.tip)).toThrow('不在密钥环中');
  });

  it('audits each batch as a system action, without any clear value', async () => {
    const rows = await queryRows<{ actor_name: string; entity_type: string; after: { column: string; toKey: string; fromKeys: Record<string, number>; count: number; ids: number[] } }>(
      t.ctx.db,
      sql`SELECT actor_name, entity_type, after FROM audit_log WHERE action = 'seal.resealed' ORDER BY id`,
    );
    // The interrupted run's one batch, then the rest in batches of 2.
    expect(rows.map((r) => [r.actor_name, r.entity_type, r.after.column, r.after.count])).toEqual([
      ['seal-rotate', 'app_user', 'totp_secret', 1],
      ['seal-rotate', 'app_user', 'totp_pending_secret', 1],
      ['seal-rotate', 'announcement_objection', 'phone_sealed', 2],
      ['seal-rotate', 'announcement_objection', 'phone_sealed', 2],
      ['seal-rotate', 'announcement_objection', 'phone_sealed', 1],
      ['seal-rotate', 'tip', 'identity_sealed', 1],
    ]);
    expect(rows.every((r) => r.after.toKey === ringB.kid)).toBe(true);
    expect(rows.map((r) => r.after.fromKeys)).toEqual([{ [ringA.kid]: 1 }, { s1: 1 }, { [ringA.kid]: 2 }, { [ringA.kid]: 2 }, { [ringA.kid]: 1 }, { [ringA.kid]: 1 }]);
    const text = JSON.stringify(rows);
    for (const secret of [...phones, 'JBSWY3DPEHPK3PXP', '410181199001011234']) expect(text).not.toContain(secret);
  });

  it('leaves a value no key of the ring opens as it is, and says so', async () => {
    const foreign = sealText(new SealKey(Buffer.alloc(32, 13)), '13800000009');
    await t.ctx.db.update(announcementObjection).set({ phoneSealed: foreign }).where(eq(announcementObjection.id, objectionIds[0]!));
    const run = await resealColumns(t.ctx.db, ringAB, SEALED_COLUMNS);
    const phone = run.results.find((r) => r.column === 'phone_sealed')!;
    expect([phone.resealed, phone.unreadable, phone.remaining]).toEqual([0, [objectionIds[0]], 1]);
    expect((await sealedValues()).objections[0]!.s).toBe(foreign);
  });
});
