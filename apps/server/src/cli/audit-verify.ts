/** `npm run audit:verify`: walks the audit hash chain; exit code 1 when it is broken (for cron or CI). */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { verifyAuditChain } from '../platform/audit/audit.ts';

const database = await openDatabase(loadConfig());
let ok = false;
try {
  const r = await verifyAuditChain(database.db);
  ok = r.ok;
  console.log(r.message);
  if (!r.ok) console.log(`首个异常日志编号：${r.firstBrokenId}（此前已校验 ${r.checked} 条）`);
} finally {
  await database.close();
}
process.exit(ok ? 0 : 1);
