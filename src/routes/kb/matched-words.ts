import type { Article } from '../../kb/article';
import { analyze } from '../../kb/retrieval';

/**
 * Why "try a question" ranked an article: the question's words (stop words left out, as the
 * search leaves them out) whose stem also occurs in the article's title or question variants.
 */
export function matchedWords(question: string, article: Pick<Article, 'title' | 'questions'>): string[] {
  const known = new Set(analyze([article.title, ...article.questions].join('\n')).stems);
  const { words, stems } = analyze(question);
  return [...new Set(words.filter((_, i) => known.has(stems[i]!)))];
}
