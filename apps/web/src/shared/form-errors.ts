import type { FormInstance } from 'antd';
import { ApiError } from './api.ts';

/** Server paths look like `body.uscc` or `uscc`; the form's names are the part after `body.`. */
export function fieldName(path: string): (string | number)[] {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field messages next to the fields the form has; returns true when at least one
 * message found its field, so the caller need only toast what is left.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, known: string[]): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const placed = err.fields
    .map((f) => ({ name: fieldName(f.path), errors: [f.message] }))
    .filter((f) => f.name.length > 0 && known.includes(String(f.name[0])));
  if (placed.length) form.setFields(placed);
  return placed.length > 0;
}

export const errorMessage = (err: unknown): string =>
  err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
