import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { BUNDLED_REGRESSION } from '../../generated/bundled-content';
import { articleSchema, topicFromId } from '../../kb/article';
import { createKbPreview, type KbPreview } from '../../kb/kb-preview';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import { regressionSet } from '../../kb/regression-set';
import { zodProblems } from '../../kb/validate';
import { AppError } from '../../http/errors';
import type { HonoEnv } from '../../http/hono-env';
import type { addRegressionCase, checkChange, listRegression, removeRegressionCase, revertArticle } from './kb-editor.routes';
import { asFieldProblems, knowledgeBase, refused, view } from './kb.handlers';

/** One shadow index per knowledge base, built on the first check (see kb-preview.ts). */
const previews = new WeakMap<KnowledgeBase, KbPreview>();
function previewOf(kb: KnowledgeBase): KbPreview {
  let preview = previews.get(kb);
  if (!preview) previews.set(kb, (preview = createKbPreview(kb)));
  return preview;
}

const casesOf = (c: Context<HonoEnv>) => regressionSet(c.get('deps').store.documents, BUNDLED_REGRESSION);

async function currentResults(c: Context<HonoEnv>, kb: KnowledgeBase) {
  return { cases: previewOf(kb).current(await casesOf(c).list()) };
}

export const onRevert: RouteHandler<typeof revertArticle, HonoEnv> = async (c) => {
  const kb = await knowledgeBase(c);
  const { id } = c.req.valid('param');
  const result = await kb.revert(id);
  if (result.ok) return c.json({ article: view(kb, result.article), warnings: asFieldProblems(result.warnings) }, 200);
  if (result.conflict) throw new AppError('not_found', `"${id}" has no file version with a stored change over it`);
  throw refused(result.problems);
};

export const onCheck: RouteHandler<typeof checkChange, HonoEnv> = async (c) => {
  const kb = await knowledgeBase(c);
  const body = c.req.valid('json');
  const cases = await casesOf(c).list();
  if (body.remove !== undefined) return c.json(previewOf(kb).compare({ remove: body.remove }, cases), 200);
  const { origin: _o, updatedBy: _b, updatedAt: _a, ...input } = body.article!;
  const candidate = { ...input, topic: input.topic ?? topicFromId(input.id) };
  const parsed = articleSchema.safeParse(candidate);
  if (!parsed.success) throw refused(zodProblems(parsed.error, candidate, input.id));
  return c.json(previewOf(kb).compare({ article: parsed.data }, cases), 200);
};

export const onListRegression: RouteHandler<typeof listRegression, HonoEnv> = async (c) => {
  const kb = await knowledgeBase(c);
  return c.json(await currentResults(c, kb), 200);
};

export const onAddCase: RouteHandler<typeof addRegressionCase, HonoEnv> = async (c) => {
  const kb = await knowledgeBase(c);
  const body = c.req.valid('json');
  if (!kb.get(body.expect)) {
    throw new AppError('validation_error', `No article "${body.expect}"`, { problems: [{ field: 'expect', message: `no article "${body.expect}"`, severity: 'error' }] });
  }
  await casesOf(c).add(body, c.get('staff').id, c.get('deps').clock.now());
  return c.json(await currentResults(c, kb), 201);
};

export const onRemoveCase: RouteHandler<typeof removeRegressionCase, HonoEnv> = async (c) => {
  await knowledgeBase(c);
  const { caseId } = c.req.valid('param');
  const set = casesOf(c);
  if (!(await set.list()).some((k) => k.id === caseId)) throw new AppError('not_found', `No regression question "${caseId}"`);
  await set.remove(caseId, c.get('staff').id, c.get('deps').clock.now());
  return c.body(null, 204);
};
