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
  /** Audit checkpoints (ADR 0009): HMAC key (TAOTAI_AUDIT_KEY, else derived from the seal key) and an optional anchor file. */
  auditAnchor: { file: string | null; keyHex: string | null; sealKeyHex: string | null };
}

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
    auditAnchor: {
      file: env.AUDIT_ANCHOR_FILE ? path.resolve(env.AUDIT_ANCHOR_FILE) : null,
      keyHex: env.TAOTAI_AUDIT_KEY || null,
      sealKeyHex: env.TAOTAI_SEAL_KEY || null,
    },
  };
}
