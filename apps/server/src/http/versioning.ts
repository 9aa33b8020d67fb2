import { DomainError } from '@liaison/domain';
import { versionRequired } from '../kernel/versioning.ts';

/**
 * The version a client read, from the body's `version` or an `If-Match` header (`3`, `"3"` or
 * `W/"3"`). An update without one is refused: blind overwrites are how teams lose each other's edits.
 */
export function requireVersion(
  bodyVersion: number | undefined,
  ifMatch: string | string[] | undefined,
): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const header = Array.isArray(ifMatch) ? ifMatch[0] : ifMatch;
  if (header) {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
    if (match) return Number(match[1]);
    throw new DomainError('VALIDATION_FAILED', 'If-Match must hold the record version, e.g. "3"', [
      { path: 'header.if-match', message: 'must be a record version' },
    ]);
  }
  throw versionRequired();
}
