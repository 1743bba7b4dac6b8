import type { ErrorCode } from "../errors/app-error.js";

/** The HTTP status of each error code: the one place where codes meet HTTP. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  MALFORMED_UPLOAD: 400,
  UNKNOWN_REFERENCE: 422,
  TOO_MANY_ROWS: 422,
  NOT_QUALIFIED: 422,
  // A person excluded by a hard constraint: the referent must confirm with a reason (confirmException).
  EXCLUDED_NEEDS_CONFIRMATION: 422,
  // Proposals, lists and offers on a vacancy that is no longer open to them.
  VACANCY_CLOSED: 409,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};
