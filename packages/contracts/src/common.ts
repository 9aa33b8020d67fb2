import { z } from 'zod';

export const Id = z.uuid();
/** A calendar date, `YYYY-MM-DD` (renewal dates, close dates: no time of day, no zone). */
export const IsoDate = z.iso.date();
/** An instant with an explicit offset, e.g. `2026-03-01T09:30:00Z`. */
export const IsoInstant = z.iso.datetime({ offset: true });
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
