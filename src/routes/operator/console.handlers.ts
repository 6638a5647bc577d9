import type { RouteHandler } from '@hono/zod-openapi';
import { createOperatorLists } from '../../conversation/operator-lists';
import type { HonoEnv } from '../../http/hono-env';
import type { listConversations, listOperators } from './console.routes';

export const onListConversations: RouteHandler<typeof listConversations, HonoEnv> = async (c) => {
  const { scope, department } = c.req.valid('query');
  return c.json({ items: await createOperatorLists(c.get('deps')).conversations(scope, c.get('staff').id, department) }, 200);
};

export const onListOperators: RouteHandler<typeof listOperators, HonoEnv> = async (c) =>
  c.json({ items: await createOperatorLists(c.get('deps')).operators() }, 200);
