import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from './unique-violation.ts';

// Drizzle wraps the driver's error; node-postgres and PGlite put SQLSTATE in `code` (23505 = unique_violation).
describe('isUniqueViolation', () => {
  const withCode = (code: string) => Object.assign(new Error('driver'), { code });
  it('recognises 23505 on the error itself or up to three causes down', () => {
    expect(isUniqueViolation(withCode('23505'))).toBe(true);
    expect(isUniqueViolation(new Error('drizzle', { cause: withCode('23505') }))).toBe(true);
    const deep = new Error('a', { cause: new Error('b', { cause: new Error('c', { cause: withCode('23505') }) }) });
    expect(isUniqueViolation(deep)).toBe(true);
  });
  it('is false for other SQLSTATEs, plain errors and non-errors', () => {
    expect(isUniqueViolation(withCode('23503'))).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
  });
});
