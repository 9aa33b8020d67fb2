import { DomainError } from '@liaison/domain';

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
  throw new DomainError(
    'VERSION_REQUIRED',
    'Send the version you read (body field "version" or an If-Match header) so concurrent edits are not lost.',
    [{ path: 'body.version', message: 'is required' }],
  );
}

export function checkVersion(
  entity: string,
  id: string,
  expected: number,
  actual: number,
): asserts expected is number {
  if (expected !== actual) {
    throw new DomainError(
      'VERSION_CONFLICT',
      `${entity} ${id} was changed by someone else since you read it (you have version ${expected}, the current one is ${actual}). Reload and apply your change again.`,
      [{ path: 'version', message: `current version is ${actual}` }],
    );
  }
}
