/**
 * `npm run seal:rotate`: re-seals every sealed column (db/sealed-columns.ts) under the current seal key, so that
 * retired keys can then be removed (ADR 0025 "Key rotation"; README, configuration). Run it after every server
 * has been restarted with the new keyring. Safe to re-run and to interrupt; exit code 1 while any value is not
 * yet under the current key (do not remove a retired key then).
 *   --new-key      file mode only (no TAOTAI_SEAL_KEY): make a new current key in DATA_DIR/seal.key, retire the old
 *                  one into DATA_DIR/seal-retired.keys, and stop; restart the servers, then run without it.
 *   --batch N      rows per transaction (default 200).
 */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { SEALED_COLUMNS } from '../db/sealed-columns.ts';
import { rotateSealKeyFiles } from '../platform/crypto/seal-key.ts';
import { resealColumns } from '../platform/crypto/reseal.ts';
import { loadSealKey, sealKeyEnv } from '../platform/crypto/seal.ts';

const config = loadConfig();
const env = sealKeyEnv();
const args = process.argv.slice(2);

if (args.includes('--new-key')) {
  if (env.envKey) {
    console.error('密钥取自环境变量 TAOTAI_SEAL_KEY：请把旧密钥移入 TAOTAI_SEAL_KEYS_RETIRED、设置 TAOTAI_SEAL_LOOKUP_KEY 并把新密钥设为 TAOTAI_SEAL_KEY，重启服务后再执行 npm run seal:rotate');
    process.exit(2);
  }
  const r = rotateSealKeyFiles(config.dataDir);
  console.log(`已生成新的封存密钥 ${r.kid}；原密钥 ${r.retiredKid} 已移入 seal-retired.keys（仍可解封）。请重启全部服务，然后执行 npm run seal:rotate`);
  process.exit(0);
}

const batchArg = args.indexOf('--batch');
const batchSize = batchArg >= 0 ? Number(args[batchArg + 1]) : 200;
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error('--batch 须为正整数');
  process.exit(2);
}

const key = loadSealKey({ dataDir: config.dataDir, ...env });
const database = await openDatabase(config);
let remaining = 0;
try {
  console.log(`当前封存密钥 ${key.kid}；密钥环：${key.kids.join('、')}`);
  const { results } = await resealColumns(database.db, key, SEALED_COLUMNS, { batchSize, log: (line) => console.log(line) });
  remaining = results.reduce((n, r) => n + r.remaining, 0);
  const resealed = results.reduce((n, r) => n + r.resealed, 0);
  for (const r of results) if (r.unreadable.length) console.log(`  ${r.table} 无法解封的记录编号：${r.unreadable.join('、')}`);
  console.log(
    remaining === 0
      ? `完成：本次重新封存 ${resealed} 条，全部封存数据均已使用当前密钥 ${key.kid}，可以移除已停用的密钥`
      : `未完成：仍有 ${remaining} 条未使用当前密钥，请勿移除已停用的密钥`,
  );
} finally {
  await database.close();
}
process.exit(remaining === 0 ? 0 : 1);
