import { describe, expect, it } from 'vitest';
import { parsePublicOrigins } from '../../config.ts';
import { sourceMatches } from './origin-check.ts';

describe('sourceMatches', () => {
  it('accepts the request’s own host under the source’s scheme, default ports folded', () => {
    expect(sourceMatches('http://localhost', 'localhost:80', [])).toBe(true);
    expect(sourceMatches('https://taotai.example.gov.cn', 'taotai.example.gov.cn', [])).toBe(true);
    expect(sourceMatches('https://taotai.example.gov.cn:443', 'taotai.example.gov.cn', [])).toBe(true);
    expect(sourceMatches('http://127.0.0.1:3000/exit-tasks?x=1', '127.0.0.1:3000', [])).toBe(true);
    expect(sourceMatches('http://[::1]:3000', '[::1]:3000', [])).toBe(true);
  });

  it('refuses another host, another port, opaque and non-web origins', () => {
    expect(sourceMatches('https://evil.example', 'taotai.example.gov.cn', [])).toBe(false);
    expect(sourceMatches('https://taotai.example.gov.cn.evil.example', 'taotai.example.gov.cn', [])).toBe(false);
    expect(sourceMatches('http://localhost:8080', 'localhost:3000', [])).toBe(false);
    expect(sourceMatches('null', 'localhost:3000', [])).toBe(false);
    expect(sourceMatches('file:///etc/passwd', 'localhost', [])).toBe(false);
    expect(sourceMatches('http://localhost', '', [])).toBe(false);
  });

  it('accepts a configured public origin whatever the Host header says', () => {
    const origins = parsePublicOrigins('https://taotai.example.gov.cn, https://gy.example.gov.cn:8443/');
    expect(origins).toEqual(['https://taotai.example.gov.cn', 'https://gy.example.gov.cn:8443']);
    expect(sourceMatches('https://gy.example.gov.cn:8443', '10.0.0.5:3000', origins)).toBe(true);
    expect(sourceMatches('http://gy.example.gov.cn:8443', '10.0.0.5:3000', origins)).toBe(false);
    expect(() => parsePublicOrigins('not a url')).toThrow(/PUBLIC_ORIGIN/);
  });
});
