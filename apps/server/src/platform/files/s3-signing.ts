import { createHash, createHmac } from 'node:crypto';

/** Connection to an S3-compatible store, from S3_* environment variables (see config.ts). */
export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `http://host:9000/bucket/key` rather than `http://bucket.host:9000/key` (MinIO and most private stores). */
  forcePathStyle: boolean;
  prefix?: string;
}

export interface S3RequestSpec {
  method: string;
  key: string;
  /** Hex SHA-256 of the body; absent for requests without one. */
  payloadHash?: string;
  contentType?: string;
  /** Further headers to sign and send (lower-case names), e.g. `range`. */
  extraHeaders?: Record<string, string>;
  now: Date;
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
/** RFC 3986 encoding as SigV4 wants it, keeping the key's slashes. */
const encodePath = (p: string) =>
  p
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');

/** AWS Signature Version 4 for one object request (header-signed; no query parameters). */
export function signS3Request(cfg: S3Config, spec: S3RequestSpec): { url: string; headers: Record<string, string> } {
  const base = new URL(cfg.endpoint);
  const host = cfg.forcePathStyle ? base.host : `${cfg.bucket}.${base.host}`;
  const basePath = base.pathname.replace(/\/$/, '');
  const canonicalUri = encodePath(cfg.forcePathStyle ? `${basePath}/${cfg.bucket}/${spec.key}` : `${basePath}/${spec.key}`);
  const amzDate = spec.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const payloadHash = spec.payloadHash ?? EMPTY_SHA256;

  const headers: Record<string, string> = { ...spec.extraHeaders, host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
  if (spec.contentType) headers['content-type'] = spec.contentType;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]?.trim()}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [spec.method, canonicalUri, '', canonicalHeaders, signedHeaders, payloadHash].join('\n');

  const scope = `${day}/${cfg.region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac(`AWS4${cfg.secretAccessKey}`, day);
  const kSigning = hmac(hmac(hmac(kDate, cfg.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');

  const { host: _host, ...sent } = headers;
  return {
    url: `${base.protocol}//${host}${canonicalUri}`,
    headers: { ...sent, authorization: `AWS4-HMAC-SHA256 Credential=${cfg.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` },
  };
}
