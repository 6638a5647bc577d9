import { createMiddleware } from 'hono/factory';
import { roleAllows, type Role } from '../domain/staff-user';
import { readStaffToken, sessionStamp } from '../security/staff-token';
import { AppError } from './errors';
import type { HonoEnv } from './hono-env';
import { requestToken } from './visitor-auth';

/**
 * Staff routes need a session token of a user who still exists, is enabled, and holds `role`
 * (an admin holds every role; `'any'` admits every signed-in staff member). No, forged or expired token, or a gone or disabled user → 401;
 * a valid user without the role → 403.
 *
 * The token travels in the Authorization header. Only event streams (GET …/events) also take
 * `?token=`, because EventSource cannot set headers; elsewhere a URL token would end up in logs
 * and browser history for nothing.
 *
 * @example
 * createRoute({ ..., security: [{ staffToken: [] }], middleware: [requireStaff('operator')] as const })
 */
export function requireStaff(role: Role | 'any') {
  return createMiddleware<HonoEnv>(async (c, next) => {
    const deps = c.get('deps');
    const token = requestToken(c);
    if (!token) throw new AppError('unauthorized', 'A staff session token is required');
    const claims = await readStaffToken(deps.staffSigner, token, deps.clock.now());
    if (!claims) throw new AppError('unauthorized', 'The session token is not valid or has expired; sign in again');
    // Reloaded on every call, so a disabled account or a changed role counts at once.
    const user = await deps.store.users.get(claims.sub);
    if (!user || user.disabled) throw new AppError('unauthorized', 'This account is not active; sign in again');
    if (claims.sv !== (await sessionStamp(user.passwordHash))) throw new AppError('unauthorized', 'The password has changed; sign in again');
    if (role !== 'any' && !roleAllows(user.role, role)) throw new AppError('forbidden', `This needs the ${role} role`);
    c.set('staff', { id: user.id, email: user.email, role: user.role });
    c.set('staffUser', user);
    await next();
  });
}
