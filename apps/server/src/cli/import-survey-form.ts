/**
 * Imports a survey form (排查登记表) from the command line as a given user, with the same checks,
 * scope and single transaction as the web upload; for bulk loads by the operator.
 * Usage: tsx src/cli/import-survey-form.ts --user xy-office --file form.xlsx [--check-only] [--progress]
 * Uses DATA_DIR / DATABASE_URL like the server.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { actorForUser, authRepository } from '../modules/auth/index.ts';
import { checkFile, importFile } from '../modules/survey-import/index.ts';
import { systemClock } from '../platform/clock.ts';
import { loadInstallationSecrets } from '../platform/crypto/installation-secrets.ts';
import { AppError } from '../platform/errors.ts';

const { values } = parseArgs({
  options: {
    user: { type: 'string' },
    file: { type: 'string' },
    'check-only': { type: 'boolean', default: false },
    progress: { type: 'boolean', default: false },
  },
});
if (!values.user || !values.file) {
  console.error('用法：import-survey-form --user <用户名> --file <文件.xlsx> [--check-only] [--progress]');
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase(config);
let code = 0;
try {
  await runMigrations(database);
  const ctx = { config, database, db: database.db, clock: systemClock, ...loadInstallationSecrets(config.dataDir) };
  const user = await authRepository.userByUsername(ctx.db, values.user);
  if (!user) throw new Error(`用户 ${values.user} 不存在`);
  const actor = await actorForUser(ctx.db, user, null);
  if (!actor.abilities.has('enterprise:import')) throw new Error(`用户 ${values.user} 没有导入权限`);
  const started = Date.now();
  // Only the error list outlives the check: the parsed rows must not sit in memory during the import.
  const errors = await checkFile(ctx, actor, values.file).then((c) => {
    console.log(JSON.stringify({ checked: { rows: c.form.rows.length, errors: c.errors.length, ms: Date.now() - started } }));
    return c.errors.slice(0, 20);
  });
  if (errors.length > 0) {
    for (const e of errors) console.log(`第${e.row}行 ${e.column ?? ''}：${e.message}`);
    code = 1;
  } else if (!values['check-only']) {
    const result = await importFile(
      ctx,
      actor,
      { path: values.file, fileName: path.basename(values.file) },
      { onProgress: values.progress ? (p) => console.log(JSON.stringify({ progress: p })) : undefined },
    );
    console.log(JSON.stringify({ result, ms: Date.now() - started }));
  }
} catch (err) {
  console.error(err instanceof AppError ? `${err.message}${err.fields ? `\n${JSON.stringify(err.fields)}` : ''}` : err);
  code = 1;
} finally {
  await database.close();
}
process.exit(code);
