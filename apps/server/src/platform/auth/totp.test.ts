import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totpAt } from './totp.ts';

// RFC 4226 appendix D and RFC 6238 appendix B (SHA-1 rows): secret is the ASCII text "12345678901234567890".
const SECRET = Buffer.from('12345678901234567890', 'ascii');

describe('HOTP (RFC 4226 appendix D)', () => {
  it('gives the published values for counters 0 to 9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, i) => hotp(SECRET, i))).toEqual(expected);
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1, 8 digits)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('at %i s gives %s', (seconds, code) => {
    expect(totpAt(SECRET, seconds * 1000, 8)).toBe(code);
  });
});

describe('matching a code', () => {
  const at = 1111111111 * 1000;
  const step = Math.floor(at / 30_000);
  it('accepts the current step and one step either side, and returns the step', () => {
    expect(matchTotp(SECRET, hotp(SECRET, step), at)).toBe(step);
    expect(matchTotp(SECRET, hotp(SECRET, step - 1), at)).toBe(step - 1);
    expect(matchTotp(SECRET, hotp(SECRET, step + 1), at)).toBe(step + 1);
  });
  it('refuses codes two steps away and malformed ones', () => {
    expect(matchTotp(SECRET, hotp(SECRET, step - 2), at)).toBeNull();
    expect(matchTotp(SECRET, hotp(SECRET, step + 2), at)).toBeNull();
    expect(matchTotp(SECRET, '12345', at)).toBeNull();
    expect(matchTotp(SECRET, '1234567', at)).toBeNull();
  });
});

describe('base32 and the key URI', () => {
  it('round-trips and matches RFC 4648 examples', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(s))).toBe(s);
  });
  it('builds an otpauth:// URI with issuer, account and parameters', () => {
    const uri = otpauthUri('taotai', 'admin', 'MZXW6YTBOI');
    expect(uri).toBe('otpauth://totp/taotai%3Aadmin?secret=MZXW6YTBOI&issuer=taotai&algorithm=SHA1&digits=6&period=30');
  });
});
