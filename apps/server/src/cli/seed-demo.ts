/** `npm run seed:demo`: the national region tree, catalogues, admin and the Henan demo data (idempotent). */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { seedBase } from '../db/seeds/base.ts';
import { seedDemo } from '../db/seeds/demo.ts';
import { systemClock } from '../platform/clock.ts';

const config = loadConfig();
const started = Date.now();
const database = await openDatabase(config);
try {
  await runMigrations(database);
  await seedBase(database.db, systemClock, { demoMode: true, log: (m) => console.log(m) });
  await seedDemo(database.db, systemClock);
  console.log(`演示数据已就绪（${database.engine}），用时 ${((Date.now() - started) / 1000).toFixed(1)} s；演示账户密码见 README`);
} finally {
  await database.close();
}
