import path from 'node:path';
import { type Argon2Cost, PRODUCTION_ARGON2 } from './platform/auth/passwords.ts';
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
  /** Secure cookies (HTTPS only): on by default outside demo mode; SECURE_COOKIES decides when set. */
  secureCookies: boolean;
  /** argon2id cost of new password hashes (ARGON2_MEMORY_KIB, ARGON2_TIME_COST); tests lower it. */
  argon2: Argon2Cost;
  /** Stored files go to an S3-compatible store when S3_BUCKET is set; otherwise under `dataDir/files`. */
  s3: S3Config | null;
  /** Fastify's `trustProxy`: which peers may set X-Forwarded-For/-Host/-Proto (TRUST_PROXY; default none). */
  trustProxy: boolean | number | string[];
  /** Origins besides the request's own host that may send state-changing requests (PUBLIC_ORIGIN). */
  publicOrigins: string[];
  /** Audit checkpoints (ADR 0009): HMAC key (TAOTAI_AUDIT_KEY, else derived from the seal ring's lookup key) and an optional anchor file. */
  auditAnchor: { file: string | null; keyHex: string | null; sealKeyHex: string | null; sealLookupKeyHex: string | null };
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

/**
 * TRUST_PROXY: unset or `false` → the socket address is the client (an X-Forwarded-For header is ignored, so it
 * cannot pick the audited or rate-limited address); `true` → trust every hop; a number → that many hops;
 * otherwise a comma-separated list of proxy IPs/CIDRs (Fastify/proxy-addr forms).
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Fastify's types lack the hop count its proxy-addr accepts: n hops is "the nearest n peers are proxies". */
export function fastifyTrustProxy(v: Config['trustProxy']): boolean | string[] | ((addr: string, hop: number) => boolean) {
  return typeof v === 'number' ? (_addr, hop) => hop < v : v;
}

/** PUBLIC_ORIGIN: comma-separated origins (`https://taotai.example.gov.cn`), normalised to scheme://host[:port]. */
export function parsePublicOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      try {
        return new URL(s).origin;
      } catch {
        throw new Error(`PUBLIC_ORIGIN 中的地址无效：${s}`);
      }
    });
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} 须为正整数：${raw}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const demoMode = (env.DEMO_MODE ?? 'true') !== 'false';
  return {
    port: Number(env.PORT ?? 3000),
    // A demo is tried from other machines and containers, so it listens everywhere; production sits behind a
    // reverse proxy on the same host and listens on loopback unless HOST says otherwise (ADR 0007).
    host: env.HOST || (demoMode ? '0.0.0.0' : '127.0.0.1'),
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || null,
    demoMode,
    webDist: path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'apps/web/dist')),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : !demoMode,
    argon2: {
      memoryCost: positiveInt(env, 'ARGON2_MEMORY_KIB', PRODUCTION_ARGON2.memoryCost),
      timeCost: positiveInt(env, 'ARGON2_TIME_COST', PRODUCTION_ARGON2.timeCost),
    },
    s3: s3FromEnv(env),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicOrigins: parsePublicOrigins(env.PUBLIC_ORIGIN),
    auditAnchor: {
      file: env.AUDIT_ANCHOR_FILE ? path.resolve(env.AUDIT_ANCHOR_FILE) : null,
      keyHex: env.TAOTAI_AUDIT_KEY || null,
      sealKeyHex: env.TAOTAI_SEAL_KEY || null,
      sealLookupKeyHex: env.TAOTAI_SEAL_LOOKUP_KEY || null,
    },
    uploads: {
      maxBytes: positive(env, 'UPLOAD_MAX_MB', 30) * 1024 * 1024,
      maxUnzippedBytes: positive(env, 'UPLOAD_MAX_UNZIPPED_MB', 400) * 1024 * 1024,
      parseTimeoutMs: positive(env, 'UPLOAD_PARSE_TIMEOUT_S', 120) * 1000,
    },
  };
}
