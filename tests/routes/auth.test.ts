import { describe, expect, it } from 'vitest';
import { requireStaff } from '../../src/http/staff-auth';
import { createRouter } from '../../src/http/router';
import { issueStaffToken } from '../../src/security/staff-token';
import { auth, json, makeTestApp, startConversation } from '../helpers/app';
import { addStaff, login, PASSWORD, staffToken } from '../helpers/staff';

/** A staff app plus tiny probe routes guarded by requireStaff, to test the middleware alone. */
function makeProbeApp(...args: Parameters<typeof makeTestApp>) {
  const built = makeTestApp(...args);
  const probe = createRouter();
  probe.get('/api/probe/operator', requireStaff('operator'), (c) => c.json(c.get('staff')));
  probe.get('/api/probe/operator/events', requireStaff('operator'), (c) => c.json(c.get('staff')));
  probe.post('/api/probe/operator/events', requireStaff('operator'), (c) => c.json(c.get('staff')));
  built.app.route('/', probe);
  return built;
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('POST /api/auth/login', () => {
  it('signs in with the right password and returns a token and the public user', async () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 0, 500);
    const { app, deps } = makeTestApp({}, { clock: { now: () => now } });
    const user = await addStaff(deps, 'editor', 'Edna@Test.local');
    const res = await app.request('/api/auth/login', json({ email: 'EDNA@test.local', password: PASSWORD }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.token).toEqual(expect.any(String));
    expect(body.expiresAt).toBe(now - 500 + 12 * 3600 * 1000);
    expect(body.user).toMatchObject({ id: user.id, email: 'edna@test.local', role: 'editor' });
    expect(body.user).not.toHaveProperty('passwordHash');
    const me = await app.request('/api/auth/me', auth(body.token));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: user.id, role: 'editor' });
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const { app, deps } = makeTestApp();
    await addStaff(deps, 'operator', 'olga@test.local');
    const wrong = await app.request('/api/auth/login', json({ email: 'olga@test.local', password: 'not the password' }));
    const unknown = await app.request('/api/auth/login', json({ email: 'nobody@test.local', password: PASSWORD }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await errorOf(wrong), await errorOf(unknown)];
    expect(a).toMatchObject({ code: 'unauthorized', message: 'Wrong email or password' });
    expect(b.message).toBe(a.message);
  });

  it('refuses a disabled account like a wrong password', async () => {
    const { app, deps } = makeTestApp();
    const user = await addStaff(deps, 'operator');
    await deps.store.users.update({ ...user, disabled: true });
    const res = await app.request('/api/auth/login', json({ email: user.email, password: PASSWORD }));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toBe('Wrong email or password');
  });

  it('validates the body with the error envelope', async () => {
    const { app } = makeTestApp();
    for (const body of [{ email: 'not-an-email', password: 'x' }, { email: 'a@b.co' }, { email: 'a@b.co', password: 'x', role: 'admin' }]) {
      const res = await app.request('/api/auth/login', json(body));
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('validation_error');
    }
  });

  it('allows 10 attempts per email per 15 minutes, then 429 even with the right password', async () => {
    const { app, deps } = makeTestApp();
    const user = await addStaff(deps, 'operator');
    for (let i = 0; i < 10; i++) {
      const res = await app.request('/api/auth/login', json({ email: user.email, password: 'wrong password' }));
      expect(res.status).toBe(401);
    }
    const limited = await app.request('/api/auth/login', json({ email: user.email.toUpperCase(), password: PASSWORD }));
    expect(limited.status).toBe(429);
    expect((await errorOf(limited)).code).toBe('rate_limited');
    // Another email has its own budget.
    const other = await addStaff(deps, 'editor');
    expect((await app.request('/api/auth/login', json({ email: other.email, password: PASSWORD }))).status).toBe(200);
  });

  it('a stranger guessing from another address cannot lock the account owner out', async () => {
    const { app, deps } = makeTestApp({ TRUST_PROXY: 'on' });
    const user = await addStaff(deps, 'admin');
    const from = (ip: string, password: string) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email: user.email, password }),
    });
    for (let i = 0; i < 12; i++) await app.request('/api/auth/login', from('203.0.113.9', 'guess'));
    expect((await app.request('/api/auth/login', from('203.0.113.9', PASSWORD))).status).toBe(429);
    expect((await app.request('/api/auth/login', from('198.51.100.7', PASSWORD))).status).toBe(200);
  });

  it('does not rate limit with RATE_LIMITS=off', async () => {
    const { app, deps } = makeTestApp({ RATE_LIMITS: 'off' });
    const user = await addStaff(deps, 'operator');
    for (let i = 0; i < 11; i++) await app.request('/api/auth/login', json({ email: user.email, password: 'wrong password' }));
    expect((await app.request('/api/auth/login', json({ email: user.email, password: PASSWORD }))).status).toBe(200);
  });
});

