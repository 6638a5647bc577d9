import { createRoute, z } from '@hono/zod-openapi';
import { messageSchema } from '../../domain/conversation';
import { operatorEventSchema } from '../../domain/events';
import { errorResponses, eventStreamResponse, jsonBody, jsonResponse } from '../../http/router';
import { requireStaff } from '../../http/staff-auth';
import {
  callbackSchema,
  idParams,
  operatorConversationSchema,
  operatorMessageBody,
  presenceBody,
  queueItemSchema,
  queueQuery,
  resolveBody,
  statusResultSchema,
  transferBody,
} from './operator.schemas';

const tags = ['Operator'];
const security = [{ staffToken: [] }];
const operator = requireStaff('operator');

/** The shared shape of a POST on one conversation that answers with its new state. */
const action = (path: string, summary: string) => ({
  method: 'post' as const,
  path: `/api/operator/conversations/{id}/${path}`,
  tags,
  security,
  middleware: operator,
  summary,
  responses: { 200: jsonResponse(statusResultSchema, 'The conversation’s new state'), ...errorResponses(400, 401, 403, 404, 409, 503) },
});

export const getQueue = createRoute({
  method: 'get',
  path: '/api/operator/queue',
  tags,
  security,
  middleware: operator,
  summary: 'Waiting conversations, most urgent first, with their handoff packets (one page)',
  request: { query: queueQuery },
  responses: {
    200: jsonResponse(z.object({ items: z.array(queueItemSchema), total: z.number().int().openapi({ description: 'waiting in all (in the department, if one is given)' }) }), 'The queue'),
    ...errorResponses(400, 401, 403, 503),
  },
});

export const getOperatorConversation = createRoute({
  method: 'get',
  path: '/api/operator/conversations/{id}',
  tags,
  security,
  middleware: operator,
  summary: 'The conversation, its packet and full transcript (internal notes included)',
  request: { params: idParams },
  responses: { 200: jsonResponse(operatorConversationSchema, 'The conversation'), ...errorResponses(401, 403, 404, 503) },
});

export const claimConversation = createRoute({
  ...action('claim', 'Claim: 200 when this operator now owns it, 409 when someone else does'),
  request: { params: idParams },
});
export const releaseConversation = createRoute({ ...action('release', 'Give the conversation back to the bot'), request: { params: idParams } });
export const transferConversation = createRoute({
  ...action('transfer', 'Transfer to a department (back to the queue) or to an operator'),
  request: { params: idParams, body: jsonBody(transferBody) },
});
export const resolveConversation = createRoute({
  ...action('resolve', 'Resolve, with an optional resolution'),
  request: { params: idParams, body: jsonBody(resolveBody) },
});

export const postOperatorMessage = createRoute({
  method: 'post',
  path: '/api/operator/conversations/{id}/messages',
  tags,
  security,
  middleware: operator,
  summary: 'Reply to the visitor (live), or add an internal note',
  request: { params: idParams, body: jsonBody(operatorMessageBody) },
  responses: { 201: jsonResponse(messageSchema, 'The stored message'), ...errorResponses(400, 401, 403, 404, 409, 413, 503) },
});

export const postPresence = createRoute({
  method: 'post',
  path: '/api/operator/presence',
  tags,
  security,
  middleware: operator,
  summary: 'Go online, away or offline; the console repeats it as a heartbeat while open',
  request: { body: jsonBody(presenceBody) },
  responses: { 200: jsonResponse(z.object({ online: z.boolean(), status: z.enum(['online', 'away', 'offline']) }), 'Presence stored'), ...errorResponses(400, 401, 403, 503) },
});

export const operatorEvents = createRoute({
  method: 'get',
  path: '/api/operator/events',
  tags,
  security,
  middleware: operator,
  summary: 'Live events (Server-Sent Events): handoffs, claims, messages, transfers, resolutions',
  description: 'Resumes after `Last-Event-ID` (or `?lastEventId=`); the token may come as `?token=` for EventSource.',
  request: { query: z.object({ token: z.string().optional(), lastEventId: z.string().optional(), poll: z.enum(['0', '1']).optional() }) },
  responses: { 200: eventStreamResponse(operatorEventSchema, 'An event stream; with ?poll=1 the events as JSON'), ...errorResponses(401, 403) },
});

export const operatorTyping = createRoute({
  method: 'post',
  path: '/api/operator/conversations/{id}/typing',
  tags,
  security,
  middleware: operator,
  summary: 'The operator is typing (the visitor sees it live)',
  request: { params: idParams },
  responses: { 204: { description: 'Told' }, ...errorResponses(401, 403, 404, 409, 503) },
});

export const listCallbacks = createRoute({
  method: 'get',
  path: '/api/operator/callbacks',
  tags,
  security,
  middleware: operator,
  summary: 'Contacts left while nobody was online: the callbacks to make, oldest first',
  request: { query: z.object({ status: z.enum(['pending', 'done']).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(callbackSchema) }), 'Callbacks'), ...errorResponses(400, 401, 403, 503) },
});

export const completeCallback = createRoute({
  method: 'post',
  path: '/api/operator/callbacks/{id}/done',
  tags,
  security,
  middleware: operator,
  summary: 'Mark a callback done',
  request: { params: idParams },
  responses: { 200: jsonResponse(callbackSchema, 'Done'), ...errorResponses(401, 403, 404, 503) },
});
