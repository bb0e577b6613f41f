import { buildApp } from './app.ts';
import { boot } from './boot.ts';
import { loadConfig } from './config.ts';

const config = loadConfig();
const ctx = await boot(config);
const app = await buildApp(ctx, { logger: true });
const shutdown = async () => {
  await app.close();
  await ctx.database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ port: config.port, host: config.host });
app.log.info(`taotai 已启动：http://localhost:${config.port}（数据库：${ctx.database.engine}）`);
