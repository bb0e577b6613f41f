import { createReadStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type S3Config, signS3Request } from './s3-signing.ts';

/**
 * Where the bytes of stored files live. Blobs are addressed by their SHA-256, so a store only puts,
 * checks and reads whole objects; the stored_file table in the database says what they are.
 */
export interface BlobStore {
  readonly kind: 'local' | 's3';
  has(sha256: string): Promise<boolean>;
  /** Moves (local) or copies (S3) a spooled file into the store; the spool file is gone afterwards. */
  putFile(sha256: string, file: string, mime: string): Promise<void>;
  /** The bytes as uploaded, or null when the store no longer has them. */
  open(sha256: string): Promise<Readable | null>;
}

/** Content-addressed: the same bytes are kept once however often they are uploaded. */
export const blobPath = (dataDir: string, sha256: string) => path.join(dataDir, 'files', sha256.slice(0, 2), sha256);

export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;
  constructor(private readonly dataDir: string) {}

  has(sha256: string): Promise<boolean> {
    return access(blobPath(this.dataDir, sha256)).then(
      () => true,
      () => false,
    );
  }

  async putFile(sha256: string, file: string): Promise<void> {
    const dest = blobPath(this.dataDir, sha256);
    await mkdir(path.dirname(dest), { recursive: true });
    if (await this.has(sha256)) await rm(file, { force: true });
    else await rename(file, dest);
  }

  async open(sha256: string): Promise<Readable | null> {
    return (await this.has(sha256)) ? createReadStream(blobPath(this.dataDir, sha256)) : null;
  }
}

/**
 * An S3-compatible object store (MinIO, Ceph RGW, a cloud's OSS/COS with S3 API), spoken to with
 * plain fetch and Signature V4 so no SDK is needed. The payload hash S3 wants is the blob's own
 * SHA-256, which the upload already computed while spooling.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  constructor(private readonly cfg: S3Config) {}

  private key(sha256: string) {
    return `${this.cfg.prefix ?? 'files/'}${sha256.slice(0, 2)}/${sha256}`;
  }

  private async send(method: 'GET' | 'PUT' | 'HEAD', sha256: string, body?: Buffer, mime?: string): Promise<Response> {
    const payloadHash = body ? sha256 : undefined;
    const req = signS3Request(this.cfg, { method, key: this.key(sha256), payloadHash, contentType: mime, now: new Date() });
    const res = await fetch(req.url, { method, headers: req.headers, body: body ? new Uint8Array(body) : undefined });
    // A missing object is an answer for reads; for a write (e.g. no such bucket) it is a failure.
    if (!res.ok && !(res.status === 404 && method !== 'PUT')) {
      const text = await res.text().catch(() => '');
      throw new Error(`对象存储 ${method} ${this.key(sha256)} 失败：HTTP ${res.status} ${text.slice(0, 200)}`);
    }
    return res;
  }

  async has(sha256: string): Promise<boolean> {
    const res = await this.send('HEAD', sha256);
    return res.ok;
  }

  async putFile(sha256: string, file: string, mime: string): Promise<void> {
    if (!(await this.has(sha256))) await this.send('PUT', sha256, await readFile(file), mime);
    await rm(file, { force: true });
  }

  async open(sha256: string): Promise<Readable | null> {
    const res = await this.send('GET', sha256);
    if (res.status === 404 || !res.body) return null;
    return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  }
}

/**
 * The store for a data directory. Call sites pass the data directory they always had; an S3 store is
 * registered for it at start-up when configured (see boot), so no module needs to know which it is.
 */
const registered = new Map<string, BlobStore>();
export function registerBlobStore(dataDir: string, store: BlobStore): void {
  registered.set(path.resolve(dataDir), store);
}
export function blobStoreFor(dataDir: string): BlobStore {
  return registered.get(path.resolve(dataDir)) ?? new LocalBlobStore(dataDir);
}
