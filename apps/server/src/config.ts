import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** When set, PostgreSQL; otherwise embedded PGlite under `dataDir/pglite`. */
  databaseUrl: string | null;
  /** Demo mode: demo accounts are seeded and need no password change on first login. */
  demoMode: boolean;
  /** Built web app to serve, if present. */
  webDist: string;
  /** Secure cookies when served over HTTPS. */
  secureCookies: boolean;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || null,
    demoMode: (env.DEMO_MODE ?? 'true') !== 'false',
    webDist: path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'apps/web/dist')),
    secureCookies: env.SECURE_COOKIES === 'true',
  };
}
