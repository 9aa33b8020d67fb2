// Messages an import's row can store and show (docs/import-export.md).

/**
 * A message the job's row can store: a parser's message may quote a cell, with a NUL in it
 * (PostgreSQL's text refuses it, and the job would never leave "reading") or a megabyte of it.
 */
export function storable(message: string): string {
  const text = message.replaceAll('\u0000', '\\0');
  return text.length > 1_000 ? `${text.slice(0, 1_000)}…` : text;
}

export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/CSV|Quote|Invalid Record Length|Invalid Opening Quote|Invalid Closing Quote/i.test(text)) {
    return `The file is not valid CSV: ${text}. Nothing was written.`;
  }
  if (/aborted|ECONNRESET|premature close|stalled/i.test(text)) {
    return `The upload was interrupted (${text}). Nothing was written.`;
  }
  return `The import failed: ${text}. Nothing was written.`;
}
