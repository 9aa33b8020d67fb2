/**
 * Parsing of single CSV cells as real exports write them. Every parser returns the value, or a
 * `CellProblem` whose message says what was wrong (the import's error file shows it). No I/O, no
 * clock: date formats and vocabularies are passed in.
 */

import { clip } from './salesforce-id.ts';

export class CellProblem {
  constructor(readonly message: string) {}
}

export const problem = (message: string) => new CellProblem(message);

/** Data Loader's convention: `#N/A` in a cell clears the field. */
export const CLEAR = '#N/A';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string, min: number, max: number): number | CellProblem {
  const value = text.trim();
  if (!NUMBER.test(value)) return problem(`"${clip(value)}" is not a number`);
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > max)
    return problem(`${value} is out of range (${min} to ${max})`);
  return number;
}

export function parseInteger(text: string, min: number, max: number): number | CellProblem {
  const number = parseNumber(text, min, max);
  if (number instanceof CellProblem) return number;
  if (!Number.isInteger(number)) return problem(`${text.trim()} is not a whole number`);
  return number;
}

const TRUE = new Set(['true', '1', 'yes', 'y']);
const FALSE = new Set(['false', '0', 'no', 'n']);

export function parseBoolean(text: string): boolean | CellProblem {
  const value = text.trim().toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  return problem(`"${clip(text.trim())}" is not true or false`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Years 0001 to 9999: PostgreSQL has no year 0, and ISO dates have four digits. */
function validDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/**
 * A custom date or date-time layout from a mapping file, e.g. `DD/MM/YYYY` or
 * `MM/DD/YYYY HH:mm`. Tokens: YYYY, MM, M, DD, D, HH, H, mm, ss; anything else is literal.
 * A date-time without a zone is read as UTC.
 */
export interface DateFormat {
  readonly source: string;
  readonly pattern: RegExp;
  readonly groups: readonly ('Y' | 'M' | 'D' | 'h' | 'm' | 's')[];
}

const TOKENS: [string, 'Y' | 'M' | 'D' | 'h' | 'm' | 's', string][] = [
  ['YYYY', 'Y', '(\\d{4})'],
  ['MM', 'M', '(\\d{2})'],
  ['M', 'M', '(\\d{1,2})'],
  ['DD', 'D', '(\\d{2})'],
  ['D', 'D', '(\\d{1,2})'],
  ['HH', 'h', '(\\d{2})'],
  ['H', 'h', '(\\d{1,2})'],
  ['mm', 'm', '(\\d{2})'],
  ['ss', 's', '(\\d{2})'],
];

export function compileDateFormat(source: string): DateFormat | CellProblem {
  let pattern = '';
  const groups: DateFormat['groups'][number][] = [];
  let rest = source;
  while (rest.length > 0) {
    const token = TOKENS.find(([text]) => rest.startsWith(text));
    if (token) {
      pattern += token[2];
      groups.push(token[1]);
      rest = rest.slice(token[0].length);
    } else {
      pattern += rest[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      rest = rest.slice(1);
    }
  }
  for (const required of ['Y', 'M', 'D'] as const) {
    if (!groups.includes(required))
      return problem(`date format "${source}" needs YYYY, MM (or M) and DD (or D)`);
  }
  if (new Set(groups).size !== groups.length) return problem(`date format "${source}" repeats a part`);
  return { source, pattern: new RegExp(`^${pattern}$`), groups };
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsWithFormat(text: string, format: DateFormat): DateParts | null {
  const match = format.pattern.exec(text);
  if (!match) return null;
  const parts: DateParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  format.groups.forEach((group, index) => {
    const value = Number(match[index + 1]);
    if (group === 'Y') parts.year = value;
    else if (group === 'M') parts.month = value;
    else if (group === 'D') parts.day = value;
    else if (group === 'h') parts.hour = value;
    else if (group === 'm') parts.minute = value;
    else parts.second = value;
  });
  return parts;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date: `YYYY-MM-DD` (Salesforce's date format), or the mapping's format. */
export function parseDate(text: string, format?: DateFormat): string | CellProblem {
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  if (format) {
    const parts = partsWithFormat(value, format);
    if (!parts) return problem(`"${clip(value)}" is not a date in the format ${format.source}`);
    ({ year, month, day } = parts);
  } else {
    const match = ISO_DATE.exec(value);
    if (!match) return problem(`"${clip(value)}" is not a date (YYYY-MM-DD)`);
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
    if (validDay(year, month, day)) return value;
  }
  if (!validDay(year, month, day)) return problem(`"${clip(value)}" is not a calendar date`);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// 2026-03-01T09:30:00Z, 2026-03-01T09:30:00.000Z, 2026-03-01T09:30:00.000+0000, +00:00, a space for T.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant: `YYYY-MM-DDThh:mm:ss.sssZ`, with a `+0000` or `+00:00` offset, or a bare date
 * (midnight UTC); or the mapping's format (read as UTC). Returned as `…T…​.sssZ`.
 */
export function parseInstant(text: string, format?: DateFormat): string | CellProblem {
  const value = text.trim();
  if (format) {
    const parts = partsWithFormat(value, format);
    if (!parts) return problem(`"${clip(value)}" is not a date-time in the format ${format.source}`);
    return instantFromParts(value, parts, 0);
  }
  const match = ISO_INSTANT.exec(value);
  if (!match) {
    const date = ISO_DATE.exec(value);
    if (date) {
      const parts = { year: +date[1]!, month: +date[2]!, day: +date[3]!, hour: 0, minute: 0, second: 0 };
      return instantFromParts(value, parts, 0);
    }
    return problem(`"${clip(value)}" is not a date-time (YYYY-MM-DDThh:mm:ss.sssZ)`);
  }
  const zone = match[8]!;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 23 || minutes > 59) return problem(`"${clip(value)}" has an invalid offset`);
    offsetMinutes = sign * (hours * 60 + minutes);
  }
  const fraction = match[7] ? Number(`0.${match[7]}`) : 0;
  const parts = {
    year: +match[1]!,
    month: +match[2]!,
    day: +match[3]!,
    hour: +match[4]!,
    minute: +match[5]!,
    second: match[6] ? +match[6] : 0,
  };
  return instantFromParts(value, parts, offsetMinutes, Math.floor(fraction * 1000));
}

function instantFromParts(
  text: string,
  parts: DateParts,
  offsetMinutes: number,
  milliseconds = 0,
): string | CellProblem {
  const { year, month, day, hour, minute, second } = parts;
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59)
    return problem(`"${clip(text)}" is not a valid date-time`);
  // Date.UTC reads the years 0 to 99 as 1900 to 1999: set the year on its own.
  const local = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, milliseconds));
  local.setUTCFullYear(year);
  const instant = new Date(local.getTime() - offsetMinutes * 60_000);
  const utcYear = instant.getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999) return problem(`"${clip(text)}" is out of range (years 0001 to 9999)`);
  return instant.toISOString();
}

/** `a;b;c` (Salesforce multi-select picklists); blanks dropped. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  for (const part of text.split(';')) {
    const item = part.trim();
    if (item !== '' && !items.includes(item)) items.push(item);
  }
  return items;
}

const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]+$/;

export function parseEmail(text: string): string | CellProblem {
  const value = text.trim();
  if (value.length > 254 || !EMAIL.test(value)) return problem(`"${clip(value)}" is not an e-mail address`);
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Lower-case words joined by `_`: `Closed Won` → `closed_won`, `Mid-Market` → `mid_market`. */
export function normaliseWord(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
