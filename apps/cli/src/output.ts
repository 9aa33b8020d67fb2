import { ApiError } from '@liaison/contracts';

/**
 * Everything the CLI prints goes through here: tables and key/value blocks for people, JSON with
 * `--json` for scripts, and one `error: …` line (plus a non-zero exit code) on failure.
 */

/**
 * A failure the CLI itself detects; `exitCode` 2 means usage or configuration. `resultPrinted`:
 * the command already printed its result (e.g. the issues of an invalid playbook), so with
 * `--json` no error object follows it on stdout; the `error:` line still goes to stderr.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly code = exitCode === 2 ? 'USAGE' : 'FAILED',
    readonly resultPrinted = false,
  ) {
    super(message);
  }
}

export const EMPTY = '—';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Longer cells are cut with an ellipsis. */
  max?: number;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** A plain-text table: upper-case headers, columns two spaces apart, no trailing blanks. */
export function formatTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((row) =>
    columns.map((column, index) => {
      const value = (row[index] ?? '').replace(/\s*\n\s*/g, ' ');
      return column.max ? truncate(value, column.max) : value;
    }),
  );
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((row) => row[index]!.length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, index) =>
        columns[index]!.align === 'right' ? value.padStart(widths[index]!) : value.padEnd(widths[index]!),
      )
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header.toUpperCase())), ...cells.map(line)].join('\n');
}

/** Aligned `label  value` lines; multi-line values are indented under their first line. */
export function formatFields(fields: [label: string, value: string][], indent = '  '): string {
  const width = Math.max(0, ...fields.map(([label]) => label.length));
  return fields
    .map(([label, value]) => {
      const [first, ...rest] = (value === '' ? EMPTY : value).split('\n');
      const pad = ' '.repeat(width + 2);
      return [`${indent}${label.padEnd(width)}  ${first}`, ...rest.map((line) => `${indent}${pad}${line}`)]
        .join('\n')
        .trimEnd();
    })
    .join('\n');
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : usd.format(value);
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : integer.format(value);
}

/** `2026-03-01T09:30:00.000Z` → `2026-03-01 09:30 UTC` (always UTC, so output does not depend on the machine). */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const iso = date.toISOString();
  const seconds = iso.slice(17, 19) === '00' ? '' : `:${iso.slice(17, 19)}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds} UTC`;
}

export function formatDate(value: string | null | undefined): string {
  return value ? value : EMPTY;
}

/** Words from identifiers: `mid_market` → `mid market`. */
export function humanise(value: string | null | undefined): string {
  return value ? value.replaceAll('_', ' ') : EMPTY;
}

/** A history value in one short line: strings bare, null as —, everything else as JSON. */
export function formatValue(value: unknown, max = 48): string {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return truncate(value.replace(/\s*\n\s*/g, ' ') || '""', max);
  if (Array.isArray(value) && value.length === 0) return '[]';
  return truncate(JSON.stringify(value), max);
}

/** `pr1` → `Pr1`, as the handbook writes priorities. */
export function formatPriority(value: string | null | undefined): string {
  return value ? value.replace(/^pr(\d)$/i, 'Pr$1') : EMPTY;
}

/** `tier1` → `tier 1`; `digital` as it is. */
export function formatTier(value: string | null | undefined): string {
  return value ? value.replace(/^tier(\d+)$/i, 'tier $1') : EMPTY;
}

const MODEL_NAMES: Record<string, string> = {
  us_enterprise: 'US Enterprise',
  emea_enterprise: 'EMEA Enterprise',
  commercial: 'Commercial',
};

/** A priority model's name: `us_enterprise` → `US Enterprise`. */
export function formatModel(value: string | null | undefined): string {
  return value ? (MODEL_NAMES[value] ?? humanise(value)) : EMPTY;
}

const score = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Health as colour and score: `green 78.95`, `red 0`, `—` when there is none. */
export function formatHealth(colour: string | null | undefined, points: number | null | undefined): string {
  // No colour and no score: the account is not scored (no TAM, or no measure), never "red 0".
  if (!colour && (points === null || points === undefined)) return 'not scored';
  return [colour ?? EMPTY, points === null || points === undefined ? '' : score.format(points)]
    .join(' ')
    .trim();
}

/** Something due: `cadence 2026-02-04 (overdue)`. */
export function formatDue(due: { kind: string; dueDate: string; status: string } | null | undefined): string {
  return due ? `${humanise(due.kind)} ${due.dueDate} (${humanise(due.status)})` : EMPTY;
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

/** A share as a percentage: 0.3333 → `33%`. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : percent.format(value);
}

/** A TAM's capacity load with two decimals: 0.84 → `0.84`. */
export function formatLoad(value: number): string {
  return value.toFixed(2);
}

export function formatList(values: readonly string[]): string {
  return values.length === 0 ? EMPTY : values.join(', ');
}

export function formatBullets(values: readonly string[]): string {
  return values.length === 0 ? EMPTY : values.map((value) => `• ${value}`).join('\n');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Indents every line of a block (a table under a section title). */
export function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

/** Draws a box around lines of text (the `serve` banner). */
export function formatBox(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  return [
    `┌${'─'.repeat(width + 2)}┐`,
    ...lines.map((line) => `│ ${line.padEnd(width)} │`),
    `└${'─'.repeat(width + 2)}┘`,
  ].join('\n');
}

export interface DescribedError {
  /** What a person reads on stderr: one line starting with `error:`. */
  line: string;
  exitCode: number;
  /** What `--json` prints on stdout. */
  json: {
    error: {
      code: string;
      message: string;
      status?: number;
      details?: { path: string; message: string }[];
      requestId?: string;
    };
  };
}

export function describeError(error: unknown): DescribedError {
  if (error instanceof ApiError) {
    const line =
      error.code === 'UNREACHABLE'
        ? `error: ${error.message}`
        : `error: ${error.code}: ${error.message}${error.status >= 500 && error.requestId ? ` (request ${error.requestId})` : ''}`;
    return {
      line,
      exitCode: 1,
      json: {
        error: {
          code: error.code,
          message: error.message,
          status: error.status,
          ...(error.details.length > 0 ? { details: error.details } : {}),
          ...(error.requestId ? { requestId: error.requestId } : {}),
        },
      },
    };
  }
  if (error instanceof CliError) {
    return {
      line: `error: ${error.message}`,
      exitCode: error.exitCode,
      json: { error: { code: error.code, message: error.message } },
    };
  }
  const message =
    error instanceof Error
      ? error.message || error.name
      : error === undefined
        ? 'unknown error'
        : String(error);
  return { line: `error: ${message}`, exitCode: 1, json: { error: { code: 'FAILED', message } } };
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function printJson(value: unknown): void {
  process.stdout.write(toJson(value));
}

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Notes for people (hints, progress) go to stderr, so stdout stays clean for pipes. */
export function note(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Reports a failure and sets the exit code; with `--json` the error is also printed as JSON on stdout. */
export function reportError(error: unknown, options: { json: boolean }): number {
  const described = describeError(error);
  if (options.json && !(error instanceof CliError && error.resultPrinted)) printJson(described.json);
  process.stderr.write(`${described.line}\n`);
  return described.exitCode;
}
