import type { RouteHandler } from '@hono/zod-openapi';
import { normalizeEmail } from '../../auth/accounts';
import { publicUser } from '../../domain/staff-user';
import { AppError } from '../../http/errors';
import { clientAddress, enforceRateLimit, RULES } from '../../http/rate-limit';
import type { HonoEnv } from '../../http/hono-env';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../security/password';
import { issueStaffToken } from '../../security/staff-token';
import type { login, me } from './auth.routes';

const WRONG = 'Wrong email or password';

export const onLogin: RouteHandler<typeof login, HonoEnv> = async (c) => {
  const deps = c.get('deps');
  const body = c.req.valid('json');
  const email = normalizeEmail(body.email);
  const address = clientAddress(c);
  await enforceRateLimit(deps, RULES.loginPerAddress, address, 'Too many sign-in attempts; try again later');
  await enforceRateLimit(deps, RULES.login, `${email}|${address}`, 'Too many sign-in attempts; try again later');
  const user = await deps.store.users.findByEmail(email);
  // An unknown email still costs one PBKDF2 run, so response time does not reveal which emails exist.
  const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  // A disabled account answers like a wrong password: it should not learn more than a stranger.
  if (!user || !ok || user.disabled) throw new AppError('unauthorized', WRONG);
  const { token, expiresAt } = await issueStaffToken(
    deps.staffSigner,
    { sub: user.id, role: user.role, passwordHash: user.passwordHash },
    deps.env.STAFF_SESSION_HOURS * 3600,
    deps.clock.now(),
  );
  return c.json({ token, expiresAt, user: publicUser(user) }, 200);
};

export const onMe: RouteHandler<typeof me, HonoEnv> = async (c) => c.json(publicUser(c.get('staffUser')), 200);
