import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { AppError } from '../../http/errors';
import type { HonoEnv } from '../../http/hono-env';
import { errorResponses, jsonResponse } from '../../http/router';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import { forEditors } from './kb.routes';

/** The bot's view of its own traffic; /health shows the same object under `kb.traffic`. */
export const trafficSchema = z
  .object({
    threshold: z.number().describe('Answer when the confidence is at least this'),
    assumedShare: z.number().describe('Out-of-scope share the confidence was calibrated at'),
    estimatedShare: z.number().nullable().describe('Out-of-scope share estimated from the traffic all instances saw; null until enough queries'),
    shareInUse: z.number().describe('The share confidences are computed at: the estimate within bounds, else the assumed share'),
    bounds: z.object({ min: z.number(), max: z.number() }).describe('The estimate is held inside these'),
    samples: z.number().describe('Queries counted (older ones weigh less: half-life 6 hours)'),
  })
  .openapi('KbTraffic');

export function trafficView(kb: KnowledgeBase): z.infer<typeof trafficSchema> {
  const t = kb.traffic();
  return { threshold: t.threshold, assumedShare: t.assumedShare, estimatedShare: t.estimate, shareInUse: t.used, bounds: t.bounds, samples: Math.round(t.samples) };
}

export const getTraffic = createRoute({
  method: 'get',
  path: '/api/kb/traffic',
  ...forEditors,
  summary: 'The share of questions the knowledge base cannot answer, as the bot estimates it, and the threshold in use',
  description: 'Estimated from the confidences of recent visitor questions on every instance (nothing a visitor typed is kept). A higher share makes the bot stricter, a lower one (down to bounds.min) less strict; until enough queries were seen the assumed share is used.',
  responses: { 200: jsonResponse(trafficSchema, 'The traffic estimate'), ...errorResponses(401, 403, 404, 503) },
});

export const onTraffic: RouteHandler<typeof getTraffic, HonoEnv> = async (c) => {
  const kb = c.get('deps').kb;
  if (!kb) throw new AppError('not_found', 'No knowledge base configured');
  await kb.refresh();
  return c.json(trafficView(kb), 200);
};
