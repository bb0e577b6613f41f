import { describe, expect, it } from 'vitest';
import { signS3Request } from './s3-signing.ts';

// The worked examples of "Signature Calculations for the Authorization Header" in the Amazon S3 API
// reference (Signature Version 4): same keys, bucket, time and headers must give the published signatures.
const example = {
  endpoint: 'https://s3.amazonaws.com',
  bucket: 'examplebucket',
  region: 'us-east-1',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  forcePathStyle: false,
};
const now = new Date('2013-05-24T00:00:00Z');

describe('S3 Signature V4', () => {
  it('signs the GET Object example', () => {
    const r = signS3Request(example, { method: 'GET', key: 'test.txt', extraHeaders: { range: 'bytes=0-9' }, now });
    expect(r.url).toBe('https://examplebucket.s3.amazonaws.com/test.txt');
    expect(r.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('signs the PUT Object example (with a $ in the key)', () => {
    const r = signS3Request(example, {
      method: 'PUT',
      key: 'test$file.text',
      payloadHash: '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
      extraHeaders: { date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      now,
    });
    expect(r.url).toBe('https://examplebucket.s3.amazonaws.com/test%24file.text');
    expect(r.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
  });

  it('puts the bucket in the path for path-style endpoints', () => {
    const r = signS3Request({ ...example, endpoint: 'http://127.0.0.1:9000', forcePathStyle: true }, { method: 'HEAD', key: 'files/ab/abc', now });
    expect(r.url).toBe('http://127.0.0.1:9000/examplebucket/files/ab/abc');
    expect(r.headers.authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date');
  });
});
