import { DomainError } from '../errors.ts';

/**
 * Time arithmetic for the rules. Instants are epoch milliseconds; a "day number" is the count
 * of whole UTC days since 1970-01-01, so day differences are differences of UTC calendar days
 * (the time of day never matters for "45 days since").
 */

const MS_PER_DAY = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Digits of `s` from `from` to `to` (exclusive) as a number, or -1 when any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Fast path for the two shapes the API stores, `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS[.sss]Z`
 * (bulk reassessment parses millions of them); anything else goes to `Date.parse`.
 */
function parseCommon(s: string): number | null {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  if (s.length === 10) return Date.UTC(y, mo - 1, d);
  const len = s.length;
  if ((len !== 20 && len !== 24) || s[10] !== 'T' || s[len - 1] !== 'Z') return null;
  if (s[13] !== ':' || s[16] !== ':' || (len === 24 && s[19] !== '.')) return null;
  const h = digits(s, 11, 13);
  const mi = digits(s, 14, 16);
  const sec = digits(s, 17, 19);
  const ms = len === 24 ? digits(s, 20, 23) : 0;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0) return null;
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms);
}

/** Parses a date (`YYYY-MM-DD`, midnight UTC) or an ISO instant to epoch ms; throws when invalid. */
export function toMillis(value: string | Date): number {
  const ms =
    value instanceof Date
      ? value.getTime()
      : (parseCommon(value) ?? (DATE_ONLY.test(value) ? Number.NaN : Date.parse(value)));
  if (Number.isNaN(ms))
    throw new DomainError('VALIDATION_FAILED', `"${String(value)}" is not a valid date or instant`);
  return ms;
}

/** UTC day number of a date or instant. */
export function dayOf(value: string | Date | number): number {
  const ms = typeof value === 'number' ? value : toMillis(value);
  return Math.floor(ms / MS_PER_DAY);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a day number (civil-from-days, proleptic Gregorian). */
export function dateOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Whole UTC calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string | Date | number, to: string | Date | number): number {
  return dayOf(to) - dayOf(from);
}

export interface FiscalQuarter {
  /** Fiscal year, named after the calendar year it ends in (FY2026 = Feb 2025 – Jan 2026). */
  fiscalYear: number;
  /** 1–4. */
  quarter: number;
  /** First day (date). */
  start: string;
  /** Last day (date), inclusive. */
  end: string;
  startDay: number;
  endDay: number;
}

function dayOfUtc(year: number, monthIndex: number, date: number): number {
  return Math.floor(Date.UTC(year, monthIndex, date) / MS_PER_DAY);
}

/**
 * The fiscal quarter containing a day, for a fiscal year starting on the first day of
 * `startMonth` (1–12). Each quarter is three calendar months.
 */
export function fiscalQuarterOf(day: number, startMonth: number): FiscalQuarter {
  const d = new Date(day * MS_PER_DAY);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth(); // 0-11
  const offset = (month - (startMonth - 1) + 12) % 12; // months since the fiscal year started
  const quarterIndex = Math.floor(offset / 3);
  const fyStartYear = month >= startMonth - 1 ? year : year - 1;
  const qStartMonth = startMonth - 1 + quarterIndex * 3; // may exceed 11: Date.UTC rolls over
  const startDay = dayOfUtc(fyStartYear, qStartMonth, 1);
  const endDay = dayOfUtc(fyStartYear, qStartMonth + 3, 1) - 1;
  const fiscalYear = startMonth === 1 ? fyStartYear : fyStartYear + 1;
  return {
    fiscalYear,
    quarter: quarterIndex + 1,
    start: dateOfDay(startDay),
    end: dateOfDay(endDay),
    startDay,
    endDay,
  };
}
