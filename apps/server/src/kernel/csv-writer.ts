import { stringify } from 'csv-stringify';

/**
 * The CSV every file Liaison writes uses (exports, import error files), RFC 4180: CRLF between
 * records, and a cell quoted when it holds a comma, a quote (doubled) or a line break of any
 * kind. csv-stringify on its own quotes only cells holding the record delimiter (CR LF), so a
 * note with a bare LF or CR would split the record for Python's csv module, Excel and most
 * other readers (docs/import-export.md#export).
 */
export function csvWriter() {
  return stringify({ record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
