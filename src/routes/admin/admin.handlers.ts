import type { RouteHandler } from '@hono/zod-openapi';
import { createStaffUser } from '../../auth/accounts';
import { publicUser, type StaffUser } from '../../domain/staff-user';
import { AppError } from '../../http/errors';
import type { HonoEnv } from '../../http/hono-env';
import { hashPassword } from '../../security/password';
import type { createUser, listUsers, updateUser } from './admin.routes';

export const onCreateUser: RouteHandler<typeof createUser, HonoEnv> = async (c) => {
  const created = await createStaffUser(c.get('deps'), c.req.valid('json'));
  if (!created) throw new AppError('conflict', 'An account with this email already exists');
  return c.json(publicUser(created), 201);
};

export const onListUsers: RouteHandler<typeof listUsers, HonoEnv> = async (c) => {
  const users = await c.get('deps').store.users.list();
  return c.json({ users: users.map(publicUser) }, 200);
};

export const onUpdateUser: RouteHandler<typeof updateUser, HonoEnv> = async (c) => {
  const deps = c.get('deps');
  const { id } = c.req.valid('param');
  const { password, ...changes } = c.req.valid('json');
  const current = await deps.store.users.get(id);
  if (!current) throw new AppError('not_found', 'No such account');
  if (id === c.get('staff').id && ((changes.role && changes.role !== 'admin') || changes.disabled)) {
    throw new AppError('conflict', 'You cannot demote or disable your own account; ask another admin');
  }
  const next: StaffUser = {
    ...current,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    ...(password ? { passwordHash: await hashPassword(password) } : {}),
  };
  if (!(await deps.store.users.update(next))) throw new AppError('not_found', 'No such account');
  return c.json(publicUser(next), 200);
};
