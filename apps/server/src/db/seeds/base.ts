import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import type { Db } from '../client.ts';
import { appUser, basisItem, capacityUnit, industry } from '../schema/index.ts';
import { BASIS_ITEMS, CAPACITY_UNITS, INDUSTRIES } from './catalogue-data.ts';
import { loadRegions } from './regions.ts';

export const DEMO_PASSWORD = 'Taotai@2026';

/**
 * What every installation needs: the region tree, the catalogues and an `admin` account.
 * Idempotent: each part is skipped when already present.
 */
export async function seedBase(
  db: Db,
  clock: Clock,
  opts: { demoMode: boolean; onlyProvince?: string; log?: (m: string) => void } = { demoMode: true },
): Promise<void> {
  const log = opts.log ?? (() => {});
  const loaded = await loadRegions(db, { onlyProvince: opts.onlyProvince });
  if (loaded) log(`已载入行政区划 ${loaded} 条`);
  const [units] = await db.select({ n: count() }).from(capacityUnit);
  if (Number(units!.n) === 0) {
    await db.transaction(async (tx) => {
      await tx.insert(capacityUnit).values(CAPACITY_UNITS);
      await tx.insert(industry).values(INDUSTRIES.map(([code, name, unitCode], i) => ({ code, name, unitCode, isKey: true, sortOrder: i + 1 })));
      await tx.insert(basisItem).values(BASIS_ITEMS.map(([criterion, industryCode, title, source]) => ({ criterion, industryCode, title, source })));
      await recordAudit(tx, systemSubject('seed'), clock.now(), {
        action: 'catalogue.seed',
        entityType: 'catalogue',
        after: { units: CAPACITY_UNITS.length, industries: INDUSTRIES.length, basisItems: BASIS_ITEMS.length },
      });
    });
  }
  const [users] = await db.select({ n: count() }).from(appUser);
  if (Number(users!.n) === 0) {
    const password = process.env.TAOTAI_ADMIN_PASSWORD ?? (opts.demoMode ? DEMO_PASSWORD : randomBytes(12).toString('base64url'));
    const now = clock.now();
    await db.transaction(async (tx) => {
      const [u] = await tx
        .insert(appUser)
        .values({
          username: 'admin',
          displayName: '系统管理员',
          passwordHash: await hashPassword(password),
          role: 'admin',
          regionCode: '100000',
          mustChangePassword: !opts.demoMode,
          passwordChangedAt: now,
          createdAt: now,
        })
        .returning();
      await recordAudit(tx, systemSubject('seed'), now, { action: 'user.create', entityType: 'user', entityId: u!.id, after: { username: 'admin', role: 'admin' } });
    });
    if (!opts.demoMode && !process.env.TAOTAI_ADMIN_PASSWORD) log(`已创建管理员 admin，初始密码：${password}（首次登录须修改）`);
  }
}
