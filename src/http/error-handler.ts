import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { AppError, envelope, ERROR_STATUS, StoreUnavailableError, type ErrorCode } from './errors';
import type { HonoEnv } from './hono-env';

/** Every failure leaves through here as the one envelope; nothing raw reaches a client. */
export function handleError(error: unknown, c: Context<HonoEnv>): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  if (error instanceof AppError) return send(c, error.code, error.message, requestId, error.details);
  if (error instanceof StoreUnavailableError) {
    c.get('deps')?.logger.error('store unavailable', { requestId, error });
    return send(c, 'store_unavailable', 'The store is unavailable; try again shortly', requestId);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return send(c, 'payload_too_large', 'The request body is too large', requestId);
    if (status === 400 && /json/i.test(error.message)) return send(c, 'bad_json', 'The request body is not valid JSON', requestId);
    if (status === 401) return send(c, 'unauthorized', error.message || 'Authentication required', requestId);
    if (status === 400) return send(c, 'validation_error', error.message || 'Bad request', requestId);
  }
  c.get('deps')?.logger.error('unhandled error', { requestId, path: c.req.path, error });
  return send(c, 'internal_error', 'Something went wrong on our side', requestId);
}

export function send(c: Context, code: ErrorCode, message: string, requestId: string, details?: unknown): Response {
  return c.json(envelope(code, message, requestId, details), ERROR_STATUS[code]);
}

/** A zod failure as a readable message and a list of { path, message } for the client. */
export function describeZodError(error: ZodError, where: string) {
  const issues = error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  const first = issues[0];
  const message = first ? `Invalid ${where}: ${first.path ? `${first.path}: ` : ''}${first.message}` : `Invalid ${where}`;
  return { message, issues };
}
