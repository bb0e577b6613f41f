import { describe, expect, it } from 'vitest';
import { connectionErrorSummary, isDatabaseUnavailable } from './connection-errors.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows the connection-class failures of PostgreSQL and node-postgres', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '08P01', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('looks through Drizzle’s wrapper and an AggregateError of a dual-stack connect', () => {
    const wrapped = Object.assign(new Error('Failed query: insert … params: 张三,13800000000'), { cause: withCode('57P01') });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe(true);
  });

  it('leaves request errors alone: constraint violations, syntax, serialization', () => {
    for (const code of ['23505', '23503', '42601', '40001', '22P02']) expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new Error('Failed query: select 1'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });

  it('stops on a cause cycle', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe('connectionErrorSummary', () => {
  it('names the innermost cause, not the query and its parameters', () => {
    const wrapped = Object.assign(new Error('Failed query: insert … params: 张三,13800000000'), {
      cause: withCode('57P01', 'terminating connection due to administrator command'),
    });
    expect(connectionErrorSummary(wrapped)).toBe('57P01 terminating connection due to administrator command');
  });
});
