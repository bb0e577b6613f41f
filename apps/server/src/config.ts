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
  /** Fastify's `trustProxy`: which peers may set X-Forwarded-For/-Host/-Proto (TRUST_PROXY; default none). */
  trustProxy: boolean | number | string[];
  /** Origins besides the request's own host that may send state-changing requests (PUBLIC_ORIGIN). */
  publicOrigins: string[];
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
    secureCookies: env.SECURE_COOKIES === 'true',
    s3: s3FromEnv(env),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicOrigins: parsePublicOrigins(env.PUBLIC_ORIGIN),
  };
}
