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

/** One field a server refusal names (`payload.waterCut`, `evidence.seal_photo`). */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * A refusal's field messages by key, for forms that mark fields themselves (a state change's 还缺 list): the
 * `body.` and `payload.` prefixes are dropped (payload.waterCut → waterCut); other paths (evidence.seal_photo) stay.
 */
export function fieldMessages(fields: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const key = f.path.replace(/^body\./, '').replace(/^payload\./, '');
    out[key] = out[key] ? `${out[key]}；${f.message}` : f.message;
  }
  return out;
}

/** The marks left once the user changed these form fields (the message stays until the field is fixed). */
export function withoutChanged(marks: Record<string, string>, changed: object): Record<string, string> {
  const keys = Object.keys(changed);
  if (!keys.some((k) => k in marks)) return marks;
  return Object.fromEntries(Object.entries(marks).filter(([k]) => !keys.includes(k)));
}
