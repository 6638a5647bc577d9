import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { topicFromId, type Article, type KbProblem } from '../../kb/article';
import type { KbSaveMode, KnowledgeBase } from '../../kb/knowledge-base';
import { normalizeQuestion } from '../../kb/validate';
import { AppError } from '../../http/errors';
import type { HonoEnv } from '../../http/hono-env';
import type { createArticle, deleteArticle, getArticle, listArticles, replaceArticle } from './kb.routes';

/** The instance's knowledge base, brought up to date with edits made on other instances. */
export async function knowledgeBase(c: Context<HonoEnv>): Promise<KnowledgeBase> {
  const kb = c.get('deps').kb;
  if (!kb) throw new AppError('not_found', 'No knowledge base configured');
  await kb.refresh();
  return kb;
}

function found(kb: KnowledgeBase, id: string): Article {
  const article = kb.get(id);
  if (!article) throw new AppError('not_found', `No article "${id}"`);
  return article;
}

export function view(kb: KnowledgeBase, article: Article) {
  const origin = kb.origin(article.id) ?? { source: 'file' as const };
  return {
    ...article,
    origin: origin.source,
    ...(origin.by === undefined ? {} : { updatedBy: origin.by }),
    ...(origin.at === undefined ? {} : { updatedAt: origin.at }),
  };
}

/** Problems as the editor shows them: the field and the message, never the internal file label. */
export const asFieldProblems = (problems: readonly KbProblem[]) =>
  problems.map((p) => ({ ...(p.field === undefined ? {} : { field: p.field }), message: p.message, severity: p.severity }));

export function refused(problems: readonly KbProblem[]): AppError {
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  const where = first?.field ? `${first.field}: ` : '';
  return new AppError('validation_error', `The article breaks a knowledge-base rule: ${where}${first?.message ?? 'invalid'}`, {
    problems: asFieldProblems(problems),
  });
}

type Body = Omit<Article, 'topic'> & { topic?: string | undefined; origin?: string; updatedBy?: string; updatedAt?: number };

async function save(c: Context<HonoEnv>, kb: KnowledgeBase, body: Body, mode: KbSaveMode) {
  const { origin: _origin, updatedBy: _by, updatedAt: _at, ...input } = body; // read-only, ignored
  const result = await kb.save({ ...input, topic: input.topic ?? topicFromId(input.id) }, c.get('staff').id, mode);
  if (result.ok) return { article: view(kb, result.article), warnings: asFieldProblems(result.warnings) };
  if (result.conflict === 'exists') {
    throw new AppError('conflict', `An article "${input.id}" already exists; change it with PUT /api/kb/articles/${input.id}`);
  }
  if (result.conflict === 'missing') throw new AppError('not_found', `No article "${input.id}"`);
  throw refused(result.problems);
}

export const onList: RouteHandler<typeof listArticles, HonoEnv> = async (c) => {
  const kb = await knowledgeBase(c);
  const { lang, q, department } = c.req.valid('query');
  const words = q ? normalizeQuestion(q).split(' ').filter(Boolean) : [];
  const articles = kb.list().filter((a) => {
    if (lang && a.lang !== lang) return false;
    if (department && a.department !== department) return false;
    if (words.length === 0) return true;
    const haystack = normalizeQuestion([a.id, a.title, ...a.questions, ...a.tags].join(' '));
    return words.every((w) => haystack.includes(w));
  });
  return c.json({ articles: articles.map((a) => view(kb, a)) }, 200);
};

export const onCreate: RouteHandler<typeof createArticle, HonoEnv> = async (c) => {
  const kb = await knowledgeBase(c);
  const { article, warnings } = await save(c, kb, c.req.valid('json'), 'create');
  return c.json({ article, warnings }, 201);
};

export const onGet: RouteHandler<typeof getArticle, HonoEnv> = async (c) => {
  const kb = await knowledgeBase(c);
  return c.json(view(kb, found(kb, c.req.valid('param').id)), 200);
};

export const onReplace: RouteHandler<typeof replaceArticle, HonoEnv> = async (c) => {
  const kb = await knowledgeBase(c);
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  if (body.id !== undefined && body.id !== id) {
    throw new AppError('validation_error', `The body id "${body.id}" differs from the path id "${id}"; to rename, create the new id and delete the old one`, {
      problems: [{ field: 'id', message: `must be "${id}" (the id in the path) or left out`, severity: 'error' }],
    });
  }
  const { article, warnings } = await save(c, kb, { ...body, id }, 'replace');
  return c.json({ article, warnings }, 200);
};

export const onDelete: RouteHandler<typeof deleteArticle, HonoEnv> = async (c) => {
  const kb = await knowledgeBase(c);
  const { id } = c.req.valid('param');
  if (!(await kb.remove(id, c.get('staff').id))) throw new AppError('not_found', `No article "${id}"`);
  return c.body(null, 204);
};
