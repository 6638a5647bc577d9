import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The closed set of error codes, each with its HTTP status: one table, so a code always means
 * the same status wherever it is raised.
 */
export const ERROR_STATUS = {
  validation_error: 400,
  bad_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  already_claimed: 409,
  over_capacity: 409,
  conversation_closed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  message_too_long: 413,
  conversation_too_long: 413,
  rate_limited: 429,
  internal_error: 500,
  bad_environment: 500,
  store_unavailable: 503,
  upstream_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** An expected failure that maps to the error envelope. Throw it from handlers and services. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; requestId: string; details?: unknown };
}

export function envelope(code: ErrorCode, message: string, requestId: string, details?: unknown): ErrorEnvelope {
  return { error: { code, message, requestId, ...(details === undefined ? {} : { details }) } };
}

/** Raised by a store adapter when its backend cannot be reached; the app answers 503. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
