import type { Region } from '@liaison/contracts';
import { defaultPlaybook, fiscalQuarterOf } from '@liaison/domain';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Rough working-hours offsets from UTC, so a London call is not logged at 3 a.m. */
const UTC_OFFSET: Record<Region, number> = { noram: -5, latam: -3, emea: 1, apac: 8 };

/**
 * Every date of the demo is relative to `now`: days are numbered from today (0) backwards
 * (-1 = yesterday) and forwards, so the book always looks current.
 */
export class DemoClock {
  /** 00:00 UTC today. */
  readonly today: number;
  /** The Salesforce import that brought the existing book in, thirteen months ago. */
  readonly importAt: Date;

  constructor(readonly now: Date) {
    this.today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
    this.importAt = new Date(this.today - 400 * DAY_MS + 5 * HOUR_MS);
  }

  /** The day number of an instant (0 = today). */
  dayOf(instant: Date): number {
    return Math.floor((instant.getTime() - this.today) / DAY_MS);
  }

  /**
   * An instant on a past working day (`day` ≤ -1) at a local hour of the region; a weekend moves
   * back to the Friday. Always before today, hence before `now`.
   */
  on(day: number, region: Region, hour: number, minute = 0): Date {
    let target = Math.min(Math.round(day), -1);
    const weekday = new Date(this.today + target * DAY_MS).getUTCDay();
    if (weekday === 6) target -= 1;
    else if (weekday === 0) target -= 2;
    const utcHour = hour - UTC_OFFSET[region];
    return new Date(this.today + target * DAY_MS + utcHour * HOUR_MS + minute * 60_000);
  }

  /** `YYYY-MM-DD` of today + `day`. */
  date(day: number): string {
    return new Date(this.today + Math.round(day) * DAY_MS).toISOString().slice(0, 10);
  }

  dayOfDate(date: string): number {
    return Math.round((Date.parse(`${date}T00:00:00.000Z`) - this.today) / DAY_MS);
  }

  /** The same calendar day `years` later (29 February becomes 28 February). */
  addYears(date: string, years: number): string {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const shifted = new Date(Date.UTC(year + years, month - 1, month === 2 && day === 29 ? 28 : day));
    return shifted.toISOString().slice(0, 10);
  }

  /**
   * A fiscal quarter (the fiscal year starts in February) as demo day numbers, both inclusive:
   * `offset` 0 is the quarter containing today, -1 the previous one.
   */
  quarter(offset: number): { start: number; end: number } {
    const base = this.today / DAY_MS;
    let quarter = fiscalQuarterOf(base, defaultPlaybook.fiscalYearStartMonth);
    for (let step = 0; step > offset; step--) {
      quarter = fiscalQuarterOf(quarter.startDay - 1, defaultPlaybook.fiscalYearStartMonth);
    }
    return { start: quarter.startDay - base, end: quarter.endDay - base };
  }

  /** `later` if it is after `instant`, otherwise `instant` plus a few minutes. */
  after(instant: Date, later: Date, minutes = 5): Date {
    return later.getTime() > instant.getTime() ? later : new Date(instant.getTime() + minutes * 60_000);
  }
}

export const plusMinutes = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000);
export const iso = (instant: Date | null) => (instant ? instant.toISOString() : null);

/** GitLab-style fiscal year label: FY starts 1 February, `2026-03-10` → `FY27`. */
export function fiscalYear(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return `FY${String((month >= 2 ? year + 1 : year) % 100).padStart(2, '0')}`;
}

/**
 * The product version current `lagMonths` before an instant, on a monthly release train with a
 * new major every May (16.0 in May 2023): a self-managed customer runs a few months behind.
 */
export function productVersionAt(instant: Date, lagMonths: number, patch: number): string {
  const months =
    (instant.getUTCFullYear() - 2023) * 12 + instant.getUTCMonth() - 4 - Math.max(0, Math.round(lagMonths));
  const safe = Math.max(0, months);
  return `${16 + Math.floor(safe / 12)}.${safe % 12}.${patch}`;
}
