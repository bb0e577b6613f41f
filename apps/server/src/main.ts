import { buildApp } from './app.ts';
import { boot } from './boot.ts';
import { loadConfig } from './config.ts';
import { runCalendarReminders } from './modules/calendar/index.ts';
import { runExitTaskReminders } from './modules/exit-task/index.ts';
import { REMINDER_INTERVAL_MS, runFilingReminders } from './modules/filing/index.ts';
import type { Clock } from './platform/clock.ts';

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
  runCalendarReminders(ctx).catch((err) => app.log.error(err, '节假日录入提醒执行失败'));
}, REMINDER_INTERVAL_MS);
const shutdown = async () => {
  clearInterval(reminders);
  await app.close();
  await ctx.database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ port: config.port, host: config.host });
app.log.info(`taotai 已启动：http://localhost:${config.port}（数据库：${ctx.database.engine}）`);
