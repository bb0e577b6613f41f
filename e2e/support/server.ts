import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** The server's output so far, for a failing test's message. */
  log: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  timeoutMs?: number;
  /** The instant the server's clock starts at (ISO, e.g. 2026-11-02T09:00:00+08:00); honoured in demo mode only. */
  fakeNow?: string;
}

export interface RestartableServer extends RunningServer {
  /**
   * Stops the server and starts it again on the same data directory and port, with the clock set to
   * `fakeNow` — "three weeks later" for deadlines, without any test-only endpoint. Sessions do not
   * survive the jump (they idle out), so log in again afterwards.
   */
  restart: (opts: { fakeNow?: string }) => Promise<void>;
}

interface Child {
  stop: () => Promise<void>;
  exitCode: () => number | null;
}

function spawnServer(port: number, dataDir: string, fakeNow: string | undefined, keep: (b: Buffer) => void): Child {
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DEMO_MODE: 'true',
      // Low argon2 cost: the demo hashes are made at first start, and every login verifies one.
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      TAOTAI_FAKE_NOW: fakeNow ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    exitCode: () => child.exitCode,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

async function waitHealthy(baseUrl: string, child: Child, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode() !== null) throw new Error(`服务器启动失败（退出码 ${child.exitCode()}）：\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet (migrations and the demo seed run first).
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`服务器在限定时间内未就绪：\n${output()}`);
}

/**
 * Starts the real server (`tsx apps/server/src/main.ts`) on a free port with a fresh data directory,
 * so the demo data seeds on first start exactly as for a new installation. Resolves once /api/health answers.
 */
export async function startServer(opts: StartOptions = {}): Promise<RestartableServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'taotai-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const timeoutMs = opts.timeoutMs ?? 200_000;
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-200_000);
  };
  const log = () => output;
  let child = spawnServer(port, dataDir, opts.fakeNow, keep);

  const stop = async () => {
    await child.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const restart = async (r: { fakeNow?: string }) => {
    await child.stop();
    child = spawnServer(port, dataDir, r.fakeNow, keep);
    try {
      await waitHealthy(baseUrl, child, timeoutMs, log);
    } catch (e) {
      await stop();
      throw e;
    }
  };

  try {
    await waitHealthy(baseUrl, child, timeoutMs, log);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, dataDir, log, stop, restart };
}
