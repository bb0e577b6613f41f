import { execFile } from 'node:child_process';
import { chown, chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A throwaway PostgreSQL 15 cluster of one test's own, for tests that stop and restart the server (the shared
 * test cluster of scripts/with-pg15.sh serves every other file at the same time). Same recipe as that script:
 * initdb into a temp dir, trust auth on a free loopback port, as `postgres` when running as root (initdb
 * refuses root). Every command is asynchronous, so the test's HTTP load keeps running during a restart.
 */
export interface PrivateCluster {
  url: string;
  /** `pg_ctl restart -m fast`: sessions are terminated (57P01), the server is back when this resolves. */
  restartFast(): Promise<void>;
  stopFast(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and removes its directory; safe to call twice. */
  destroy(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export async function startPrivateCluster(): Promise<PrivateCluster> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'taotai-pgr-'));
  await chmod(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    await chown(dir, uid, gid);
  }
  const pg = (bin: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(PGBIN, bin), ...args]) : run(path.join(PGBIN, bin), args);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=50`;
  const ctl = (...args: string[]) => pg('pg_ctl', ['-D', data, '-l', path.join(dir, 'pg.log'), '-w', '-t', '60', ...args]);
  await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  await ctl('-o', opts, 'start');
  let destroyed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restartFast: async () => void (await ctl('-m', 'fast', '-o', opts, 'restart')),
    stopFast: async () => void (await ctl('-m', 'fast', 'stop')),
    start: async () => void (await ctl('-o', opts, 'start')),
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      await ctl('-m', 'immediate', 'stop').catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
