import { describe, expect, it } from 'vitest';
import { fieldName } from './form-errors.ts';

describe('fieldName', () => {
  it('maps server paths onto form names', () => {
    expect(fieldName('body.uscc')).toEqual(['uscc']);
    expect(fieldName('uscc')).toEqual(['uscc']);
    expect(fieldName('body.passwordPolicy.minLength')).toEqual(['passwordPolicy', 'minLength']);
    expect(fieldName('body.lines.0.capacity')).toEqual(['lines', 0, 'capacity']);
  });
});
