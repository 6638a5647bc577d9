import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse } from '../../http/router';
import { requireStaff } from '../../http/staff-auth';
import { staffUserViewSchema } from '../auth/auth.schemas';
import { createUserBody, updateUserBody, userIdParams } from './admin.schemas';

const tags = ['Admin'];
const security = [{ staffToken: [] }];
const middleware = [requireStaff('admin')];

export const createUser = createRoute({
  method: 'post',
  path: '/api/admin/users',
  tags,
  security,
  middleware,
  summary: 'Create an operator, editor or admin',
  request: { body: jsonBody(createUserBody) },
  responses: {
    201: jsonResponse(staffUserViewSchema, 'The new account'),
    ...errorResponses(400, 401, 403, 409, 503),
  },
});

export const listUsers = createRoute({
  method: 'get',
  path: '/api/admin/users',
  tags,
  security,
  middleware,
  summary: 'Every staff account, oldest first',
  responses: {
    200: jsonResponse(z.object({ users: z.array(staffUserViewSchema) }), 'The accounts'),
    ...errorResponses(401, 403, 503),
  },
});

export const updateUser = createRoute({
  method: 'patch',
  path: '/api/admin/users/{id}',
  tags,
  security,
  middleware,
  summary: 'Change an account: role, name, departments, capacity, disabled, password',
  description: 'An admin cannot demote or disable their own account, so the last admin cannot lock everyone out.',
  request: { params: userIdParams, body: jsonBody(updateUserBody) },
  responses: {
    200: jsonResponse(staffUserViewSchema, 'The changed account'),
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});
