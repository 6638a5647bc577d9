import { z } from '@hono/zod-openapi';
import { keyText, text } from '../../security/text';
import { articleSchema, langSchema } from '../../kb/article';
import { unsafeMarkup } from '../../kb/safe-markup';

/**
 * The editor API's shapes. Request bodies reuse the article's own field schemas, so the API
 * accepts exactly what a Markdown file may say; they are strict for the same reason front
 * matter is: a misspelt field must be refused, not dropped.
 */

// Schemas built outside this module may predate zod-openapi's `.openapi()` patch (zod 4 adds
// methods per instance), so descriptions of shared fields go through zod's own `.describe()`.
const fields = articleSchema.shape;

export const articleIdParams = z.object({
  id: keyText().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'delivery-cost.en' }),
});

export const listArticlesQuery = z.object({
  lang: langSchema.optional().openapi({ description: 'Only articles in this language' }),
  q: text().max(200).optional().openapi({ description: 'Words to find in the id, title, questions or tags' }),
  department: keyText().max(100).optional().openapi({ description: 'Only articles routed to this department' }),
});

const bodyFields = {
  id: fields.id,
  title: fields.title,
  topic: fields.topic.optional().describe('Links the RU and EN versions; defaults to the id without its language suffix'),
  questions: fields.questions.describe('Real phrasings visitors use; each must belong to one article only'),
  lang: fields.lang,
  tags: fields.tags,
  department: fields.department,
  handoff: fields.handoff,
  url: fields.url,
  evalOnly: fields.evalOnly,
  source: fields.source,
  answer: fields.answer
    .superRefine((answer, ctx) => {
      const problem = unsafeMarkup(answer);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe('Markdown; may be empty only for evalOnly entries. No raw HTML; links are http(s), mailto or tel'),
};

/**
 * What GET adds to an article. Accepted and ignored in bodies, so an editor can send back what it
 * read; they are known names, not typos, and strictness is there to catch typos.
 */
const readOnlyFields = {
  origin: z.string().optional().openapi({ readOnly: true, description: 'Read-only; ignored' }),
  updatedBy: z.string().optional().openapi({ readOnly: true, description: 'Read-only; ignored' }),
  updatedAt: z.number().optional().openapi({ readOnly: true, description: 'Read-only; ignored' }),
};

export const createArticleBody = z.strictObject({ ...bodyFields, ...readOnlyFields }).openapi('KbArticleInput');

export const replaceArticleBody = z
  .strictObject({ ...bodyFields, ...readOnlyFields, id: fields.id.optional().describe('Must equal the id in the path when given') })
  .openapi('KbArticleReplace');

// `origin`, not `source`: articles already have a `source` (the data set an import came from),
// and a GET → PUT round trip must not overwrite it with the layer name.
const articleOriginSchema = z
  .enum(['file', 'edited', 'created'])
  .openapi({ description: '`file`: as in the knowledge-base files; `edited`: a file article changed here; `created`: exists only here' });

export const articleViewSchema = articleSchema
  .extend({
    origin: articleOriginSchema,
    updatedBy: z.string().optional().openapi({ description: 'The staff user id of the last change made here' }),
    updatedAt: z.number().optional().openapi({ description: 'Epoch milliseconds of the last change made here' }),
  })
  .openapi('KbArticle');

export const listArticlesSchema = z.object({ articles: z.array(articleViewSchema) }).openapi('KbArticleList');

/** A rule an article breaks, as the editor shows it beside the field. */
const problemSchema = z
  .object({
    field: z.string().optional().openapi({ example: 'questions.2' }),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
  })
  .openapi('KbProblem');

export const savedArticleSchema = z
  .object({
    article: articleViewSchema,
    warnings: z.array(problemSchema).openapi({ description: 'Worth a look, but the article was saved (e.g. a missing translation)' }),
  })
  .openapi('KbSavedArticle');
