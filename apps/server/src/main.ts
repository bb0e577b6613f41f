import { buildApp } from './app.ts';
import { boot } from './boot.ts';
import { loadConfig } from './config.ts';
import { connectionErrorSummary } from './db/connection-errors.ts';
import { CHECKPOINT_INTERVAL_MS, runAuditCheckpoint } from './modules/audit/index.ts';
import { runCalendarReminders } from './modules/calendar/index.ts';
import { runDailyDataQualitySweep } from './modules/data-quality/index.ts';
import { runExitTaskReminders } from './modules/exit-task/index.ts';
import { runTipEscalation } from './modules/tip/index.ts';
import { REMINDER_INTERVAL_MS, runFilingReminders } from './modules/filing/index.ts';
import { runTodoReminders } from './modules/todo/index.ts';
import type { Clock } from './platform/clock.ts';
import { sweepRateLimits } from './platform/http/rate-limit.ts';

/**
 * Demo installations may start with the clock set to another instant (TAOTAI_FAKE_NOW, ISO), so a browser
 * test can restart the server "three weeks later" on the same data and see deadlines pass. The clock keeps
 * ticking from there. Ignored outside demo mode: production time always comes from the system.
 */
function demoClock(demoMode: boolean, fakeNow: string | undefined): Clock | undefined {
  if (!demoMode || !fakeNow) return undefined;
  const start = Date.parse(fakeNow);
  if (Number.isNaN(start)) throw new Error(`TAOTAI_FAKE_NOW 不是有效的时间：${fakeNow}`);
  const offset = start - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

const config = loadConfig();
const fakeClock = demoClock(config.demoMode, process.env.TAOTAI_FAKE_NOW);
const ctx = await boot(config, fakeClock);
const app = await buildApp(ctx, { logger: true });
// Filing and dismantling-deadline reminders every 10 minutes (idempotent: a reminder already sent is never sent again).
const reminders = setInterval(() => {
  runFilingReminders(ctx).catch((err) => app.log.error(err, '报送提醒执行失败'));
  runExitTaskReminders(ctx).catch((err) => app.log.error(err, '拆除期限提醒执行失败'));
  sweepRateLimits(ctx.db, ctx.clock).catch((err) => app.log.error(err, '限流计数清理失败'));
  runCalendarReminders(ctx).catch((err) => app.log.error(err, '节假日录入提醒执行失败'));
  runTodoReminders(ctx).catch((err) => app.log.error(err, '待办到期提醒执行失败'));
  runDailyDataQualitySweep(ctx).catch((err) => app.log.error(err, '数据质量每日检查执行失败'));
  runTipEscalation(ctx).catch((err) => app.log.error(err, '举报逾期提级执行失败'));
}, REMINDER_INTERVAL_MS);
// The audit log's daily checkpoint (ADR 0009): checked hourly and at start, taken once per Beijing date.
const checkpoint = () => runAuditCheckpoint(ctx, app.log).catch((err) => app.log.error(err, '审计锚点记录失败'));
const checkpoints = setInterval(checkpoint, CHECKPOINT_INTERVAL_MS);
// A rejected promise nobody awaited (a fire-and-forget notification, a driver callback) is a bug to log, not a
// reason to drop every request in flight; a thrown exception still ends the process (its state is unknown) and
// the supervisor starts a fresh one.
// Only the first line and the innermost cause: a query error's message goes on with its parameters (personal data).
process.on('unhandledRejection', (reason) => {
  const first = String(reason instanceof Error ? reason.message : reason).split('\n')[0];
  app.log.error(`未处理的异步错误：${first}（${connectionErrorSummary(reason)}）`);
});

/** How long in-flight requests may take to finish after SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 15_000;
let stopping = false;
const shutdown = async (signal: NodeJS.Signals) => {
  if (stopping) {
    app.log.warn(`再次收到 ${signal}，立即退出`);
    process.exit(130);
  }
  stopping = true;
  app.log.info(`收到 ${signal}，停止接收新请求，等待进行中的请求完成`);
  clearInterval(reminders);
  clearInterval(checkpoints);
  const force = setTimeout(() => {
    app.log.error(`${SHUTDOWN_GRACE_MS / 1000} 秒内未能完成关闭，强制退出`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  try {
    // Stops listening, closes idle keep-alive connections, answers 503 on busy ones, waits for handlers.
    await app.close();
    await ctx.database.close();
  } catch (err) {
    app.log.error(err, '关闭时出错');
    process.exit(1);
  }
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ port: config.port, host: config.host });
void checkpoint();
app.log.info(`taotai 已启动：http://localhost:${config.port}（数据库：${ctx.database.engine}）`);
