import { createStaffUser } from '../../src/auth/accounts';
import type { Deps } from '../../src/deps';
import type { Role } from '../../src/domain/staff-user';
import { issueStaffToken } from '../../src/security/staff-token';
import { json, type TestApp } from './app';

export const PASSWORD = 'correct horse battery';
let counter = 0;

/** Store an account directly (bypassing the admin route) and return it. */
export async function addStaff(deps: Deps, role: Role, email = `${role}@test.local`, password = PASSWORD) {
  const user = await createStaffUser(deps, { email, password, role });
  if (!user) throw new Error(`could not create ${email}`);
  return user;
}

/**
 * An account with a session token issued directly, so tests of other routes need no login;
 * a unique email each time, so one test may make many.
 */
export async function makeStaff(deps: Deps, role: Role, extra: { capacity?: number; departments?: string[]; name?: string } = {}) {
  counter += 1;
  const user = await createStaffUser(deps, { email: `${role}-${counter}@test.local`, password: PASSWORD, role, name: extra.name ?? `${role} ${counter}`, ...extra });
  if (!user) throw new Error('could not create test user');
  const { token } = await issueStaffToken(deps.staffSigner, { sub: user.id, role, passwordHash: user.passwordHash }, 3600, deps.clock.now());
  return { id: user.id, token, user };
}

export const staffHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** Sign in through the login route and return the token. */
export async function login(app: TestApp, email: string, password = PASSWORD): Promise<string> {
  const res = await app.request('/api/auth/login', json({ email, password }));
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Create an account of `role` and sign it in through the route. */
export async function staffToken(app: TestApp, deps: Deps, role: Role, email?: string) {
  const user = await addStaff(deps, role, email);
  return { user, token: await login(app, user.email) };
}
