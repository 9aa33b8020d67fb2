import { DomainError } from '@liaison/domain';
import type { z } from 'zod';

/** Opaque keyset cursors: base64url JSON of the last row's sort key, checked on the way back in. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'query.cursor: is not a cursor this list gave out', [
      { path: 'query.cursor', message: 'is not a cursor this list gave out' },
    ]);
  }
}
