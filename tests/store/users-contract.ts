import { describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/domain/staff-user';
import type { UserRepo } from '../../src/store/ports';

/**
 * The one contract every UserRepo adapter passes. Each test asks for a fresh, empty repo.
 */
export function describeUsersContract(name: string, makeUsers: () => UserRepo) {
  const user = (id: string, email: string, extra: Partial<StaffUser> = {}): StaffUser => ({
    id,
    email,
    role: 'operator',
    passwordHash: 'pbkdf2-sha256$100000$c2FsdA$aGFzaA',
    departments: [],
    capacity: 3,
    disabled: false,
    createdAt: Number(id.replace(/\D/g, '')) || 1,
    version: 0,
    ...extra,
  });

  describe(`${name} users contract`, () => {
    it('creates once, reads back by id and by email in any case', async () => {
      const users = makeUsers();
      expect(await users.get('u1')).toBeNull();
      expect(await users.findByEmail('ann@example.com')).toBeNull();
      const ann = user('u1', 'Ann@Example.com', { name: 'Ann', departments: ['billing'] });
      expect(await users.create(ann)).toBe(true);
      expect(await users.get('u1')).toEqual(ann);
      expect(await users.findByEmail('ann@example.com')).toEqual(ann);
      expect(await users.findByEmail('ANN@EXAMPLE.COM')).toEqual(ann);
    });

    it('refuses a second user with the same email (any case) or the same id', async () => {
      const users = makeUsers();
      expect(await users.create(user('u1', 'ann@example.com'))).toBe(true);
      expect(await users.create(user('u2', 'ANN@example.com'))).toBe(false);
      expect(await users.create(user('u1', 'bob@example.com'))).toBe(false);
      expect(await users.get('u2')).toBeNull();
      expect(await users.findByEmail('bob@example.com')).toBeNull();
      expect((await users.findByEmail('ann@example.com'))?.id).toBe('u1');
    });

    it('lets exactly one of many concurrent creates of one email win', async () => {
      const users = makeUsers();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => users.create(user(`u${i + 1}`, i % 2 ? 'race@example.com' : 'RACE@example.com'))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = `u${results.indexOf(true) + 1}`;
      expect((await users.findByEmail('race@example.com'))?.id).toBe(winner);
      expect(await users.list()).toHaveLength(1);
    });

    it('updates an existing user, and refuses an unknown id or a changed email', async () => {
      const users = makeUsers();
      await users.create(user('u1', 'ann@example.com'));
      const changed = user('u1', 'ann@example.com', { role: 'editor', disabled: true, capacity: 5 });
      expect(await users.update(changed)).toBe(true);
      const stored = { ...changed, version: 1 };
      expect(await users.get('u1')).toEqual(stored);
      expect(await users.findByEmail('ann@example.com')).toEqual(stored);
      expect(await users.update(user('u9', 'nobody@example.com'))).toBe(false);
      expect(await users.get('u9')).toBeNull();
      expect(await users.update(user('u1', 'other@example.com', { version: 1 }))).toBe(false);
      expect(await users.get('u1')).toEqual(stored);
    });

    it('updates only the version it read: a slower update cannot undo a newer one', async () => {
      const users = makeUsers();
      await users.create(user('u1', 'ann@example.com'));
      const read = (await users.get('u1'))!;
      expect(await users.update({ ...read, disabled: true })).toBe(true);
      expect(await users.update({ ...read, capacity: 7 })).toBe(false);
      expect(await users.get('u1')).toMatchObject({ disabled: true, capacity: 3, version: 1 });
      const [a, b] = await Promise.all([users.update({ ...read, version: 1, capacity: 4 }), users.update({ ...read, version: 1, capacity: 5 })]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
    });

    it('lists every user, oldest first, and returns copies', async () => {
      const users = makeUsers();
      expect(await users.list()).toEqual([]);
      await users.create(user('u2', 'bob@example.com'));
      await users.create(user('u1', 'ann@example.com'));
      const listed = await users.list();
      expect(listed.map((u) => u.id)).toEqual(['u1', 'u2']);
      listed[0]!.role = 'admin';
      expect((await users.get('u1'))?.role).toBe('operator');
    });
  });
}
