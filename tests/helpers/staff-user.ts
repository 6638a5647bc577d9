import type { Deps } from '../../src/deps';
import type { Role } from '../../src/domain/staff-user';
import { hashPassword } from '../../src/security/password';
import { issueStaffToken } from '../../src/security/staff-token';

let counter = 0;

/** A staff user stored directly, with a session token: tests of other routes need no login dance. */
export async function makeStaff(deps: Deps, role: Role, extra: { capacity?: number; departments?: string[]; name?: string } = {}) {
  counter += 1;
  const id = `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const user = {
    id,
    email: `${id}@test.local`,
    name: extra.name ?? `${role} ${counter}`,
    role,
    passwordHash: await hashPassword('password-123'),
    departments: extra.departments ?? [],
    capacity: extra.capacity ?? 3,
    disabled: false,
    createdAt: deps.clock.now(),
  };
  if (!(await deps.store.users.create(user))) throw new Error('could not create test user');
  const { token } = await issueStaffToken(deps.staffSigner, { sub: id, role, passwordHash: user.passwordHash }, 3600, deps.clock.now());
  return { id, token, user };
}

export const staffHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
