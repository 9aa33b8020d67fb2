/**
 * Every failure a user can cause or meet carries one of these codes. Nothing below the HTTP
 * layer knows status codes: `apps/server/src/http/error-map.ts` maps each code exactly once.
 */
export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'CROSS_SITE_REQUEST'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'VERSION_REQUIRED'
  | 'ALREADY_EXISTS'
  | 'INVALID_REFERENCE'
  | 'INVALID_STATE'
  /** An opportunity's stage move past the journey's required outputs (docs/journey.md, Gates). */
  | 'GATE_BLOCKED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `body.arr` or `query.limit`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: DomainErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** A refusal that lifts by itself: the caller may try again after `retryAfterSeconds`. */
export class RetryLaterError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

export const notFound = (entity: string, id: string) =>
  new DomainError('NOT_FOUND', `${entity} ${id} does not exist`);

export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

export const versionConflict = (entity: string, id: string, expected: number, actual: number) =>
  new DomainError(
    'VERSION_CONFLICT',
    `${entity} ${id} was changed by someone else: you sent version ${expected}, the current version is ${actual}. Reload and apply your change again.`,
    [{ path: 'version', message: `current version is ${actual}` }],
  );
