import { stringify } from 'yaml';
import { topicFromId, type Article } from './article';
import { slugify } from './slug';

/**
 * An article as a Markdown file the loader reads back to the same article. Defaults are left
 * out of the front matter so written files look like hand-written ones. Edge-safe: the export
 * route writes these on Workers, kb:import and kb:pull on Node.
 */
export function articleToMarkdown(article: Article): string {
  const front: Record<string, unknown> = {
    id: article.id,
    title: article.title,
    topic: article.topic,
    lang: article.lang,
    questions: article.questions,
  };
  if (article.tags.length > 0) front.tags = article.tags;
  if (article.department !== 'general') front.department = article.department;
  if (article.handoff !== 'auto') front.handoff = article.handoff;
  if (article.url) front.url = article.url;
  if (article.evalOnly) front.evalOnly = true;
  if (article.source) front.source = article.source;
  const yaml = stringify(front, { lineWidth: 0 });
  return `---\n${yaml}---\n${article.answer ? `\n${article.answer}\n` : ''}`;
}

/** `100_NIGHT_TRIAL_OFFER` → `100-night-trial-offer`; the id itself stays in the front matter. */
export function articleFileName(article: Article): string {
  return slugify(topicFromId(article.id), 80) || 'article';
}
