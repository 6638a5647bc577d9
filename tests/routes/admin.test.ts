import { describe, expect, it } from 'vitest';
import { auth, json, makeTestApp } from '../helpers/app';
import { login, staffToken } from '../helpers/staff';

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
const patch = (body: unknown, token: string): RequestInit => ({ ...json(body, token), method: 'PATCH' });

async function adminApp() {
  const built = makeTestApp();
  const admin = await staffToken(built.app, built.deps, 'admin');
  return { ...built, admin };
}

describe('POST /api/admin/users', () => {
  it('creates an account that can then sign in, and never returns the hash', async () => {
    const { app, admin } = await adminApp();
    const res = await app.request(
      '/api/admin/users',
      json({ email: 'Olga@Shop.example', password: 'olga-password', role: 'operator', name: 'Olga', departments: ['billing'], capacity: 5 }, admin.token),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({
      id: expect.any(String),
      email: 'olga@shop.example',
      name: 'Olga',
      role: 'operator',
      departments: ['billing'],
      capacity: 5,
      disabled: false,
    });
    expect(await login(app, 'olga@shop.example', 'olga-password')).toEqual(expect.any(String));
  });

  it('fills defaults for departments and capacity', async () => {
    const { app, admin } = await adminApp();
    const res = await app.request('/api/admin/users', json({ email: 'ed@shop.example', password: 'ed-password', role: 'editor' }, admin.token));
    expect(await res.json()).toMatchObject({ role: 'editor', departments: [], capacity: 3, disabled: false });
  });

  it('rejects bad input with the 400 envelope', async () => {
    const { app, admin } = await adminApp();
    const ok = { email: 'x@shop.example', password: 'long-enough', role: 'operator' };
    const cases: [unknown, RegExp][] = [
      [{ ...ok, email: 'not-an-email' }, /email/],
      [{ ...ok, password: 'short' }, /password: must be at least 8/],
      [{ ...ok, role: 'owner' }, /role/],
      [{ ...ok, isAdmin: true }, /unknown field\(s\): isAdmin/],
      [{ ...ok, capacity: 0 }, /capacity/],
      [{ email: 'x@shop.example', role: 'operator' }, /password/],
    ];
    for (const [body, message] of cases) {
      const res = await app.request('/api/admin/users', json(body, admin.token));
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe('validation_error');
      expect(error.message).toMatch(message);
    }
  });

  it('answers a taken email (any case) with 409 conflict', async () => {
    const { app, admin } = await adminApp();
    const body = { email: 'dup@shop.example', password: 'long-enough', role: 'operator' };
    expect((await app.request('/api/admin/users', json(body, admin.token))).status).toBe(201);
    const again = await app.request('/api/admin/users', json({ ...body, email: 'DUP@shop.example' }, admin.token));
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('conflict');
  });

  it('is for admins only: an operator or editor gets 403, no token 401', async () => {
    const { app, deps } = await adminApp();
    const body = { email: 'new@shop.example', password: 'long-enough', role: 'admin' };
    for (const role of ['operator', 'editor'] as const) {
      const { token } = await staffToken(app, deps, role);
      const res = await app.request('/api/admin/users', json(body, token));
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
      expect((await app.request('/api/admin/users', auth(token))).status).toBe(403);
    }
    expect((await app.request('/api/admin/users', json(body))).status).toBe(401);
    expect(await deps.store.users.findByEmail('new@shop.example')).toBeNull();
  });
});

describe('GET and PATCH /api/admin/users', () => {
  it('lists every account without hashes', async () => {
    const { app, deps, admin } = await adminApp();
    await staffToken(app, deps, 'operator');
    const res = await app.request('/api/admin/users', auth(admin.token));
    expect(res.status).toBe(200);
    const { users } = await res.json();
    expect(users.map((u: { role: string }) => u.role)).toEqual(['admin', 'operator']);
    expect(JSON.stringify(users)).not.toMatch(/pbkdf2/);
  });

  it('changes role, capacity and password; the old password stops working', async () => {
    const { app, deps, admin } = await adminApp();
    const { user } = await staffToken(app, deps, 'operator');
    const res = await app.request(`/api/admin/users/${user.id}`, patch({ role: 'editor', capacity: 7, password: 'brand-new-password' }, admin.token));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: user.id, role: 'editor', capacity: 7 });
    expect((await app.request('/api/auth/login', json({ email: user.email, password: 'correct horse battery' }))).status).toBe(401);
    expect(await login(app, user.email, 'brand-new-password')).toEqual(expect.any(String));
  });

  it('a password change ends the sessions opened with the old password', async () => {
    const { app, deps, admin } = await adminApp();
    const operator = await staffToken(app, deps, 'operator');
    expect((await app.request('/api/auth/me', auth(operator.token))).status).toBe(200);
    await app.request(`/api/admin/users/${operator.user.id}`, patch({ password: 'a-new-password-1' }, admin.token));
    const stale = await app.request('/api/auth/me', auth(operator.token));
    expect(stale.status).toBe(401);
    const fresh = await login(app, operator.user.email, 'a-new-password-1');
    expect((await app.request('/api/auth/me', auth(fresh))).status).toBe(200);
  });

  it('disabling an account ends its sessions at once', async () => {
    const { app, deps, admin } = await adminApp();
    const operator = await staffToken(app, deps, 'operator');
    expect((await app.request('/api/auth/me', auth(operator.token))).status).toBe(200);
    const res = await app.request(`/api/admin/users/${operator.user.id}`, patch({ disabled: true }, admin.token));
    expect(await res.json()).toMatchObject({ disabled: true });
    expect((await app.request('/api/auth/me', auth(operator.token))).status).toBe(401);
  });

  it('404 for an unknown id, 400 for an empty or unknown change, 409 for demoting oneself', async () => {
    const { app, admin } = await adminApp();
    expect((await app.request('/api/admin/users/nope', patch({ capacity: 2 }, admin.token))).status).toBe(404);
    for (const body of [{}, { email: 'other@shop.example' }, { password: 'short' }]) {
      const res = await app.request(`/api/admin/users/${admin.user.id}`, patch(body, admin.token));
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    for (const body of [{ role: 'operator' }, { disabled: true }]) {
      const res = await app.request(`/api/admin/users/${admin.user.id}`, patch(body, admin.token));
      expect(res.status).toBe(409);
    }
    expect((await app.request(`/api/admin/users/${admin.user.id}`, patch({ name: 'Boss' }, admin.token))).status).toBe(200);
  });
});

