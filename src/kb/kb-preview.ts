import { answerable, type Article } from './article';
import type { KnowledgeBase } from './knowledge-base';
import { runCases, diffRuns, type RegressionCase, type RegressionDiff } from './regression';
import { createRetriever, type RetrievalEntry, type Retriever, type RetrieverOptions } from './retrieval';

/**
 * "What would this edit do?" without letting it go live. A shadow index, separate from the one
 * visitors are answered from, follows the effective articles; a preview applies the change to
 * it, runs the regression set, and takes the change back, all synchronously, so no other
 * preview sees a half-applied state. Built once, on the first preview (a full build with
 * calibration takes seconds); kept in line by incremental upserts after that.
 */
export type KbChange = { article: Article } | { remove: string };

const toEntry = (a: Article): RetrievalEntry => ({ id: a.id, title: a.title, questions: a.questions, answer: a.answer, lang: a.lang, tags: a.tags });
const keyOf = (e: RetrievalEntry) => JSON.stringify(e);

export function createKbPreview(kb: KnowledgeBase, options?: RetrieverOptions) {
  let shadow: Retriever | undefined;
  const indexed = new Map<string, string>();

  function follow(): Retriever {
    const entries = kb.list().filter(answerable).map(toEntry);
    if (!shadow) {
      shadow = createRetriever(entries, options);
      for (const e of entries) indexed.set(e.id, keyOf(e));
      return shadow;
    }
    const live = new Set<string>();
    for (const e of entries) {
      live.add(e.id);
      if (indexed.get(e.id) !== keyOf(e)) {
        shadow.upsert(e);
        indexed.set(e.id, keyOf(e));
      }
    }
    for (const id of [...indexed.keys()].filter((id) => !live.has(id))) {
      shadow.remove(id);
      indexed.delete(id);
    }
    return shadow;
  }

  function run(index: Retriever, cases: readonly RegressionCase[], articles: ReadonlyMap<string, Article>) {
    return runCases(
      cases,
      (text) => {
        const result = index.search(text, { k: 1 });
        return { top: result.matches[0]?.id, confidence: result.confidence, threshold: index.threshold };
      },
      articles,
    );
  }

  return {
    /** The regression set against the knowledge base as it is, and as it would be after `change`. */
    compare(change: KbChange, cases: readonly RegressionCase[]): RegressionDiff {
      const index = follow();
      const articles = new Map(kb.list().map((a) => [a.id, a]));
      const before = run(index, cases, articles);
      const id = 'article' in change ? change.article.id : change.remove;
      const previous = articles.get(id);
      const next = new Map(articles);
      if ('article' in change) next.set(id, change.article);
      else next.delete(id);
      const proposed = next.get(id);
      if (proposed && answerable(proposed)) index.upsert(toEntry(proposed));
      else index.remove(id);
      try {
        return diffRuns(before, run(index, cases, next));
      } finally {
        if (previous && answerable(previous)) index.upsert(toEntry(previous));
        else index.remove(id);
      }
    },
    /** The regression set against the knowledge base as it is. */
    current(cases: readonly RegressionCase[]) {
      return run(follow(), cases, new Map(kb.list().map((a) => [a.id, a])));
    },
  };
}
export type KbPreview = ReturnType<typeof createKbPreview>;
