/**
 * `npm run audit:verify`: walks the audit hash chain and checks every checkpoint against it (ADR 0009); exit code
 * 1 when anything is broken (for cron or CI). A passing run anchors the verified head with a new checkpoint.
 */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { systemSubject } from '../platform/audit/audit.ts';
import { auditAnchor } from '../platform/audit/checkpoint.ts';
import { verifyAuditLog } from '../platform/audit/verify.ts';
import { systemClock } from '../platform/clock.ts';

const config = loadConfig();
const database = await openDatabase(config);
let ok = false;
try {
  const anchor = auditAnchor(config, { info: (m) => console.log(m), warn: (m) => console.warn(m) });
  const r = await verifyAuditLog(database.db, anchor, { clock: systemClock, who: systemSubject('audit-verify') });
  ok = r.ok;
  console.log(r.message);
  if (!r.ok) console.log(`首个异常日志编号：${r.firstBrokenId ?? '无'}（已校验 ${r.checked} 条，锚点 ${r.checkpoints} 个）`);
} finally {
  await database.close();
}
process.exit(ok ? 0 : 1);
