import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse } from '../../http/router';
import { requireStaff } from '../../http/staff-auth';
import { RULES } from '../../http/rate-limit';
import { loginBody, loginResultSchema, staffUserViewSchema } from './auth.schemas';

const tags = ['Staff auth'];

export const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags,
  summary: 'Sign in as an operator, editor or admin',
  description:
    `A wrong email and a wrong password get the same 401, so the answer does not tell which accounts exist. At most ${RULES.login.limit} attempts per email from one address, and ${RULES.loginPerAddress.limit} from one address, per ${RULES.login.windowSeconds / 60} minutes (a stranger cannot lock the owner out).`,
  request: { body: jsonBody(loginBody) },
  responses: {
    200: jsonResponse(loginResultSchema, 'A session token and the account'),
    ...errorResponses(400, 401, 429, 503),
  },
});

export const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags,
  security: [{ staffToken: [] }],
  middleware: [requireStaff('any')] as const,
  summary: 'The signed-in account',
  responses: {
    200: jsonResponse(staffUserViewSchema, 'The account the token belongs to'),
    ...errorResponses(401, 503),
  },
});
