import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/**
 * `npm start`: runs `main.ts` in a child process and starts it again when it dies (a crash, an exception the
 * process could not survive, an out-of-memory kill), waiting 1 s, 2 s, 4 s … up to 30 s between attempts so a
 * database that is down for a while is not hammered. A run that lasted a minute resets the wait.
 * SIGTERM/SIGINT are passed on once; the child drains its requests and exits 0, and so does the supervisor.
 * Under systemd or another process manager this layer is optional (README, "Running in production").
 */
const MAIN = path.join(import.meta.dirname, 'main.ts');
const MIN_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const STABLE_RUN_MS = 60_000;

let child: ChildProcess | null = null;
let stopping = false;
let delay = MIN_DELAY_MS;
let lastSignalAt = 0;

const log = (m: string) => console.log(`[supervisor ${new Date().toISOString()}] ${m}`);

function start(): void {
  const startedAt = Date.now();
  // Same loader flags (tsx) as this process. A process group of its own, so a terminal's Ctrl-C reaches the
  // child once, through us, and not a second time directly (a second signal makes main.ts exit at once).
  child = fork(MAIN, process.argv.slice(2), { execArgv: process.execArgv, stdio: 'inherit', detached: true });
  child.once('exit', (code, signal) => {
    child = null;
    if (stopping) process.exit(code ?? 0);
    if (code === 0) {
      log('服务进程已正常退出');
      process.exit(0);
    }
    if (Date.now() - startedAt >= STABLE_RUN_MS) delay = MIN_DELAY_MS;
    log(`服务进程异常退出（${signal ?? `退出码 ${code}`}），${delay / 1000} 秒后重启`);
    setTimeout(start, delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  });
}

function onSignal(signal: NodeJS.Signals): void {
  // npm and tsx relay a terminal's signal as well: the same signal within a second is one request to stop.
  const now = Date.now();
  if (stopping && now - lastSignalAt < 1_000) return;
  lastSignalAt = now;
  stopping = true;
  if (child) child.kill(signal);
  else process.exit(0);
}

process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);
start();
