import type { StaffUser } from '../../domain/staff-user';
import type { UserRepo } from '../ports';

/** Staff accounts in this process. Emails are indexed lower-cased, so `Ann@x` and `ann@x` are one account. */
export function createMemoryUsers(): UserRepo {
  const byId = new Map<string, StaffUser>();
  const idByEmail = new Map<string, string>();

  return {
    async get(id) {
      const found = byId.get(id);
      return found ? structuredClone(found) : null;
    },
    async findByEmail(email) {
      const id = idByEmail.get(email.toLowerCase());
      const found = id === undefined ? undefined : byId.get(id);
      return found ? structuredClone(found) : null;
    },
    // No await between the check and the write: on one event loop that makes it atomic.
    async create(user) {
      const email = user.email.toLowerCase();
      if (byId.has(user.id) || idByEmail.has(email)) return false;
      byId.set(user.id, structuredClone(user));
      idByEmail.set(email, user.id);
      return true;
    },
    async update(user) {
      const current = byId.get(user.id);
      // The email is the login and its index key: changing it would need a re-index, which no route offers.
      if (!current || current.email.toLowerCase() !== user.email.toLowerCase()) return false;
      if (current.version !== user.version) return false;
      byId.set(user.id, { ...structuredClone(user), version: user.version + 1 });
      return true;
    },
    async list() {
      return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt).map((u) => structuredClone(u));
    },
  };
}