describe('staff tokens on guarded routes', () => {
  it('401 without a token, with garbage, or with a tampered token', async () => {
    const { app, deps } = makeProbeApp();
    const { token } = await staffToken(app, deps, 'operator');
    expect((await app.request('/api/auth/me')).status).toBe(401);
    expect((await app.request('/api/auth/me', auth('garbage'))).status).toBe(401);
    const [body, sig] = token.split('.') as [string, string];
    const claims = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
    expect(claims).toContain('"role":"operator"');
    const forged = btoa(claims.replace('operator', 'admin')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect((await app.request('/api/auth/me', auth(`${forged}.${sig}`))).status).toBe(401);
    // One signature character changed, in the middle (the last ones carry padding bits a decoder may ignore).
    const tampered = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    expect((await app.request('/api/auth/me', auth(`${body}.${tampered}`))).status).toBe(401);
    expect((await app.request('/api/auth/me', auth(token))).status).toBe(200);
  });

  it('401 once the token expired', async () => {
    let now = Date.UTC(2026, 0, 1);
    const { app, deps } = makeProbeApp({ STAFF_SESSION_HOURS: '1' }, { clock: { now: () => now } });
    const { token } = await staffToken(app, deps, 'operator');
    now += 59 * 60 * 1000;
    expect((await app.request('/api/auth/me', auth(token))).status).toBe(200);
    now += 60 * 1000;
    const res = await app.request('/api/auth/me', auth(token));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/expired/);
  });

  it('401 for a visitor token used as a staff token', async () => {
    const { app } = makeProbeApp();
    const convo = await startConversation(app);
    expect((await app.request('/api/auth/me', auth(convo.token))).status).toBe(401);
    expect((await app.request('/api/probe/operator', auth(convo.token))).status).toBe(401);
  });

  it('401 for a valid token of a user that is disabled or gone', async () => {
    const { app, deps } = makeProbeApp();
    const { user, token } = await staffToken(app, deps, 'operator');
    await deps.store.users.update({ ...user, disabled: true });
    expect((await app.request('/api/probe/operator', auth(token))).status).toBe(401);
    const ghost = await issueStaffToken(deps.staffSigner, { sub: 'no-such-user', role: 'admin', passwordHash: user.passwordHash }, 3600, deps.clock.now());
    expect((await app.request('/api/probe/operator', auth(ghost.token))).status).toBe(401);
  });

  it('checks the role: an editor may not use an operator route; an operator and an admin may', async () => {
    const { app, deps } = makeProbeApp();
    const editor = await staffToken(app, deps, 'editor');
    const operator = await staffToken(app, deps, 'operator');
    const admin = await staffToken(app, deps, 'admin');
    const denied = await app.request('/api/probe/operator', auth(editor.token));
    expect(denied.status).toBe(403);
    expect((await errorOf(denied)).code).toBe('forbidden');
    const asOperator = await app.request('/api/probe/operator', auth(operator.token));
    expect(asOperator.status).toBe(200);
    expect(await asOperator.json()).toEqual({ id: operator.user.id, email: operator.user.email, role: 'operator' });
    expect((await app.request('/api/probe/operator', auth(admin.token))).status).toBe(200);
  });

  it('uses the current role, not the one at login', async () => {
    const { app, deps } = makeProbeApp();
    const { user, token } = await staffToken(app, deps, 'operator');
    await deps.store.users.update({ ...user, role: 'editor' });
    expect((await app.request('/api/probe/operator', auth(token))).status).toBe(403);
  });

  it('takes ?token= only on GET event streams', async () => {
    const { app, deps } = makeProbeApp();
    const { token } = await staffToken(app, deps, 'operator');
    const q = `?token=${encodeURIComponent(token)}`;
    expect((await app.request(`/api/probe/operator/events${q}`)).status).toBe(200);
    expect((await app.request(`/api/probe/operator${q}`)).status).toBe(401);
    expect((await app.request(`/api/probe/operator/events${q}`, { method: 'POST' })).status).toBe(401);
    expect((await app.request(`/api/auth/me${q}`)).status).toBe(401);
  });

  it('still answers unknown paths with the not_found envelope after the routes are mounted', async () => {
    const { app } = makeProbeApp();
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });

  it('documents the staff routes with the staffToken scheme', async () => {
    const { app } = makeTestApp();
    const doc = await (await app.request('/openapi.json')).json();
    expect(doc.paths['/api/auth/login'].post).toBeDefined();
    expect(doc.paths['/api/admin/users'].post.security).toEqual([{ staffToken: [] }]);
  });
});

it('the login helper signs in', async () => {
  const { app, deps } = makeTestApp();
  const user = await addStaff(deps, 'admin');
  expect(await login(app, user.email)).toEqual(expect.any(String));
});
