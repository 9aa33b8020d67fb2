// The column shapes every table file uses (docs/architecture.md, apps/server/src/db).
import { sql } from 'drizzle-orm';
import { customType, date, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Timestamps are instants (timestamptz) read back as ISO strings; business dates are `date`.
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
export const day = (name: string) => date(name, { mode: 'string' });
export const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

export const recordColumns = {
  id: uuid('id').primaryKey().defaultRandom(),
  version: integer('version').notNull().default(1),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
};

/** Binary content (uploaded files, artefacts): bytea, as a Buffer. */
export const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
