import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../db/schema.ts';
import { domainErrorOf, UNIQUE_CONSTRAINTS } from './database-errors.ts';

/** The driver's error as drizzle hands it on: wrapped, the original as `cause`. */
function wrapped(fields: { code: string; constraint?: string }): Error {
  return new Error('Failed query: INSERT …', { cause: Object.assign(new Error('duplicate key'), fields) });
}

describe('database refusals a race explains', () => {
  it('turns a unique violation of a known constraint into ALREADY_EXISTS on its field', () => {
    const error = domainErrorOf(wrapped({ code: '23505', constraint: 'users_email_key' }));
    expect(error).toMatchObject({
      code: 'ALREADY_EXISTS',
      message: 'A user with this e-mail already exists.',
      details: [{ path: 'body.email', message: 'is already taken' }],
    });
  });

  it('turns a serialization failure or a deadlock into VERSION_CONFLICT', () => {
    for (const code of ['40001', '40P01'])
      expect(domainErrorOf(wrapped({ code }))).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('leaves anything else to the 500 handler: an unknown constraint, another SQLSTATE, a Node error code', () => {
    expect(domainErrorOf(wrapped({ code: '23505', constraint: 'who_knows' }))).toBeNull();
    expect(domainErrorOf(wrapped({ code: '23503' }))).toBeNull();
    expect(domainErrorOf(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBeNull();
    expect(domainErrorOf('not an error')).toBeNull();
  });

  it('knows every unique index a request can run into', () => {
    // API token and calendar feed hashes are random 256-bit values and session ids random UUIDs,
    // never chosen by a client; a webhook delivery's event is the server's, inserted with ON
    // CONFLICT DO NOTHING.
    const notFromRequests = new Set([
      'api_tokens_hash_key',
      'sessions_id_key',
      'calendar_feeds_hash_key',
      'webhook_deliveries_event_key',
      // Notifications are written by the event dispatcher, which skips a pair it has.
      'notifications_user_event_key',
      // Portal sessions and mailed links are random like staff sessions and tokens.
      'portal_sessions_id_key',
      'portal_tokens_hash_key',
    ]);
    const tables = (Object.values(schema) as unknown[]).filter((value) => is(value, PgTable)) as PgTable[];
    const unique = tables
      .flatMap((table) => getTableConfig(table).indexes)
      .filter((index) => index.config.unique)
      .map((index) => index.config.name!)
      .filter((name) => !notFromRequests.has(name));
    expect(unique.length).toBeGreaterThan(0);
    expect(Object.keys(UNIQUE_CONSTRAINTS).sort()).toEqual(unique.sort());
  });
});
