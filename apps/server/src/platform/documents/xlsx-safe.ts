/**
 * Spreadsheet formula injection (CSV/DDE injection): a text cell that starts with one of these
 * characters can be turned into a formula when a user edits it or saves the sheet as CSV.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** The apostrophe Excel itself uses to mark "this is text"; the importer strips it back off. */
export const TEXT_MARK = "'";

/** Prefixes a text value that could be read as a formula, so it stays text in any spreadsheet program. */
export function neutraliseFormula(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? TEXT_MARK + value : value;
}

/** Reverses `neutraliseFormula` on re-import: a leading apostrophe before a trigger character is our mark. */
export function stripFormulaMark(value: string): string {
  return value.length > 1 && value[0] === TEXT_MARK && FORMULA_TRIGGERS.has(value[1]!) ? value.slice(1) : value;
}

/** Neutralises every string in a row of cell values; numbers, dates and nulls pass through. */
export function safeRow(values: readonly unknown[]): unknown[] {
  return values.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v));
}
