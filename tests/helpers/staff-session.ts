import type { Deps } from '../../src/deps';
import { createStaffUser } from '../../src/auth/accounts';
import type { Role } from '../../src/domain/staff-user';
import { adminRoutes } from '../../src/routes/admin';
import { authRoutes } from '../../src/routes/auth';
import { json, makeTestApp } from './app';

/**
 * A test app with the auth and admin routes mounted. Routes added after createApp still match
 * before its notFound handler; the check keeps this working once createApp mounts them itself.
 */
export function makeStaffApp(...args: Parameters<typeof makeTestApp>) {
  const built = makeTestApp(...args);
  const mounted = (path: string) => built.app.routes.some((r) => r.path === path);
  if (!mounted('/api/auth/login')) built.app.route('/', authRoutes);
  if (!mounted('/api/admin/users')) built.app.route('/', adminRoutes);
  return built;
}

export const PASSWORD = 'correct horse battery';

/** Store an account directly (bypassing the admin route) and return it. */
export async function addStaff(deps: Deps, role: Role, email = `${role}@test.local`, password = PASSWORD) {
  const user = await createStaffUser(deps, { email, password, role });
  if (!user) throw new Error(`could not create ${email}`);
  return user;
}

type TestApp = ReturnType<typeof makeStaffApp>['app'];

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
