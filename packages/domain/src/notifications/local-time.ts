// Wall-clock time in a person's IANA time zone (docs/notifications.md, Quiet hours): the
// instant quiet hours end, the local day a digest belongs to. Pure: callers pass `now`; the
// zone rules are the runtime's (Intl), which is data, not I/O.

/** Whether `name` is an IANA time zone this runtime knows; its canonical spelling, else null. */
export function canonicalTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export interface WallTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function parts(instant: number, timeZone: string) {
  const values: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return values as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** The local date and time of day of an instant in a zone. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const p = parts(instant.getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, minutes: p.hour * 60 + p.minute };
}

/** The zone's offset from UTC at an instant, in ms (local = UTC + offset). */
function offsetAt(instant: number, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local date and time of day happens in a zone. Where the clocks go back and the
 * time happens twice, the first; where they spring forward over it, the time the same distance
 * after the jump (02:30 in a gap from 02:00 to 03:00 is 03:30) — Temporal's "compatible" rule.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  const hour = 3_600_000;
  const before = wall - offsetAt(wall - 12 * hour, timeZone);
  const after = wall - offsetAt(wall + 12 * hour, timeZone);
  const holds = (candidate: number) => candidate + offsetAt(candidate, timeZone) === wall;
  const valid = [before, after].filter(holds);
  // Neither holds: a gap; the offset before the jump carries the time past it.
  return new Date(valid.length > 0 ? Math.min(...valid) : before);
}

/** The next day of a `YYYY-MM-DD` date. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** `HH:MM` → minutes since midnight. */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export interface QuietHours {
  /** `HH:MM`, local: quiet from here… */
  start: string;
  /** …until here (before `start`: overnight). Equal to `start`: never quiet. */
  end: string;
}

/**
 * When quiet hours that hold at `now` end, in the person's zone; null when `now` is not in
 * quiet hours (or there are none). An e-mail queued during quiet hours waits until then.
 */
export function quietHoursEnd(now: Date, quiet: QuietHours | null, timeZone: string): Date | null {
  if (!quiet) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const local = wallTime(now, timeZone);
  const overnight = start > end;
  const inside = overnight
    ? local.minutes >= start || local.minutes < end
    : local.minutes >= start && local.minutes < end;
  if (!inside) return null;
  // Overnight and already past the start: the quiet ends tomorrow morning.
  const endDate = overnight && local.minutes >= start ? nextDay(local.date) : local.date;
  return zonedInstant(endDate, end, timeZone);
}
