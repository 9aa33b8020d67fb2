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
