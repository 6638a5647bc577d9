import type { DocumentStore } from '../ports';
import type { UpstashContext } from './context';

export function createUpstashDocuments({ redis, keys, guard }: UpstashContext): DocumentStore {
  return {
    async put(namespace, id, value) {
      await guard('write document', () => redis.hset(keys.documents(namespace), { [id]: JSON.stringify(value) }));
    },
    async get(namespace, id) {
      const raw = await guard('read document', () => redis.hget<string>(keys.documents(namespace), id));
      return raw === null || raw === undefined ? null : (JSON.parse(raw) as unknown);
    },
    async delete(namespace, id) {
      await guard('delete document', () => redis.hdel(keys.documents(namespace), id));
    },
    async list(namespace) {
      // With automatic deserialization off, HGETALL comes back as the raw flat [field, value, ...] list.
      const raw = (await guard('list documents', () => redis.hgetall(keys.documents(namespace)))) as unknown;
      const flat = Array.isArray(raw) ? (raw as string[]) : Object.entries((raw ?? {}) as Record<string, string>).flat();
      const documents: { id: string; value: unknown }[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) documents.push({ id: flat[i]!, value: JSON.parse(flat[i + 1]!) as unknown });
      return documents;
    },
    bump: (name) => guard('bump counter', () => redis.incr(keys.counter(name))),
    async counter(name) {
      const raw = await guard('read counter', () => redis.get<string>(keys.counter(name)));
      return raw ? Number(raw) : 0;
    },
  };
}
