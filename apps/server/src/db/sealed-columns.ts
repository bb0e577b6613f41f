import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { announcementObjection, appUser, tip } from './schema/index.ts';

/**
 * Every column that holds `sealText` values (platform/crypto/seal.ts), for `npm run seal:rotate` (ADR 0025 "Key
 * rotation"). A column added here is re-sealed under the current key; one left out would become unreadable once a
 * retired key is removed, so `sealed-columns.test.ts` fails for any `*_sealed` / `*secret` column not listed.
 * Each table needs an integer primary key named `id` (the re-seal walks it in order).
 */
export interface SealedColumn {
  table: string;
  column: string;
  /** What it holds, for the command's report. */
  label: string;
}

const entry = (table: PgTable, column: PgColumn, label: string): SealedColumn => ({ table: getTableConfig(table).name, column: column.name, label });

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  entry(appUser, appUser.totpSecret, '账号的动态口令密钥'),
  entry(appUser, appUser.totpPendingSecret, '账号待确认的动态口令密钥'),
  entry(announcementObjection, announcementObjection.phoneSealed, '异议人手机号码'),
  entry(tip, tip.identitySealed, '实名举报人身份'),
];
