import { createRoute, z } from '@hono/zod-openapi';
import { requireVisitor } from '../../http/visitor-auth';
import { visitorEventSchema } from '../../domain/events';
import { errorResponses, eventStreamResponse, jsonBody, jsonResponse } from '../../http/router';
import {
  conversationIdParams,
  conversationViewSchema,
  createConversationBody,
  createdConversationSchema,
  contactBody,
  handoffResultSchema,
  postMessageBody,
  postMessageResultSchema,
  ratingBody,
} from './conversations.schemas';

const tags = ['Visitor'];
/** Every route on one conversation: the visitor's token must name it. */
const onConversation = { tags, security: [{ visitorToken: [] }], middleware: requireVisitor };

export const createConversation = createRoute({
  method: 'post',
  path: '/api/conversations',
  tags,
  summary: 'Start a conversation',
  description: 'Returns the conversation with its greeting and the visitor token that every later call needs.',
  request: { body: jsonBody(createConversationBody) },
  responses: {
    201: jsonResponse(createdConversationSchema, 'The new conversation'),
    ...errorResponses(400, 413, 429, 503),
  },
});

export const postMessage = createRoute({
  method: 'post',
  path: '/api/conversations/{id}/messages',
  ...onConversation,
  summary: 'Post a visitor message',
  description:
    'Stores the message first, then lets the bot decide: an answer with its source, a clarifying question, or a handoff to a person.',
  request: { params: conversationIdParams, body: jsonBody(postMessageBody) },
  responses: {
    201: jsonResponse(postMessageResultSchema, 'The stored message, the reply if any, and the decision'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 429, 503),
  },
});

export const getConversation = createRoute({
  method: 'get',
  path: '/api/conversations/{id}',
  ...onConversation,
  summary: 'Read a conversation',
  request: { params: conversationIdParams },
  responses: {
    200: jsonResponse(conversationViewSchema.extend({ lastEventId: z.number().int() }), 'The conversation and its transcript'),
    ...errorResponses(401, 403, 404, 503),
  },
});

export const conversationEvents = createRoute({
  method: 'get',
  path: '/api/conversations/{id}/events',
  ...onConversation,
  summary: 'Live events (Server-Sent Events)',
  description:
    'Events `message`, `status`, `typing`; each has an id, and the stream resumes after `Last-Event-ID` (or `?lastEventId=`). Pass the token as `?token=` from EventSource. The stream ends after a while; EventSource reconnects by itself. Where streaming is blocked, `?poll=1` answers at once with the events after `lastEventId` as JSON (polling fallback), with `resync: true` when some were missed.',
  request: {
    params: conversationIdParams,
    query: z.object({ token: z.string().optional(), lastEventId: z.string().optional(), poll: z.enum(['0', '1']).optional() }),
  },
  responses: {
    200: eventStreamResponse(visitorEventSchema, 'An event stream; with ?poll=1 the events as JSON'),
    ...errorResponses(401, 403, 404),
  },
});

export const requestHandoff = createRoute({
  method: 'post',
  path: '/api/conversations/{id}/handoff',
  ...onConversation,
  summary: 'The visitor asks for a person',
  description: 'Puts the conversation in the operator queue (once) and says what to expect: a wait, or the contact form when nobody is online.',
  request: { params: conversationIdParams },
  responses: { 200: jsonResponse(handoffResultSchema, 'Handed off'), ...errorResponses(401, 403, 404, 409, 503) },
});

export const leaveContact = createRoute({
  method: 'post',
  path: '/api/conversations/{id}/contact',
  ...onConversation,
  summary: 'Leave a contact when nobody is online',
  request: { params: conversationIdParams, body: jsonBody(contactBody) },
  responses: { 201: jsonResponse(z.object({ status: z.literal('pending') }), 'Queued as a callback'), ...errorResponses(400, 401, 403, 404, 413, 429, 503) },
});

export const rateConversation = createRoute({
  method: 'post',
  path: '/api/conversations/{id}/rating',
  ...onConversation,
  summary: 'Rate a resolved conversation (1–5)',
  request: { params: conversationIdParams, body: jsonBody(ratingBody) },
  responses: {
    201: jsonResponse(z.object({ score: z.number(), resolvedBy: z.string() }), 'Stored'),
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});

export const closeConversation = createRoute({
  method: 'post',
  path: '/api/conversations/{id}/resolve',
  ...onConversation,
  summary: 'The visitor closes a conversation the bot resolved',
  request: { params: conversationIdParams },
  responses: { 200: jsonResponse(z.object({ status: z.literal('resolved') }), 'Resolved by the bot'), ...errorResponses(401, 403, 404, 409, 503) },
});

export const visitorTyping = createRoute({
  method: 'post',
  path: '/api/conversations/{id}/typing',
  ...onConversation,
  summary: 'The visitor is typing (the operator sees it live)',
  request: { params: conversationIdParams },
  responses: { 204: { description: 'Told' }, ...errorResponses(401, 403, 404, 429, 503) },
});
