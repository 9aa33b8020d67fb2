/**
 * What an import file may hold (docs/import-export.md#the-file). Beyond these a file is refused
 * at once, with a message that says which limit it crossed: a header of 100,000 columns is a
 * broken file, not data, and reading it would hold the import for minutes.
 */
export const IMPORT_LIMITS = {
  /** Columns in the header row. */
  columns: 1_000,
  /** Characters in one header cell. */
  headerCharacters: 255,
  /** Characters in one record (all its cells): csv-parse stops there. */
  recordCharacters: 1 << 20,
} as const;

const count = (value: number) => value.toLocaleString('en-US');

/** The problems that make a header row unreadable, before anything else looks at it. */
export function headerProblems(headers: readonly string[]): string[] {
  if (headers.length > IMPORT_LIMITS.columns) {
    return [
      `the header has ${count(headers.length)} columns; an import reads at most ${count(IMPORT_LIMITS.columns)}`,
    ];
  }
  const problems: string[] = [];
  headers.forEach((header, index) => {
    if (header.includes('\u0000')) {
      problems.push(
        `the header of column ${index + 1} holds a NUL character (byte 0x00): the file is damaged or not UTF-8`,
      );
    } else if (header.length > IMPORT_LIMITS.headerCharacters) {
      problems.push(
        `the header of column ${index + 1} has ${count(header.length)} characters; a header has at most ${IMPORT_LIMITS.headerCharacters}`,
      );
    }
  });
  return problems;
}
