import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { langSchema } from '../../domain/conversation';
import { sourceSchema } from '../../domain/decision-summary';
import { detectLanguage } from '../../domain/language';
import { AppError } from '../../http/errors';
import type { HonoEnv } from '../../http/hono-env';
import { errorResponses, jsonBody, jsonResponse } from '../../http/router';
import { text } from '../../security/text';
import { forEditors } from './kb.routes';
import { matchedWords } from './matched-words';

const tryBody = z
  .object({
    text: text().trim().min(1, 'must not be empty').max(4000),
    lang: langSchema.optional(),
    missStreak: z.number().int().min(0).max(10).optional().describe('Misses before this turn, to see the repeated-misses rule'),
    vip: z.boolean().optional(),
  })
  .strict()
  .openapi('KbTry');

export const tryResult = z
  .object({
    lang: langSchema,
    matches: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        lang: z.string(),
        topic: z.string(),
        score: z.number(),
        matchedWords: z.array(z.string()).describe('Words of the question whose stem is in the article’s title or questions'),
      }),
    ),
    confidence: z.number(),
    threshold: z.number(),
    ambiguous: z.boolean(),
    signals: z.record(z.string(), z.number()),
    humanRequested: z.object({ requested: z.boolean(), phrase: z.string().optional() }),
    complaint: z.object({ score: z.number(), severity: z.string(), signals: z.array(z.string()) }),
    decision: z.object({
      kind: z.enum(['answer', 'clarify', 'handoff', 'silent']),
      reasons: z.array(z.string()),
      department: z.string().optional(),
      priority: z.number().optional(),
      reply: z.string().optional(),
      /** the article(s) the reply comes from, in the visitor's language */
      sources: z.array(sourceSchema),
    }),
  })
  .openapi('KbTryResult');

export const tryQuestion = createRoute({
  method: 'post',
  path: '/api/kb/try',
  ...forEditors,
  summary: 'Try a question: ranked matches, scores, confidence and the decision the bot would make',
  description: 'Nothing is stored: this is the bot’s analysis of one message, as an editor’s tool.',
  request: { body: jsonBody(tryBody) },
  responses: { 200: jsonResponse(tryResult, 'The analysis'), ...errorResponses(400, 401, 403, 404, 503) },
});

export const onTry: RouteHandler<typeof tryQuestion, HonoEnv> = async (c) => {
  const bot = c.get('deps').kbBot;
  if (!bot) throw new AppError('not_found', 'No knowledge base configured');
  const input = c.req.valid('json');
  const lang = input.lang ?? detectLanguage(input.text);
  const analysis = await bot.analyze(input.text, lang, { missStreak: input.missStreak ?? 0, vip: input.vip ?? false });
  const decision = bot.toDecision(analysis, lang);
  const { search, signals } = analysis;
  return c.json(
    {
      lang,
      matches: search.matches.map((m) => ({
        id: m.article.id,
        title: m.article.title,
        lang: m.article.lang,
        topic: m.article.topic,
        score: m.score,
        matchedWords: matchedWords(input.text, m.article),
      })),
      confidence: search.confidence,
      threshold: search.threshold,
      ambiguous: search.ambiguous,
      signals: search.signals,
      humanRequested: { requested: signals.humanRequested, phrase: analysis.humanPhrase },
      complaint: { ...signals.complaint, signals: analysis.complaintSignals },
      decision: {
        kind: decision.kind,
        reasons: decision.reasons,
        department: decision.kind === 'handoff' ? decision.department : undefined,
        priority: decision.kind === 'handoff' ? decision.priority : undefined,
        reply: decision.kind === 'answer' || decision.kind === 'clarify' ? decision.reply : undefined,
        sources: decision.sources,
      },
    },
    200,
  );
};
