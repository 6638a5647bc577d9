import type { RouteHandler } from '@hono/zod-openapi';
import { flagBotAnswer } from '../../conversation/answer-flags';
import { createOperatorLists } from '../../conversation/operator-lists';
import type { HonoEnv } from '../../http/hono-env';
import type { flagAnswer, listConversations, listOperators } from './console.routes';

export const onListConversations: RouteHandler<typeof listConversations, HonoEnv> = async (c) => {
  const { scope, department } = c.req.valid('query');
  return c.json({ items: await createOperatorLists(c.get('deps')).conversations(scope, c.get('staff').id, department) }, 200);
};

export const onListOperators: RouteHandler<typeof listOperators, HonoEnv> = async (c) =>
  c.json({ items: await createOperatorLists(c.get('deps')).operators() }, 200);

export const onFlagAnswer: RouteHandler<typeof flagAnswer, HonoEnv> = async (c) => {
  const { id, messageId } = c.req.valid('param');
  const flag = await flagBotAnswer(c.get('deps'), { conversationId: id, messageId, note: c.req.valid('json').note, by: c.get('staff').id });
  return c.json(flag, 201);
};
