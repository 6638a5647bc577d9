import { staffUserSchema, type StaffUser } from '../../domain/staff-user';
import type { UserRepo } from '../ports';
import type { UpstashContext } from './context';
import { CREATE_USER, UPDATE_USER } from './scripts';

/**
 * Staff accounts in Redis: one JSON string per user plus a hash from lower-cased email to id,
 * which is both the unique index and the list of all users.
 */
export function createUpstashUsers(ctx: UpstashContext): UserRepo {
  const { redis, keys, guard } = ctx;
  const createScript = redis.createScript<number>(CREATE_USER);
  const updateScript = redis.createScript<number>(UPDATE_USER);

  // A record that fails the schema is a bug or a tampered database: fail loudly, never half-trust it.
  const parse = (raw: string): StaffUser => staffUserSchema.parse(JSON.parse(raw));

  const get = async (id: string): Promise<StaffUser | null> => {
    const raw = await guard('read user', () => redis.get<string>(keys.user(id)));
    return raw ? parse(raw) : null;
  };

  /** Run a user script on the email index and the user key; `extra` follows email, id and JSON. */
  const write = (script: typeof createScript, what: string, user: StaffUser, extra: string[] = []) =>
    guard(what, () =>
      script.exec([keys.userEmails(), keys.user(user.id)], [user.email.toLowerCase(), user.id, JSON.stringify(user), ...extra]),
    ).then((r) => Number(r) === 1);

  return {
    get,
    async findByEmail(email) {
      const id = await guard('find user', () => redis.hget<string>(keys.userEmails(), email.toLowerCase()));
      return id ? get(id) : null;
    },
    create: (user) => write(createScript, 'create user', user),
    update: (user) => write(updateScript, 'update user', { ...user, version: user.version + 1 }, [String(user.version)]),
    async list() {
      const ids: string[] = await guard('list users', () => redis.hvals(keys.userEmails()));
      if (ids.length === 0) return [];
      const raw = await guard('read users', () => redis.mget<(string | null)[]>(...ids.map((id) => keys.user(id))));
      return raw
        .filter((item): item is string => typeof item === 'string')
        .map(parse)
        .sort((a, b) => a.createdAt - b.createdAt);
    },
  };
}
