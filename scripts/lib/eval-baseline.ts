import MiniSearch from 'minisearch';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import type { RetrievalEntry } from '../../src/kb/retrieval/index.js';
import { isCyrillic } from '../../src/kb/retrieval/normalize.js';

/**
 * The library a user would reach for first: MiniSearch (BM25) over title + question variants,
 * stemmed per script with the Orama stemmers, ё folded, default options otherwise.
 * It has no confidence of its own; we use the relative margin 1 − s2/s1 (0 when nothing is
 * found), the usual home-made stand-in, answered at ≥ 0.5.
 */
export const BASELINE_THRESHOLD = 0.5;

function processTerm(term: string): string | null {
  const t = term.toLowerCase().replace(/ё/g, 'е');
  if (t === '') return null;
  return isCyrillic(t) ? stemRussian(t) : stemEnglish(t);
}

/** Builds the baseline index; the returned function answers one query. */
export function buildBaseline(entries: RetrievalEntry[]): (text: string) => { ranked: string[]; confidence: number } {
  const mini = new MiniSearch<{ id: string; title: string; questions: string }>({
    fields: ['title', 'questions'],
    processTerm,
  });
  mini.addAll(entries.map((e) => ({ id: e.id, title: e.title, questions: e.questions.join('\n') })));
  return (text) => {
    const hits = mini.search(text);
    const s1 = hits[0]?.score ?? 0;
    const s2 = hits[1]?.score ?? 0;
    return { ranked: hits.slice(0, 5).map((h) => String(h.id)), confidence: s1 > 0 ? 1 - s2 / s1 : 0 };
  };
}
