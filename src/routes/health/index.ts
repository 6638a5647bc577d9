import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonResponse } from '../../http/router';
import { trafficSchema, trafficView } from '../kb/kb-traffic';

const healthSchema = z
  .object({
    ok: z.boolean(),
    store: z.object({ kind: z.enum(['memory', 'upstash']), ok: z.boolean() }),
    kb: z.object({
      articles: z.number().int(),
      /** `saved`: the search calibration shipped with the build was used; `computed`: fitted at start */
      calibration: z.enum(['saved', 'computed']).optional(),
      /** the answer threshold and the out-of-scope share of the traffic (as /api/kb/traffic) */
      traffic: trafficSchema.optional(),
    }),
  })
  .openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['System'],
  summary: 'Liveness and the state of the store and knowledge base',
  responses: {
    200: jsonResponse(healthSchema, 'Healthy'),
    503: jsonResponse(healthSchema, 'The store does not answer'),
  },
});

export const healthRoutes = createRouter().openapi(health, async (c) => {
  const deps = c.get('deps');
  const storeOk = await deps.store.ping();
  const body = { ok: storeOk, store: { kind: deps.store.kind, ok: storeOk }, kb: { articles: deps.kb?.size ?? 0, ...(deps.kb ? { calibration: deps.kb.calibrationSource, traffic: trafficView(deps.kb) } : {}) } };
  return storeOk ? c.json(body, 200) : c.json(body, 503);
});
