import type { RouteHandler } from '@hono/zod-openapi';
import { createStaffUser } from '../../auth/accounts';
import { publicUser, type StaffUser } from '../../domain/staff-user';
import { AppError } from '../../http/errors';
import type { HonoEnv } from '../../http/hono-env';
import type { UserRepo } from '../../store/ports';
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

/** Attempts of a read-change-write before answering 409: other admins editing the same account. */
const UPDATE_ATTEMPTS = 5;

const enabledAdmin = (u: StaffUser) => u.role === 'admin' && !u.disabled;

/**
 * Change an account. Every write is a compare-and-set on the version it read, so a slow request
 * (hashing a new password) cannot undo a change made meanwhile (a disable). A change that takes
 * away an admin is checked again after it is written: if no enabled admin is left (two admins
 * demoting each other at once) it is undone and answered 409.
 */
export const onUpdateUser: RouteHandler<typeof updateUser, HonoEnv> = async (c) => {
  const deps = c.get('deps');
  const { users } = deps.store;
  const { id } = c.req.valid('param');
  const { password, ...changes } = c.req.valid('json');
  if (id === c.get('staff').id && ((changes.role && changes.role !== 'admin') || changes.disabled)) {
    throw new AppError('conflict', 'You cannot demote or disable your own account; ask another admin');
  }
  // Hashed once, before reading: the read-change-write below stays short.
  const passwordHash = password ? await hashPassword(password) : undefined;
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<StaffUser>;
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
    const current = await users.get(id);
    if (!current) throw new AppError('not_found', 'No such account');
    const next: StaffUser = { ...current, ...set, ...(passwordHash ? { passwordHash } : {}) };
    if (!(await users.update(next))) continue;
    if (enabledAdmin(current) && !enabledAdmin(next) && !(await users.list()).some(enabledAdmin)) {
      await restore(users, current, next);
      throw new AppError('conflict', 'This change would leave no enabled admin');
    }
    return c.json(publicUser({ ...next, version: next.version + 1 }), 200);
  }
  throw new AppError('conflict', 'The account is changing too fast; try again');
};

/**
 * Undo a refused change: each field this request wrote goes back to what it was before, unless
 * someone has changed that field since (a password rotated meanwhile stays rotated).
 */
async function restore(users: UserRepo, before: StaffUser, wrote: StaffUser): Promise<void> {
  const fields = (Object.keys(wrote) as Array<keyof StaffUser>).filter((k) => k !== 'version' && JSON.stringify(wrote[k]) !== JSON.stringify(before[k]));
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
    const now = await users.get(before.id);
    if (!now) return;
    const undo: Partial<StaffUser> = {};
    for (const k of fields) if (JSON.stringify(now[k]) === JSON.stringify(wrote[k])) Object.assign(undo, { [k]: before[k] });
    if (await users.update({ ...now, ...undo })) return;
  }
}
