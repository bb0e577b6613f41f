import { randomBytes } from 'node:crypto';
import { tip } from '../../src/db/schema/index.ts';
import { sealText } from '../../src/platform/crypto/seal.ts';
import type { TestApp } from './test-app.ts';

export interface TipFixture {
  regionCode?: string;
  handlingRegionCode?: string;
  handlingAgencyId?: number | null;
  enterpriseId?: number | null;
  enterpriseName?: string | null;
  matter?: string;
  receivedOn?: string;
  deadline?: string;
  /** A real-name tipster, sealed with the app's own key as intake would have. */
  identity?: { name: string; phone: string; idNumber: string | null } | null;
  status?: string;
}

/**
 * A tip as the public intake would have filed it (routed to 巩义's office, received, a deadline), inserted directly:
 * the intake route is built on another branch. The receipt hash is random (no code is ever needed here).
 */
export async function insertTip(t: TestApp, f: TipFixture = {}): Promise<number> {
  const now = t.clock.now();
  const deadline = f.deadline ?? '2026-03-23';
  const [row] = await t.ctx.db
    .insert(tip)
    .values({
      receiptHash: randomBytes(24).toString('hex'),
      regionCode: f.regionCode ?? '410181100',
      enterpriseId: f.enterpriseId ?? null,
      enterpriseName: f.enterpriseName ?? '巩义市示例水泥有限公司',
      address: '米河镇示例村',
      matter: f.matter ?? 'resumed_production',
      content: '封存的水泥熟料生产线夜间又开工生产，烟囱冒烟，运料车进出。',
      identityKind: f.identity ? 'real_name' : 'anonymous',
      identitySealed: f.identity ? sealText(t.ctx.sealKey, JSON.stringify(f.identity)) : null,
      handlingRegionCode: f.handlingRegionCode ?? '410181',
      handlingAgencyId: f.handlingAgencyId ?? null,
      status: f.status ?? 'received',
      receivedOn: f.receivedOn ?? '2026-03-02',
      deadline,
      originalDeadline: deadline,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: tip.id });
  return row!.id;
}
