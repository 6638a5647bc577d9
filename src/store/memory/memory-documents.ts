import type { DocumentStore } from '../ports';

/** `namespaces` may be shared with the memory store's move, which writes the handoff packet in its step. */
export function createMemoryDocuments(namespaces = new Map<string, Map<string, unknown>>()): DocumentStore {
  const counters = new Map<string, number>();
  const ns = (name: string) => {
    let found = namespaces.get(name);
    if (!found) namespaces.set(name, (found = new Map()));
    return found;
  };
  return {
    async put(namespace, id, value) {
      ns(namespace).set(id, structuredClone(value));
    },
    async get(namespace, id) {
      const value = ns(namespace).get(id);
      return value === undefined ? null : structuredClone(value);
    },
    async delete(namespace, id) {
      ns(namespace).delete(id);
    },
    async list(namespace) {
      return [...ns(namespace)].map(([id, value]) => ({ id, value: structuredClone(value) }));
    },
    async bump(name) {
      const next = (counters.get(name) ?? 0) + 1;
      counters.set(name, next);
      return next;
    },
    async counter(name) {
      return counters.get(name) ?? 0;
    },
  };
}
