import type { RouteHandler } from '@hono/zod-openapi';
import { displayName } from '../../domain/staff-user';
import { createOperatorService } from '../../conversation/operator-service';
import { OPERATOR_STREAM } from '../../conversation/streams';
import type { Conversation } from '../../domain/conversation';
import type { HonoEnv } from '../../http/hono-env';
import { serveEvents } from '../../http/sse';
import type * as routes from './operator.routes';


const service = (c: { get(key: 'deps'): HonoEnv['Variables']['deps'] }) => createOperatorService(c.get('deps'));
const statusOf = (c: Conversation) => ({ id: c.id, status: c.status, assigneeId: c.assigneeId, department: c.department });

export const onQueue: RouteHandler<typeof routes.getQueue, HonoEnv> = async (c) => c.json(await service(c).queue(c.req.valid('query')), 200);

export const onView: RouteHandler<typeof routes.getOperatorConversation, HonoEnv> = async (c) => {
  const { conversation, messages, packet, rating, sla } = await service(c).view(c.req.valid('param').id);
  return c.json(
    {
      id: conversation.id,
      status: conversation.status,
      lang: conversation.lang,
      assigneeId: conversation.assigneeId,
      department: conversation.department,
      page: conversation.page,
      visitor: conversation.visitor,
      vip: conversation.vip,
      createdAt: conversation.createdAt,
      resolvedAt: conversation.resolvedAt,
      packet,
      messages,
      rating: rating ? { score: rating.score, comment: rating.comment } : null,
      sla,
    },
    200,
  );
};

export const onClaim: RouteHandler<typeof routes.claimConversation, HonoEnv> = async (c) =>
  c.json(statusOf(await service(c).claim(c.req.valid('param').id, c.get('staff'))), 200);

export const onRelease: RouteHandler<typeof routes.releaseConversation, HonoEnv> = async (c) =>
  c.json(statusOf(await service(c).release(c.req.valid('param').id, c.get('staff'))), 200);

export const onTransfer: RouteHandler<typeof routes.transferConversation, HonoEnv> = async (c) =>
  c.json(statusOf(await service(c).transfer(c.req.valid('param').id, c.get('staff'), c.req.valid('json'))), 200);

export const onResolve: RouteHandler<typeof routes.resolveConversation, HonoEnv> = async (c) =>
  c.json(statusOf(await service(c).resolve(c.req.valid('param').id, c.get('staff'), c.req.valid('json'))), 200);

export const onMessage: RouteHandler<typeof routes.postOperatorMessage, HonoEnv> = async (c) =>
  c.json(await service(c).reply(c.req.valid('param').id, c.get('staff'), c.req.valid('json')), 201);

export const onPresence: RouteHandler<typeof routes.postPresence, HonoEnv> = async (c) => {
  const body = c.req.valid('json');
  const status = body.status ?? (body.online ? 'online' : 'offline');
  await service(c).setPresence(c.get('staff'), status === 'online', status);
  return c.json({ online: status === 'online', status }, 200);
};

export const onEvents: RouteHandler<typeof routes.operatorEvents, HonoEnv> = async (c) => {
  // Opening the stream counts as a presence heartbeat: the console is open.
  await service(c).heartbeat(c.get('staff'));
  return serveEvents(c, { stream: OPERATOR_STREAM }) as never;
};


export const onTyping: RouteHandler<typeof routes.operatorTyping, HonoEnv> = async (c) => {
  await service(c).typing(c.req.valid('param').id, c.get('staff'), displayName(c.get('staffUser')));
  return c.body(null, 204);
};

export const onCallbacks: RouteHandler<typeof routes.listCallbacks, HonoEnv> = async (c) =>
  c.json({ items: await service(c).callbacks(c.req.valid('query').status) }, 200);

export const onCallbackDone: RouteHandler<typeof routes.completeCallback, HonoEnv> = async (c) =>
  c.json(await service(c).completeCallback(c.req.valid('param').id, c.get('staff')), 200);
