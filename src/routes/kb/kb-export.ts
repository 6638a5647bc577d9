import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { articleFileName, articleToMarkdown } from '../../kb/article-markdown';
import { kbEditsCollection } from '../../kb/kb-edits';
import type { HonoEnv } from '../../http/hono-env';
import { errorResponses, jsonResponse } from '../../http/router';
import { forEditors } from './kb.routes';

const exportSchema = z
  .object({
    files: z.array(
      z.object({
        path: z.string().openapi({ example: 'en/delivery-cost.md' }),
        id: z.string(),
        text: z.string().openapi({ description: 'The Markdown file, front matter included' }),
        by: z.string(),
        at: z.number(),
      }),
    ),
    deleted: z.array(z.object({ id: z.string(), by: z.string(), at: z.number() })).openapi({ description: 'File articles hidden in the editor: their files are to be removed' }),
  })
  .openapi('KbExport');

export const exportEdits = createRoute({
  method: 'get',
  path: '/api/kb/export',
  ...forEditors,
  summary: 'The stored edits as Markdown files',
  description: 'What editors changed in the page, as files for `knowledge-base/` (`npm run kb:pull -- --url <server>` writes them), so it can be reviewed and committed in git.',
  responses: { 200: jsonResponse(exportSchema, 'One file per changed or created article, and the deleted ids'), ...errorResponses(401, 403, 503) },
});

export const onExport: RouteHandler<typeof exportEdits, HonoEnv> = async (c) => {
  const { edits } = await kbEditsCollection(c.get('deps').store.documents).load();
  const files = [];
  const deleted = [];
  for (const [id, edit] of [...edits].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (edit.article) files.push({ path: `${edit.article.lang}/${articleFileName(edit.article)}.md`, id, text: articleToMarkdown(edit.article), by: edit.by, at: edit.at });
    else deleted.push({ id, by: edit.by, at: edit.at });
  }
  return c.json({ files, deleted }, 200);
};
