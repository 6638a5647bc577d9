import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, ensureAdmin } from '../../src/auth/bootstrap';
import { ConfigError, parseEnv, type Env } from '../../src/env';
import { makeTestApp } from '../helpers/app';
import { verifyPassword } from '../../src/security/password';

const depsFor = (vars: Record<string, string> = {}) => makeTestApp(vars).deps;

describe('ensureAdmin', () => {
  it('creates the configured admin, lower-casing the email, and returns no credentials', async () => {
    const deps = depsFor({ ADMIN_EMAIL: 'Boss@Shop.example', ADMIN_PASSWORD: 'first-password' });
    expect(await ensureAdmin(deps)).toBeNull();
    const admin = await deps.store.users.findByEmail('boss@shop.example');
    expect(admin).toMatchObject({ email: 'boss@shop.example', role: 'admin', disabled: false });
    expect(await verifyPassword('first-password', admin!.passwordHash)).toBe(true);
    expect(await deps.store.users.list()).toHaveLength(1);
  });

  it('leaves an unchanged admin untouched, and re-hashes a changed password', async () => {
    const deps = depsFor({ ADMIN_EMAIL: 'boss@shop.example', ADMIN_PASSWORD: 'first-password' });
    await ensureAdmin(deps);
    const first = await deps.store.users.findByEmail('boss@shop.example');
    await ensureAdmin(deps);
    expect(await deps.store.users.findByEmail('boss@shop.example')).toEqual(first);

    const restarted = { ...deps, env: { ...deps.env, ADMIN_PASSWORD: 'second-password' } };
    await ensureAdmin(restarted);
    const second = await deps.store.users.findByEmail('boss@shop.example');
    expect(second!.id).toBe(first!.id);
    expect(second!.passwordHash).not.toBe(first!.passwordHash);
    expect(await verifyPassword('second-password', second!.passwordHash)).toBe(true);
    expect(await verifyPassword('first-password', second!.passwordHash)).toBe(false);
  });

  it('restores a demoted or disabled configured admin', async () => {
    const deps = depsFor({ ADMIN_EMAIL: 'boss@shop.example', ADMIN_PASSWORD: 'first-password' });
    await ensureAdmin(deps);
    const admin = (await deps.store.users.findByEmail('boss@shop.example'))!;
    await deps.store.users.update({ ...admin, role: 'operator', disabled: true });
    await ensureAdmin(deps);
    expect(await deps.store.users.get(admin.id)).toMatchObject({ role: 'admin', disabled: false, passwordHash: admin.passwordHash });
  });

  it('creates one admin when several instances start at once', async () => {
    const deps = depsFor({ ADMIN_EMAIL: 'boss@shop.example', ADMIN_PASSWORD: 'first-password' });
    await Promise.all([ensureAdmin(deps), ensureAdmin(deps), ensureAdmin(deps)]);
    expect(await deps.store.users.list()).toHaveLength(1);
  });

  it('names the missing variable when only one is set', async () => {
    expect(() => parseEnv({ ADMIN_EMAIL: 'boss@shop.example' })).toThrowError(/ADMIN_PASSWORD: is required when ADMIN_EMAIL is set/);
    expect(() => parseEnv({ ADMIN_PASSWORD: 'first-password' })).toThrowError(/ADMIN_EMAIL: is required when ADMIN_PASSWORD is set/);
    // An env built without parseEnv still fails at bootstrap.
    const deps = depsFor();
    const half = (env: Partial<Env>) => ensureAdmin({ ...deps, env: { ...deps.env, ...env } });
    await expect(half({ ADMIN_EMAIL: 'boss@shop.example' })).rejects.toThrowError(ConfigError);
    await expect(half({ ADMIN_EMAIL: 'boss@shop.example' })).rejects.toThrowError(/ADMIN_PASSWORD/);
    await expect(half({ ADMIN_PASSWORD: 'first-password' })).rejects.toThrowError(/ADMIN_EMAIL/);
    expect(await deps.store.users.list()).toEqual([]);
  });

  it('with neither on the memory store, creates a demo admin once and returns its readable password', async () => {
    const deps = depsFor();
    const credentials = await ensureAdmin(deps);
    expect(credentials).toEqual({ email: DEMO_ADMIN_EMAIL, password: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/) });
    const admin = await deps.store.users.findByEmail(DEMO_ADMIN_EMAIL);
    expect(admin).toMatchObject({ role: 'admin', disabled: false });
    expect(await verifyPassword(credentials!.password, admin!.passwordHash)).toBe(true);
    expect(await ensureAdmin(deps)).toBeNull();
    expect(await deps.store.users.list()).toHaveLength(1);
    expect((await ensureAdmin(depsFor()))!.password).not.toBe(credentials!.password);
  });

  it('with neither on the Upstash store, does nothing (never touches the store)', async () => {
    // An unreachable Upstash: any store call would throw StoreUnavailableError.
    const deps = depsFor({ STORE: 'upstash', UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9', UPSTASH_REDIS_REST_TOKEN: 'x' });
    expect(deps.store.kind).toBe('upstash');
    expect(await ensureAdmin(deps)).toBeNull();
  });
});
