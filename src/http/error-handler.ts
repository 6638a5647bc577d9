import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { AppError, envelope, ERROR_STATUS, StoreUnavailableError, type ErrorCode } from './errors';
import type { HonoEnv } from './hono-env';

/** Every failure leaves through here as the one envelope; nothing raw reaches a client. */
export function handleError(error: unknown, c: Context<HonoEnv>): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  if (error instanceof AppError) {
    const res = send(c, error.code, error.message, requestId, error.details);
    if (error.code === 'rate_limited') res.headers.set('Retry-After', retryAfterSeconds(error.details, c.get('deps')?.clock.now() ?? Date.now()));
    return res;
  }
  if (error instanceof StoreUnavailableError) {
    c.get('deps')?.logger.error('store unavailable', { requestId, error });
    return send(c, 'store_unavailable', 'The store is unavailable; try again shortly', requestId);
  }
  if (error instanceof HTTPException) {
    // Hono's and the validators' own HTTP errors, each to its code; whatever the status, the envelope.
    const status = error.status;
    if (status === 400 && /json/i.test(error.message)) return send(c, 'bad_json', 'The request body is not valid JSON', requestId);
    if (status === 415) return send(c, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json', requestId);
    const byStatus: Partial<Record<number, ErrorCode>> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'payload_too_large', 429: 'rate_limited' };
    const code = byStatus[status] ?? (status < 500 ? 'validation_error' : undefined);
    if (code) return send(c, code, error.message || 'The request was refused', requestId);
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

/** Whole seconds until `retryAt` (epoch ms in the details), at least 1: what HTTP's Retry-After says. */
function retryAfterSeconds(details: unknown, now: number): string {
  const retryAt = (details as { retryAt?: unknown } | undefined)?.retryAt;
  const seconds = typeof retryAt === 'number' ? Math.ceil((retryAt - now) / 1000) : 60;
  return String(Math.max(1, seconds));
}
