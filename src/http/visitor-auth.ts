import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { readVisitorToken } from '../security/visitor-token';
import { AppError } from './errors';
import type { HonoEnv } from './hono-env';

/**
 * The bearer token of a request: the Authorization header, or `?token=` on an event stream
 * (GET …/events) only, because EventSource cannot set headers; elsewhere a token in the URL would
 * end up in logs, history and Referer for nothing. A request that has an Authorization header
 * is judged by it alone: a malformed header is no token, never a fallback to the URL.
 */
export function requestToken(c: Context<HonoEnv>): string | undefined {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) return authorization.match(/^Bearer +([^\s]+)$/i)?.[1];
  const streaming = c.req.method === 'GET' && c.req.path.endsWith('/events');
  return streaming ? c.req.query('token') || undefined : undefined;
}

/**
 * A visitor reaches only the conversation their token names: no token or a forged one is 401,
 * a valid token for another conversation is 403.
 */
export const requireVisitor = createMiddleware<HonoEnv>(async (c, next) => {
  const token = requestToken(c);
  if (!token) throw new AppError('unauthorized', 'A conversation token is required');
  const granted = await readVisitorToken(c.get('deps').visitorSigner, token);
  if (!granted) throw new AppError('unauthorized', 'The conversation token is not valid');
  if (granted !== c.req.param('id')) throw new AppError('forbidden', 'This token is for another conversation');
  await next();
});
