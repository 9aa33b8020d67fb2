import { DomainError } from '@liaison/domain';

/**
 * Optimistic concurrency (docs/decisions/0004-optimistic-concurrency.md): a write names the
 * version it read; another version means someone else saved first, and nothing is written.
 */
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

/** An update without a version is refused: blind overwrites are how teams lose each other's edits. */
export const versionRequired = () =>
  new DomainError(
    'VERSION_REQUIRED',
    'Send the version you read (body field "version" or an If-Match header) so concurrent edits are not lost.',
    [{ path: 'body.version', message: 'is required' }],
  );

/** Update bodies carry the version next to the fields; the store wants the fields alone. */
export function withoutVersion<T extends { version?: number | undefined }>(input: T): Omit<T, 'version'> {
  const { version: _version, ...changes } = input;
  return changes;
}
