import { z } from 'zod';
import { collection } from '../store/collection';
import type { DocumentStore } from '../store/ports';
import { articleSchema, type Article } from './article';

/**
 * Editor changes as stored: one document per article id in the `kb-edits` namespace, layered
 * over the file baseline. A deletion is a tombstone because the file article it hides is still
 * in the files; an article created through the API and then deleted simply loses its document.
 */

export const KB_EDITS_NAMESPACE = 'kb-edits';
/** Bumped on every stored change, so each instance notices edits with one cheap read. */
const KB_EDITS_COUNTER = 'kb-edits';

const kbEditSchema = z
  .object({
    article: articleSchema.optional(),
    deleted: z.literal(true).optional(),
    /** The staff user id who made the change. */
    by: z.string(),
    /** Epoch ms. */
    at: z.number(),
  })
  .refine((edit) => (edit.article === undefined) !== (edit.deleted === undefined), {
    message: 'an edit holds either an article or deleted: true',
  });
export type KbEdit = z.infer<typeof kbEditSchema>;

export function kbEditsCollection(docs: DocumentStore) {
  const edits = collection(docs, KB_EDITS_NAMESPACE, kbEditSchema);
  return {
    put: edits.put,
    delete: edits.delete,
    bump: () => docs.bump(KB_EDITS_COUNTER),
    counter: () => docs.counter(KB_EDITS_COUNTER),
    /**
     * Every stored edit. A document that no longer parses (written by another version) is
     * skipped and reported rather than thrown: one bad edit must not take the whole knowledge
     * base, and with it the bot, down.
     */
    async load(): Promise<{ edits: Map<string, KbEdit>; skipped: string[] }> {
      const edits = new Map<string, KbEdit>();
      const skipped: string[] = [];
      for (const { id, value } of await docs.list(KB_EDITS_NAMESPACE)) {
        const parsed = kbEditSchema.safeParse(value);
        if (parsed.success) edits.set(id, parsed.data);
        else skipped.push(id);
      }
      return { edits, skipped };
    },
  };
}

/** The article an edit leaves in effect over `baseline`: its own, none (deleted), or the file's. */
export function effectiveArticle(baseline: Article | undefined, edit: KbEdit | undefined): Article | undefined {
  if (!edit) return baseline;
  return edit.deleted ? undefined : edit.article;
}

/** Whether two stored edits would leave the same article in effect (who and when do not matter). */
export function sameEffect(a: KbEdit | undefined, b: KbEdit | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.deleted === b.deleted && JSON.stringify(a.article) === JSON.stringify(b.article);
}