describe('PATCH /api/admin/users/:id under concurrency', () => {
  it('a slow change (a new password) does not undo a disable made meanwhile', async () => {
    const { app, deps, admin } = await adminApp();
    const other = await staffToken(app, deps, 'admin', 'second-admin@test.local');
    const op = await staffToken(app, deps, 'operator', 'op@test.local');
    const slow = app.request(`/api/admin/users/${op.user.id}`, patch({ password: 'a-brand-new-password' }, admin.token));
    const disable = app.request(`/api/admin/users/${op.user.id}`, patch({ disabled: true }, other.token));
    const [a, b] = await Promise.all([slow, disable]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await deps.store.users.get(op.user.id))!.disabled).toBe(true);
  });

  it('two admins demoting each other at once leave at least one enabled admin', async () => {
    const { app, deps, admin } = await adminApp();
    const other = await staffToken(app, deps, 'admin', 'second-admin@test.local');
    const [ra, rb] = await Promise.all([
      app.request(`/api/admin/users/${other.user.id}`, patch({ role: 'operator' }, admin.token)),
      app.request(`/api/admin/users/${admin.user.id}`, patch({ role: 'operator' }, other.token)),
    ]);
    const admins = (await deps.store.users.list()).filter((u) => u.role === 'admin' && !u.disabled);
    expect(admins.length).toBeGreaterThan(0);
    expect([ra.status, rb.status]).toContain(409);
  });

  it('a refused change is undone whole: password and capacity too', async () => {
    const { app, deps, admin } = await adminApp();
    const other = await staffToken(app, deps, 'admin', 'second-admin@test.local');
    const before = (await deps.store.users.get(other.user.id))!;
    const { users } = deps.store;
    const list = users.list.bind(users);
    let demoted = false;
    // While this request checks that an admin remains, the calling admin is demoted elsewhere.
    users.list = async () => {
      if (!demoted) {
        demoted = true;
        await users.update({ ...(await users.get(admin.user.id))!, role: 'operator' });
      }
      return list();
    };
    const res = await app.request(`/api/admin/users/${other.user.id}`, patch({ role: 'operator', password: 'a-brand-new-password', capacity: 7 }, admin.token));
    expect(res.status).toBe(409);
    const after = (await deps.store.users.get(other.user.id))!;
    expect(after).toMatchObject({ role: 'admin', capacity: before.capacity, passwordHash: before.passwordHash });
  });
});

describe('undoing a refused admin change', () => {
  it('keeps a password rotated by someone else in between', async () => {
    const { app, deps, admin } = await adminApp();
    const other = await staffToken(app, deps, 'admin', 'second-admin@test.local');
    const { users } = deps.store;
    const list = users.list.bind(users);
    let rotated = '';
    // While this request checks that an admin remains, B's password is rotated and A is demoted.
    users.list = async () => {
      if (!rotated) {
        const b = (await users.get(other.user.id))!;
        rotated = 'pbkdf2-sha256$100000$cm90YXRlZA$cm90YXRlZA';
        await users.update({ ...b, passwordHash: rotated });
        const a = (await users.get(admin.user.id))!;
        await users.update({ ...a, role: 'operator' });
      }
      return list();
    };
    const res = await app.request(`/api/admin/users/${other.user.id}`, patch({ role: 'operator' }, admin.token));
    expect(res.status).toBe(409);
    const b = (await users.get(other.user.id))!;
    expect(b.role).toBe('admin');
    expect(b.passwordHash).toBe(rotated);
  });
});
