import path from 'node:path';
import type { AppContext } from './app-context.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { seedBase } from './db/seeds/base.ts';
import { seedDemo } from './db/seeds/demo.ts';
import { setPasswordHashCost } from './platform/auth/passwords.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { loadInstallationSecrets } from './platform/crypto/installation-secrets.ts';
import { sweepStaleSpool } from './platform/documents/spool-sweep.ts';
import { registerBlobStore, S3BlobStore } from './platform/files/index.ts';
import { sealLegacyObjections } from './modules/announcement/index.ts';

/** Opens the database, migrates, and on first start loads regions, catalogues and (in demo mode) demo data. */
export async function boot(config: Config, clock: Clock = systemClock): Promise<AppContext> {
  if (config.s3) registerBlobStore(config.dataDir, new S3BlobStore(config.s3));
  setPasswordHashCost(config.argon2);
  const { sealKey, receiptPepper } = loadInstallationSecrets(config.dataDir);
  const database = await openDatabase(config);
  await runMigrations(database);
  const ctx: AppContext = { config, database, db: database.db, clock, sealKey, receiptPepper };
  // Objections filed before their phones were sealed (ADR 0010): sealed now, once, with the key.
  await sealLegacyObjections(ctx.db, sealKey);
  await seedBase(ctx.db, clock);
  if (config.demoMode) await seedDemo(ctx.db, clock);
  // Uploads spooled by a process that was killed mid-request (survey-import's imports/, platform/files' files/tmp).
  await sweepStaleSpool([path.join(config.dataDir, 'imports'), path.join(config.dataDir, 'files', 'tmp')]);
  return ctx;
}
