import { z } from '@hono/zod-openapi';
import { keyText, text } from '../../security/text';
import { conversationStatusSchema, langSchema, messageSchema } from '../../domain/conversation';
import { contactSchema, packetSchema } from '../../domain/packet';
import { STAFF_ID } from '../../domain/staff-user';

export const idParams = z.object({
  id: keyText().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }),
});

export const operatorMessageBody = z
  .object({
    text: text().trim().min(1, 'must not be empty'),
    internal: z.boolean().optional().openapi({ description: 'An internal note: never shown to the visitor' }),
  })
  .strict()
  .openapi('OperatorMessage');

export const transferBody = z
  .object({
    department: keyText().trim().min(1).max(100).optional(),
    operatorId: z.string().regex(STAFF_ID, 'is not a user id').optional(),
    note: text().trim().max(2000).optional(),
  })
  .strict()
  .refine((b) => b.department !== undefined || b.operatorId !== undefined, { message: 'give a department or an operatorId' })
  .openapi('Transfer');

export const resolveBody = z.object({ resolution: text().trim().max(2000).optional() }).strict().openapi('Resolve');
export const presenceBody = z
  .object({
    online: z.boolean().optional(),
    status: z.enum(['online', 'away', 'offline']).optional().openapi({ description: 'Away: signed in, but neither promised to visitors nor assigned' }),
  })
  .strict()
  .refine((b) => b.online !== undefined || b.status !== undefined, { message: 'give online or status' })
  .openapi('Presence');

const slaSchema = z.object({ dueAt: z.number(), remainingMs: z.number(), breached: z.boolean(), replied: z.boolean() });

/** A page of the queue; without one, the first QUEUE_PAGE (100) rows of every department. */
export const queueQuery = z
  .object({
    department: z.string().min(1).max(100).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  });

export const queueItemSchema = z
  .object({
    conversationId: z.string(),
    department: z.string(),
    priority: z.number(),
    waitingSince: z.number(),
    waitedSeconds: z.number(),
    lang: langSchema,
    vip: z.boolean(),
    sla: slaSchema,
    packet: packetSchema.nullable(),
  })
  .openapi('QueueItem');

// Rebuilt with this module's z so it carries .openapi() whatever was imported first.
export const callbackSchema = z.object(contactSchema.shape).openapi('Callback');

export const operatorConversationSchema = z
  .object({
    id: z.string(),
    status: conversationStatusSchema,
    lang: langSchema,
    assigneeId: z.string().optional(),
    department: z.string().optional(),
    page: z.string().optional(),
    visitor: z.object({ name: z.string().optional(), email: z.string().optional() }).optional(),
    vip: z.boolean(),
    createdAt: z.number(),
    resolvedAt: z.number().optional(),
    packet: packetSchema.nullable(),
    messages: z.array(messageSchema),
    rating: z.object({ score: z.number(), comment: z.string().optional() }).nullable(),
    sla: slaSchema.nullable(),
  })
  .openapi('OperatorConversation');

export const statusResultSchema = z
  .object({ id: z.string(), status: conversationStatusSchema, assigneeId: z.string().optional(), department: z.string().optional() })
  .openapi('StatusResult');
