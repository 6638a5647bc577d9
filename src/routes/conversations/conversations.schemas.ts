import { z } from '@hono/zod-openapi';
import { conversationStatusSchema, langSchema, messageRoleSchema, sourceSchema } from '../../domain/conversation';
import { decisionSummarySchema } from '../../domain/decision-summary';

export const conversationIdParams = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, example: '2b1f0c1e-…' }),
});

export const createConversationBody = z
  .object({
    lang: langSchema.optional().openapi({ description: 'The visitor’s language; detected from messages when absent' }),
    page: z.string().max(2000).optional().openapi({ description: 'The page the widget is on' }),
    visitor: z.object({ name: z.string().max(200).optional(), email: z.string().email().max(320).optional() }).strict().optional(),
  })
  .strict()
  .openapi('CreateConversation');

export const postMessageBody = z
  .object({
    text: z.string().trim().min(1, 'must not be empty').openapi({ example: 'How much is delivery to Kazan?' }),
    clientId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Idempotency key: the same clientId twice stores one message' }),
  })
  .strict()
  .openapi('PostMessage');

/** A message as the visitor sees it. */
export const publicMessageSchema = z
  .object({
    id: z.string(),
    role: messageRoleSchema.exclude(['note']),
    text: z.string(),
    createdAt: z.number().openapi({ description: 'Epoch milliseconds' }),
    clientId: z.string().optional(),
    sources: z.array(sourceSchema).optional(),
    replyTo: z.string().optional(),
  })
  .openapi('Message');

export const conversationViewSchema = z
  .object({
    id: z.string(),
    status: conversationStatusSchema,
    lang: langSchema,
    messages: z.array(publicMessageSchema),
  })
  .openapi('Conversation');

export const createdConversationSchema = conversationViewSchema
  .extend({ token: z.string().openapi({ description: 'Bearer token for this conversation only' }) })
  .openapi('CreatedConversation');

export const postMessageResultSchema = z
  .object({
    message: publicMessageSchema,
    reply: publicMessageSchema.optional(),
    decision: decisionSummarySchema.openapi('Decision'),
  })
  .openapi('PostMessageResult');
