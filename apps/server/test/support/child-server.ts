import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** A real server process (tsx apps/server/src/main.ts) on a data directory, as in production: for crash tests. */
export interface ChildServer {
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL, as a power cut or the OOM killer would: no shutdown hook runs. */
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startChildServer(opts: { dataDir: string; port: number; databaseUrl?: string; timeoutMs?: number }): Promise<ChildServer> {
  // tsx's loader in the server's own process, not tsx's CLI: the CLI runs the server in a grandchild, and a SIGKILL
  // to the CLI would leave the server running (signals are relayed, SIGKILL cannot be).
  const tsx = (f: string) => path.join(repoRoot, 'node_modules/tsx/dist', f);
  const args = ['--require', tsx('preflight.cjs'), '--import', pathToFileURL(tsx('loader.mjs')).href, 'apps/server/src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1', DATA_DIR: opts.dataDir, DATABASE_URL: opts.databaseUrl ?? '', DEMO_MODE: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    baseUrl,
    child,
    output: () => out,
    kill9: async () => {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (gone()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
