import type { DomainErrorCode } from '@liaison/domain';

/** The one place where error codes meet HTTP: the compiler insists every code is mapped. */
export const httpStatusByCode: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  VERSION_REQUIRED: 428,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  INVALID_REFERENCE: 422,
  INVALID_STATE: 422,
  GATE_BLOCKED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};
