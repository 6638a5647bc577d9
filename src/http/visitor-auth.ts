import { createMiddleware } from 'hono/factory';
import { readVisitorToken } from '../security/visitor-token';
import { AppError } from './errors';
import type { HonoEnv } from './hono-env';

/** The bearer token of a request: the Authorization header, or `?token=` for EventSource. */
export function bearerToken(authorization: string | undefined, queryToken: string | undefined): string | undefined {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? (queryToken || undefined);
}

/**
 * A visitor reaches only the conversation their token names: no token or a forged one is 401,
 * a valid token for another conversation is 403.
 */
export const requireVisitor = createMiddleware<HonoEnv>(async (c, next) => {
  const token = bearerToken(c.req.header('authorization'), c.req.query('token'));
  if (!token) throw new AppError('unauthorized', 'A conversation token is required');
  const granted = await readVisitorToken(c.get('deps').visitorSigner, token);
  if (!granted) throw new AppError('unauthorized', 'The conversation token is not valid');
  if (granted !== c.req.param('id')) throw new AppError('forbidden', 'This token is for another conversation');
  await next();
});
