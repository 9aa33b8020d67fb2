/**
 * How exports write a value, so that importing the file gives the same value back: nothing for
 * null, `true`/`false`, numbers as JavaScript prints them, lists joined by `;`, dates and
 * instants as stored (`YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ss.sssZ`).
 */
export function formatExportValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

// A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;
// A number stays a number: a negative amount is not a formula, and quoting it would make it text.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The export's optional formula protection (docs/import-export.md#export): a cell a spreadsheet
 * would evaluate gets a leading `'`, so it shows as text. Off by default: the prefix is part of the
 * cell, so a protected file does not import back unchanged.
 */
export function protectFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}
