import type { Lang } from '../domain/conversation';
import type { Article } from '../kb/article';
import type { KnowledgeBase } from '../kb/knowledge-base';

/**
 * The topics to offer a visitor whose message matched nothing: the articles with the most
 * question variants, the editors' own record of what visitors ask most. Only articles the bot
 * may answer alone, in the visitor's language.
 */
export function popularArticles(kb: Pick<KnowledgeBase, 'list'>, lang: Lang, count = 3): Article[] {
  return kb
    .list()
    .filter((a) => a.lang === lang && !a.evalOnly && a.handoff === 'auto')
    .sort((a, b) => b.questions.length - a.questions.length || a.id.localeCompare(b.id))
    .slice(0, count);
}
