import type { RouteHandler } from '@hono/zod-openapi';
import { toPublicMessage, visibleToVisitor } from '../../domain/conversation';
import { createVisitorService } from '../../conversation/visitor-service';
import { loadConversation } from '../../conversation/records';
import { publishToOperators } from '../../conversation/transcript';
import { visitorStream } from '../../conversation/streams';
import { AppError } from '../../http/errors';
import { clientAddress, enforceRateLimit, RULES } from '../../http/rate-limit';
import type { HonoEnv } from '../../http/hono-env';
import { serveEvents } from '../../http/sse';
import { verifyAttributes } from '../../security/site-attributes';
import type * as routes from './conversations.routes';


export const onCreate: RouteHandler<typeof routes.createConversation, HonoEnv> = async (c) => {
  const deps = c.get('deps');
  await enforceRateLimit(
    deps,
    { name: 'conversations', limit: deps.env.RATE_CONVERSATIONS_PER_HOUR, windowSeconds: 3600 },
    clientAddress(c),
    'Too many new conversations; try again later',
  );
  const { attributes, signature, ...body } = c.req.valid('json');
  // Unsigned or forged attributes are refused outright: a visitor must not make themselves VIP.
  if (attributes !== undefined) {
    if (!deps.env.SITE_SECRET) throw new AppError('validation_error', 'Signed attributes are not enabled here (no SITE_SECRET)');
    if (!(await verifyAttributes(deps.env.SITE_SECRET, attributes, signature ?? ''))) {
      throw new AppError('validation_error', 'The attributes signature does not match');
    }
    // A signed `exp` (epoch seconds) bounds how long a copied blob can be replayed.
    if (typeof attributes.exp === 'number' && attributes.exp * 1000 < deps.clock.now()) {
      throw new AppError('validation_error', 'The signed attributes have expired');
    }
  }
  const { conversation, token, messages } = await createVisitorService(deps).start({ ...body, attributes });
  return c.json({ id: conversation.id, status: conversation.status, lang: conversation.lang, token, messages: visibleToVisitor(messages) }, 201);
};

export const onPost: RouteHandler<typeof routes.postMessage, HonoEnv> = async (c) => {
  const result = await createVisitorService(c.get('deps')).post(c.req.valid('param').id, c.req.valid('json'));
  return c.json(
    {
      message: toPublicMessage(result.message),
      reply: result.reply ? toPublicMessage(result.reply) : undefined,
      decision: result.decision,
    },
    201,
  );
};

export const onGet: RouteHandler<typeof routes.getConversation, HonoEnv> = async (c) => {
  const deps = c.get('deps');
  const id = c.req.valid('param').id;
  // The event id first: a message landing between the two reads then arrives again on the stream
  // (the client de-duplicates by message id) instead of being missed by both.
  const lastEventId = await deps.store.events.lastId(visitorStream(id));
  const { conversation, messages } = await createVisitorService(deps).read(id);
  return c.json({ id, status: conversation.status, lang: conversation.lang, messages: visibleToVisitor(messages), lastEventId }, 200);
};

export const onEvents: RouteHandler<typeof routes.conversationEvents, HonoEnv> = async (c) => {
  const id = c.req.valid('param').id;
  await loadConversation(c.get('deps'), id); // 404 before opening a stream
  // Notes never reach this stream: the services publish only public messages to it.
  return serveEvents(c, { stream: visitorStream(id) }) as never;
};

export const onTyping: RouteHandler<typeof routes.visitorTyping, HonoEnv> = async (c) => {
  const deps = c.get('deps');
  const id = c.req.valid('param').id;
  await loadConversation(deps, id);
  await enforceRateLimit(deps, RULES.typing, id, 'Too many typing notices');
  await publishToOperators(deps, 'typing', { conversationId: id, who: 'visitor' });
  return c.body(null, 204);
};

export const onHandoff: RouteHandler<typeof routes.requestHandoff, HonoEnv> = async (c) => {
  const result = await createVisitorService(c.get('deps')).requestHuman(c.req.valid('param').id);
  return c.json({ status: result.conversation.status, availability: result.availability, notice: result.notice }, 200);
};

export const onContact: RouteHandler<typeof routes.leaveContact, HonoEnv> = async (c) => {
  await enforceRateLimit(c.get('deps'), RULES.contact, c.req.valid('param').id, 'Too many contact requests; we have yours already');
  await createVisitorService(c.get('deps')).leaveContact(c.req.valid('param').id, c.req.valid('json'));
  return c.json({ status: 'pending' as const }, 201);
};

export const onRating: RouteHandler<typeof routes.rateConversation, HonoEnv> = async (c) => {
  const rating = await createVisitorService(c.get('deps')).rate(c.req.valid('param').id, c.req.valid('json'));
  // Who resolved it, as the visitor may know it: the staff id is internal.
  return c.json({ score: rating.score, resolvedBy: rating.resolvedBy === 'bot' ? ('bot' as const) : ('operator' as const) }, 201);
};

export const onClose: RouteHandler<typeof routes.closeConversation, HonoEnv> = async (c) => {
  await createVisitorService(c.get('deps')).closeByVisitor(c.req.valid('param').id);
  return c.json({ status: 'resolved' as const }, 200);
};
