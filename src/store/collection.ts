import type { z } from 'zod';
import type { DocumentStore } from './ports';

/**
 * A typed view of one document namespace: what goes in and comes out is checked by its schema,
 * so a document written by an older version fails loudly instead of flowing on half-formed.
 */
export function collection<S extends z.ZodType>(docs: DocumentStore, namespace: string, schema: S) {
  return {
    put: (id: string, value: z.infer<S>) => docs.put(namespace, id, schema.parse(value)),
    async get(id: string): Promise<z.infer<S> | null> {
      const raw = await docs.get(namespace, id);
      return raw === null ? null : schema.parse(raw);
    },
    delete: (id: string) => docs.delete(namespace, id),
    async list(): Promise<{ id: string; value: z.infer<S> }[]> {
      return (await docs.list(namespace)).map(({ id, value }) => ({ id, value: schema.parse(value) }));
    },
  };
}
