import { createRoute, z } from '@hono/zod-openapi';
import { langSchema } from '../../domain/conversation';
import { errorResponses, jsonBody, jsonResponse } from '../../http/router';
import { requireStaff } from '../../http/staff-auth';

// The lists the operator console needs beside the queue.
const tags = ['Operator'];
const security = [{ staffToken: [] }];
const operator = requireStaff('operator');

export const conversationListQuery = z.object({
  scope: z.enum(['mine', 'open']).default('mine').openapi({ description: '`mine`: assigned to the caller; `open`: waiting or assigned to anyone' }),
  department: z.string().trim().min(1).max(100).optional(),
});

export const conversationListItemSchema = z
  .object({
    id: z.string(),
    status: z.enum(['waiting', 'assigned']),
    department: z.string(),
    lang: langSchema,
    vip: z.boolean(),
    assigneeId: z.string().optional(),
    updatedAt: z.number(),
    summary: z.string().openapi({ description: 'The handoff summary: the visitor’s own words' }),
    severity: z.string().nullable(),
  })
  .openapi('ConversationListItem');

export const operatorPresenceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['operator', 'editor', 'admin']),
    departments: z.array(z.string()),
    capacity: z.number().int(),
    load: z.number().int(),
    status: z.enum(['online', 'away', 'offline']),
  })
  .openapi('OperatorPresence');

export const listConversations = createRoute({
  method: 'get',
  path: '/api/operator/conversations',
  tags,
  security,
  middleware: operator,
  summary: 'Open conversations: mine, or all open ones, optionally of one department',
  request: { query: conversationListQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(conversationListItemSchema) }), 'The conversations, newest activity first'), ...errorResponses(400, 401, 403, 503) },
});

export const listOperators = createRoute({
  method: 'get',
  path: '/api/operator/operators',
  tags,
  security,
  middleware: operator,
  summary: 'Operators with presence (online / away / offline), load and capacity: for transfers and the header',
  responses: { 200: jsonResponse(z.object({ items: z.array(operatorPresenceSchema) }), 'The operators'), ...errorResponses(401, 403, 503) },
});

export const flagParams = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }),
  messageId: z.string().min(1).max(100).openapi({ param: { name: 'messageId', in: 'path' } }),
});
export const flagBody = z.object({ note: z.string().trim().min(1, 'say what was wrong').max(2000) }).strict().openapi('AnswerFlagInput');
export const answerFlagViewSchema = z
  .object({ conversationId: z.string(), messageId: z.string(), note: z.string(), by: z.string(), createdAt: z.number(), sources: z.array(z.string()) })
  .openapi('AnswerFlag');

export const flagAnswer = createRoute({
  method: 'post',
  path: '/api/operator/conversations/{id}/messages/{messageId}/flag',
  tags,
  security,
  middleware: operator,
  summary: 'Flag a bot answer as wrong, with a note (stored for the reports; an `answer_flagged` event)',
  request: { params: flagParams, body: jsonBody(flagBody) },
  responses: { 201: jsonResponse(answerFlagViewSchema, 'The stored flag'), ...errorResponses(400, 401, 403, 404, 503) },
});
