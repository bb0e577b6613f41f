import path from 'node:path';
import type { S3Config } from './platform/files/s3-signing.ts';

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
  /** Stored files go to an S3-compatible store when S3_BUCKET is set; otherwise under `dataDir/files`. */
  s3: S3Config | null;
  /** Budgets for reading uploaded files (issue 9: every upload parse ends with an answer). */
  uploads: UploadLimits;
}

export interface UploadLimits {
  /** Largest upload accepted at all (multipart limit). */
  maxBytes: number;
  /** Largest sum of uncompressed entries of an uploaded .xlsx (zip bombs). */
  maxUnzippedBytes: number;
  /** Time one parse of an upload may take before it is refused. */
  parseTimeoutMs: number;
}

const positive = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} 须为正数：${v}`);
  return n;
};

/** S3_* variables: all of endpoint, bucket and keys, or none. */
function s3FromEnv(env: NodeJS.ProcessEnv): S3Config | null {
  if (!env.S3_BUCKET) return null;
  const missing = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((k) => !env[k]);
  if (missing.length) throw new Error(`已设置 S3_BUCKET，但缺少 ${missing.join('、')}`);
  return {
    endpoint: env.S3_ENDPOINT as string,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION ?? 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID as string,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false',
    prefix: env.S3_PREFIX ?? 'files/',
  };
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
    s3: s3FromEnv(env),
    uploads: {
      maxBytes: positive(env, 'UPLOAD_MAX_MB', 30) * 1024 * 1024,
      maxUnzippedBytes: positive(env, 'UPLOAD_MAX_UNZIPPED_MB', 400) * 1024 * 1024,
      parseTimeoutMs: positive(env, 'UPLOAD_PARSE_TIMEOUT_S', 120) * 1000,
    },
  };
}
