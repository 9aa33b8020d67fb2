import { z } from 'zod';

export const Id = z.uuid();

/**
 * The calendar a request may name (docs/security.md, "Input handling"): no customer record has a
 * date before 1900 or after 2999, so anything outside is a typo (`0202` for `2020`), and every date
 * derived from an accepted one (a due date a playbook interval later) still has a four-digit year
 * that PostgreSQL and JavaScript read and write the same way.
 */
export const EARLIEST_DAY = '1900-01-01';
export const LATEST_DAY = '2999-12-31';
const earliestMs = Date.UTC(1900, 0, 1);
const afterLatestMs = Date.UTC(3000, 0, 1);
const outsideCalendar = `must be between ${EARLIEST_DAY} and ${LATEST_DAY}`;

// Both are codecs so the bounds apply to what a client sends (decode) but not to what the server
// answers (encode): a value stored before these bounds, or by another path, still reads back.

/** A calendar date, `YYYY-MM-DD` (renewal dates, close dates: no time of day, no zone); 2026-02-30 is refused. */
export const IsoDate = z.codec(z.iso.date(), z.iso.date(), {
  decode: (value, payload) => {
    if (value < EARLIEST_DAY || value > LATEST_DAY)
      payload.issues.push({ code: 'custom', message: outsideCalendar, input: value });
    return value;
  },
  encode: (value) => value,
});

/**
 * A date the server derives rather than stores (a due date, the end of a fiscal quarter): a
 * request never sends one, so it is read without the bounds above (a due date 90 days before a
 * renewal on 1900-01-15 is still shown).
 */
export const ComputedDate = z.iso.date();

/**
 * An instant with an explicit offset (`Z` or ±HH:MM up to ±23:59), e.g. `2026-03-01T09:30:00Z`.
 * Read as UTC with millisecond precision: finer digits are cut off (`.123456789` → `.123`), not
 * rounded, so the instant stored is the one JavaScript reads (PostgreSQL would round to microseconds).
 */
export const IsoInstant = z.codec(z.iso.datetime({ offset: true }), z.iso.datetime(), {
  decode: (value, payload) => {
    const ms = Date.parse(value);
    if (!(ms >= earliestMs && ms < afterLatestMs)) {
      payload.issues.push({ code: 'custom', message: outsideCalendar, input: value });
      return value;
    }
    return new Date(ms).toISOString();
  },
  encode: (value) => value,
});
/** The largest amount in USD PostgreSQL stores (numeric(14,2)); a larger one is refused, not overflowed. */
export const MAX_AMOUNT = 999_999_999_999.99;

export const ShortText = z.string().trim().min(1).max(200);
export const LongText = z.string().max(20_000);
export const TextList = z.array(z.string().trim().min(1).max(2_000)).max(100);
/** `{ "salesforce": "0015g00000ABCDEFGH" }`: ids of the same record in other systems. */
export const ExternalIds = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.string().min(1).max(200));

/** Every record carries `version`; an update must send the version it read (409 otherwise). */
export const RecordMeta = z.object({
  id: Id,
  version: z.int().positive(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});

export const VersionInput = z.object({
  version: z.int().positive().optional().describe('The version you read; or send it as If-Match.'),
});

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});

export const IdParams = z.object({ id: Id });
export const AsOfQuery = z.object({
  asOf: IsoInstant.optional().describe('Return the record exactly as it was at this instant.'),
});

export type ErrorBody = z.infer<typeof ErrorBody>;
export type PageQuery = z.infer<typeof PageQuery>;

/** Query-string booleans: `true`/`false`/`1`/`0` (z.coerce.boolean would read "false" as true). */
export const QueryBoolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');
