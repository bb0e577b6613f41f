import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
// s3rver is a real S3-protocol server over a directory, so the store is exercised over HTTP as against
// MinIO; nothing of ours is replaced. It does not verify V4 signatures: the signing itself is checked
// against AWS's published examples in src/platform/files/s3-signing.test.ts.
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath, blobStoreFor, openStoredFile, registerBlobStore, S3BlobStore, type S3Config, storeUpload } from '../src/platform/files/index.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const drain = async (s: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
};

describe('S3-compatible file store', () => {
  let t: TestApp;
  let server: S3rver;
  let s3Dir: string;
  let cfg: S3Config;

  beforeAll(async () => {
    s3Dir = await mkdtemp(path.join(os.tmpdir(), 'taotai-s3-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: 'taotai-files', configs: [] }] });
    const addr = (await server.run()) as AddressInfo;
    cfg = {
      endpoint: `http://127.0.0.1:${addr.port}`,
      bucket: 'taotai-files',
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
      prefix: 'files/',
    };
    t = await createTestApp();
    registerBlobStore(t.ctx.config.dataDir, new S3BlobStore(cfg));
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
    await rm(s3Dir, { recursive: true, force: true });
  });

  const spool = async (bytes: Buffer, name: string) => {
    const file = path.join(t.ctx.config.dataDir, `spool-${Date.now()}-${Math.random()}`);
    await writeFile(file, bytes);
    return { fileName: name, path: file, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  };

  it('keeps uploads in the bucket, unchanged, and not under the data directory', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(70_000, 7)]);
    const upload = await spool(bytes, '承诺书.pdf');
    const row = await t.ctx.db.transaction((tx) => storeUpload(tx, t.ctx.config.dataDir, null, upload, 'application/pdf', new Date()));

    expect(row.sha256).toBe(upload.sha256);
    await expect(stat(upload.path)).rejects.toThrow(); // the spool file is gone
    await expect(stat(blobPath(t.ctx.config.dataDir, upload.sha256))).rejects.toThrow(); // nothing kept locally
    const { stream } = await openStoredFile(t.ctx.db, t.ctx.config.dataDir, row.id);
    const back = await drain(stream);
    expect(createHash('sha256').update(back).digest('hex')).toBe(upload.sha256);
    expect(back.equals(bytes)).toBe(true);
    // The object really sits in the S3 server's own storage.
    const bucketFiles = await readdir(path.join(s3Dir, 'taotai-files', 'files', upload.sha256.slice(0, 2)));
    expect(bucketFiles.some((f) => f.startsWith(upload.sha256))).toBe(true);
  });

  it('stores the same bytes once however often they are uploaded', async () => {
    const bytes = Buffer.from('%PDF-1.4\nsame');
    const a = await t.ctx.db.transaction(async (tx) => storeUpload(tx, t.ctx.config.dataDir, null, await spool(bytes, 'a.pdf'), 'application/pdf', new Date()));
    const b = await t.ctx.db.transaction(async (tx) => storeUpload(tx, t.ctx.config.dataDir, null, await spool(bytes, 'b.pdf'), 'application/pdf', new Date()));
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    const back = await drain((await openStoredFile(t.ctx.db, t.ctx.config.dataDir, b.id)).stream);
    expect(back.toString()).toBe('%PDF-1.4\nsame');
  });

  it('tells a missing object from a kept one', async () => {
    const store = blobStoreFor(t.ctx.config.dataDir);
    expect(store.kind).toBe('s3');
    expect(await store.open('0'.repeat(64))).toBeNull();
    const kept = createHash('sha256').update('%PDF-1.4\nsame').digest('hex');
    expect(await store.has(kept)).toBe(true);
    const wrongBucket = new S3BlobStore({ ...cfg, bucket: 'no-such-bucket' });
    const orphan = await spool(Buffer.from('%PDF-1.4\norphan'), 'orphan.pdf');
    await expect(wrongBucket.putFile(orphan.sha256, orphan.path, 'application/pdf')).rejects.toThrow(/对象存储 PUT .*HTTP 404/);
    expect((await stat(orphan.path)).size).toBeGreaterThan(0); // a failed copy keeps the spooled upload
  });

  it('health says which store is in use', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    expect(res.json().fileStore).toBe('s3');
  });
});
