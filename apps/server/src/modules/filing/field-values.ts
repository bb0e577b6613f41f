import type { RequiredField } from '@taotai/shared';

export interface ValueProblem {
  path: string;
  message: string;
}

const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/**
 * Checks a filing's values against the requirement's fields (pure): required ones present, numbers
 * numeric, dates real; unknown keys refused. Returns the cleaned values and Chinese problems naming the field.
 */
export function checkFieldValues(
  fields: RequiredField[],
  values: Record<string, string | number>,
): { values: Record<string, string | number>; problems: ValueProblem[] } {
  const out: Record<string, string | number> = {};
  const problems: ValueProblem[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) problems.push({ path: `values.${key}`, message: `“${key}”不是该报送要求的填报项` });
  }
  for (const f of fields) {
    const raw = values[f.key];
    const text = raw === undefined || raw === null ? '' : String(raw).trim();
    const path = `values.${f.key}`;
    if (text === '') {
      if (f.required) problems.push({ path, message: `请填写“${f.label}”` });
      continue;
    }
    if (f.type === 'number') {
      const n = typeof raw === 'number' ? raw : Number(text.replace(/,/g, ''));
      if (!Number.isFinite(n)) problems.push({ path, message: `“${f.label}”应为数字` });
      else out[f.key] = n;
    } else if (f.type === 'date') {
      if (!isIsoDate(text)) problems.push({ path, message: `“${f.label}”应为日期（YYYY-MM-DD）` });
      else out[f.key] = text;
    } else {
      out[f.key] = text;
    }
  }
  return { values: out, problems };
}
