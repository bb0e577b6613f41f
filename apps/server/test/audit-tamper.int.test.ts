import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { recordAudit, systemSubject } from '../src/platform/audit/audit.ts';
import { chainHash } from '../src/platform/audit/canonical.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Issue 9: a superuser tampers with the audit log the four ways an attacker would (trigger disabled first, as
 * the attacker would do it); verification names each. Each tampering is undone afterwards, so the next starts
 * from a verified chain. The app's own connection meets the append-only trigger.
 */
describe('audit log under tampering', () => {
  let t: TestApp;
  let auditor: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    t.ctx.config.auditAnchor = { ...t.ctx.config.auditAnchor, file: path.join(t.ctx.config.dataDir, 'anchor', 'audit-anchor.jsonl') };
    auditor = await t.login('auditor');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const verify = async () => (await t.request({ method: 'GET', url: '/api/v1/audit/verify', cookie: auditor })).json();
  const ids = async (order: 'ASC' | 'DESC', limit: number, offset = 0) =>
    (
      await queryRows<{ id: string }>(
        t.ctx.db,
        sql`SELECT id FROM audit_log ORDER BY id ${sql.raw(order)} LIMIT ${limit} OFFSET ${offset}`,
      )
    ).map((r) => Number(r.id));
  /** As the attacker: triggers off, tamper, triggers on. */
  const asAttacker = async (...statements: SQL[]) => {
    await t.ctx.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await t.ctx.db.execute(sql`ALTER TABLE audit_checkpoint DISABLE TRIGGER USER`);
    try {
      for (const s of statements) await t.ctx.db.execute(s);
    } finally {
      await t.ctx.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      await t.ctx.db.execute(sql`ALTER TABLE audit_checkpoint ENABLE TRIGGER USER`);
    }
  };
  /** Keeps a copy of the rows a tampering touches, and puts them back afterwards. */
  const saved = (table: string, where: SQL) => ({
    save: sql`CREATE TABLE ${sql.raw(`saved_${table}`)} AS SELECT * FROM ${sql.raw(table)} WHERE ${where}`,
    restore: [
      sql`DELETE FROM ${sql.raw(table)} WHERE id IN (SELECT id FROM ${sql.raw(`saved_${table}`)})`,
      sql`INSERT INTO ${sql.raw(table)} SELECT * FROM ${sql.raw(`saved_${table}`)}`,
      sql`DROP TABLE ${sql.raw(`saved_${table}`)}`,
    ],
  });
  const refusal = async (q: SQL): Promise<string> => {
    try {
      await t.ctx.db.execute(q);
      return 'accepted';
    } catch (err) {
      const e = err as Error & { cause?: Error };
      return String(e.cause?.message ?? e.message);
    }
  };

  it('passes on an untouched log and anchors the head it verified', async () => {
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThan(10);
    expect(r.message).toContain('已记录新锚点');
    const [head] = await ids('DESC', 1);
    const [cp] = await queryRows<{ last_audit_id: string; entry_count: string }>(t.ctx.db, sql`SELECT * FROM audit_checkpoint ORDER BY id DESC LIMIT 1`);
    expect(Number(cp!.last_audit_id)).toBe(head);
    expect(Number(cp!.entry_count)).toBe(r.checked + 1); // the checkpoint's own audit entry is covered too
    const again = await verify();
    expect(again.ok).toBe(true);
    expect(again.message).not.toContain('已记录新锚点'); // nothing new since: no second checkpoint
    expect(again.checkpoints).toBe(1);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the app's own connection", async () => {
    const [first] = await ids('ASC', 1);
    for (const q of [
      sql`UPDATE audit_log SET ip = '10.0.0.1' WHERE id = ${first}`,
      sql`DELETE FROM audit_log WHERE id = ${first}`,
      sql`TRUNCATE audit_log`,
      sql`UPDATE audit_checkpoint SET entry_count = 0`,
      sql`DELETE FROM audit_checkpoint`,
      sql`TRUNCATE audit_checkpoint`,
    ]) {
      expect(await refusal(q)).toContain('审计记录只能追加');
    }
    // The migration also took the grants away from the role that ran it (owners could grant them back, hence the trigger).
    const [acl] = await queryRows<{ acl: string }>(t.ctx.db, sql`SELECT relacl::text AS acl FROM pg_class WHERE relname = 'audit_log'`);
    const [me] = await queryRows<{ u: string }>(t.ctx.db, sql`SELECT current_user AS u`);
    const own = acl!.acl.replace(/[{}"]/g, '').split(',').find((e) => e.startsWith(`${me!.u}=`))!;
    expect(own.split('=')[1]!.split('/')[0]).not.toMatch(/[wdD]/);
    expect((await verify()).ok).toBe(true);
  });

  it("detects an edited row's content", async () => {
    const [id] = await ids('ASC', 1, 5);
    const s = saved('audit_log', sql`id = ${id}`);
    await asAttacker(s.save, sql`UPDATE audit_log SET after = '{"role":"admin"}' WHERE id = ${id}`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstBrokenId).toBe(id);
    expect(r.message).toContain(`第${id}号日志内容与哈希不符`);
    await asAttacker(...s.restore);
    expect((await verify()).ok).toBe(true);
  });

  it("detects an edited ip", async () => {
    const [id] = await ids('ASC', 1, 8);
    const s = saved('audit_log', sql`id = ${id}`);
    await asAttacker(s.save, sql`UPDATE audit_log SET ip = '203.0.113.9' WHERE id = ${id}`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstBrokenId).toBe(id);
    expect(r.message).toContain(`第${id}号日志内容与哈希不符：该条日志被篡改`);
    await asAttacker(...s.restore);
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted middle row, even when the rest of the chain is recomputed', async () => {
    const [id, next] = await ids('ASC', 2, 4);
    const s = saved('audit_log', sql`id >= ${id}`);
    await asAttacker(s.save, sql`DELETE FROM audit_log WHERE id = ${id}`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstBrokenId).toBe(next);
    expect(r.message).toContain(`第${next}号日志的前序哈希不符：其前一条日志被删除或篡改`);
    expect(r.message).toMatch(/现存\d+条：此前有日志被删除/);

    // A careful attacker re-chains every later entry; only the signed checkpoint still knows the old head.
    const rows = await t.ctx.db.query.auditLog.findMany({ where: (a, { gt }) => gt(a.id, id!), orderBy: (a, { asc }) => asc(a.id) });
    const [before] = await queryRows<{ hash: string }>(t.ctx.db, sql`SELECT hash FROM audit_log WHERE id < ${id} ORDER BY id DESC LIMIT 1`);
    let prev = before!.hash;
    const rewrites: SQL[] = [];
    for (const row of rows) {
      const hash = chainHash(prev, row);
      rewrites.push(sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${row.id}`);
      prev = hash;
    }
    await asAttacker(...rewrites);
    const rechained = await verify();
    expect(rechained.ok).toBe(false);
    expect(rechained.message).toMatch(/锚点第\d+号（[^）]+）记录的第\d+号日志哈希与现存日志不符：该条及此前的日志被改写/);
    await asAttacker(...s.restore);
    expect((await verify()).ok).toBe(true);
  });

  it('detects deleted last rows through the checkpoint', async () => {
    const tail = await ids('DESC', 3);
    const s = saved('audit_log', sql`id >= ${Math.min(...tail)}`);
    await asAttacker(s.save, sql`DELETE FROM audit_log WHERE id >= ${Math.min(...tail)}`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.message).toContain(`记录的链头第${tail[0]}号日志已不存在`);
    expect(r.message).toContain('日志尾部被删除');
    await asAttacker(...s.restore);
    expect((await verify()).ok).toBe(true);
  });

  it('detects deleted last rows and checkpoints through the anchor file', async () => {
    const tail = await ids('DESC', 3);
    const log = saved('audit_log', sql`id >= ${Math.min(...tail)}`);
    const cps = saved('audit_checkpoint', sql`true`);
    await asAttacker(log.save, cps.save, sql`DELETE FROM audit_log WHERE id >= ${Math.min(...tail)}`, sql`DELETE FROM audit_checkpoint`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/锚点文件第1行记录的锚点第\d+号（[^）]+）在锚点表中已不存在：锚点表被删改/);
    expect(r.message).toContain(`记录的链头第${tail[0]}号日志已不存在`);
    await asAttacker(...log.restore, ...cps.restore);
    expect((await verify()).ok).toBe(true);
  });

  it('refuses a checkpoint not signed with the key', async () => {
    const [head] = await queryRows<{ id: string; hash: string }>(t.ctx.db, sql`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
    const [n] = await queryRows<{ n: string }>(t.ctx.db, sql`SELECT count(*) AS n FROM audit_log`);
    await t.ctx.db.execute(
      sql`INSERT INTO audit_checkpoint (taken_at, kind, last_audit_id, last_hash, entry_count, signature)
          VALUES (now(), 'daily', ${head!.id}, ${head!.hash}, ${n!.n}, ${'0'.repeat(64)})`,
    );
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/锚点第\d+号（[^）]+）签名无效：锚点被伪造或篡改/);
    await asAttacker(sql`DELETE FROM audit_checkpoint WHERE signature = ${'0'.repeat(64)}`);
    expect((await verify()).ok).toBe(true);
  });

  it('takes the daily checkpoint once per day, by the admin endpoint; written to the anchor file', async () => {
    const run = () => t.request({ method: 'POST', url: '/api/v1/jobs/audit-checkpoint/run', cookie: admin });
    const first = await run();
    expect(first.statusCode).toBe(200);
    expect(first.json().taken).toBe(true);
    const second = (await run()).json();
    expect(second.taken).toBe(false);
    expect(second.checkpoint.id).toBe(first.json().checkpoint.id);
    t.clock.advanceMinutes(24 * 60);
    admin = await t.login('admin'); // the idle timeout ended yesterday's sessions
    auditor = await t.login('auditor');
    expect((await run()).json().taken).toBe(true);
    expect((await t.request({ method: 'POST', url: '/api/v1/jobs/audit-checkpoint/run', cookie: auditor })).statusCode).toBe(403);
    const lines = (await readFile(t.ctx.config.auditAnchor.file!, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!).id).toBe((await run()).json().checkpoint.id);
    expect((await verify()).ok).toBe(true);
  });
});

/** ADR 0009's production recipe on PostgreSQL: the app as a non-owner role may append but never rewrite. */
describe.runIf(!!process.env.TEST_DATABASE_URL)('audit log under a non-owner application role', () => {
  let t: TestApp;
  const role = `taotai_app_${Math.random().toString(36).slice(2, 10)}`;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.ctx.db.execute(sql.raw(`DROP OWNED BY ${role}`));
    await t.ctx.db.execute(sql.raw(`DROP ROLE ${role}`));
    await t.close();
  });

  it('starts, appends, and is denied UPDATE and DELETE even with the trigger disabled', async () => {
    const [{ db: dbName }] = (await queryRows<{ db: string }>(t.ctx.db, sql`SELECT current_database() AS db`)) as [{ db: string }];
    for (const stmt of [
      `CREATE ROLE ${role} LOGIN`,
      `GRANT CONNECT ON DATABASE ${dbName} TO ${role}`,
      `GRANT USAGE ON SCHEMA public TO ${role}`,
      `GRANT USAGE ON SCHEMA drizzle TO ${role}`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
      `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
      `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoint FROM ${role}`,
    ]) {
      await t.ctx.db.execute(sql.raw(stmt));
    }
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.username = role;
    url.pathname = `/${dbName}`;
    const app = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
    try {
      await runMigrations(app); // start-up as the app role: nothing pending, nothing refused
      await app.db.transaction((tx) => recordAudit(tx, systemSubject('app-role'), t.clock.now(), { action: 'test.append', entityType: 'probe' }));
      await t.ctx.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      for (const q of [sql`UPDATE audit_log SET ip = '1.2.3.4'`, sql`DELETE FROM audit_log`, sql`TRUNCATE audit_log`, sql`DELETE FROM audit_checkpoint`]) {
        const err = await app.db.execute(q).then(() => null, (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message));
        expect(err).toMatch(/permission denied/);
      }
    } finally {
      await t.ctx.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      await app.close();
    }
    const [n] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.append'`);
    expect(n!.n).toBe(1);
  });
});
