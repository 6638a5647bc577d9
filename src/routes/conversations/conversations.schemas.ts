import { z } from '@hono/zod-openapi';
import { keyText, text } from '../../security/text';
import { conversationStatusSchema, langSchema, publicMessageSchema } from '../../domain/conversation';
import { decisionSummarySchema } from '../../domain/decision-summary';

export const conversationIdParams = z.object({
  id: keyText().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, example: '2b1f0c1e-…' }),
});

export const createConversationBody = z
  .object({
    lang: langSchema.optional().openapi({ description: 'The visitor’s language; detected from messages when absent' }),
    // http(s) only: the page is shown to operators as a link, and a `javascript:` one would run.
    page: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000).optional().openapi({ description: 'The page the widget is on' }),
    visitor: z.object({ name: text().max(200).optional(), email: z.string().email().max(320).optional() }).strict().optional(),
    attributes: z
      .record(keyText().max(50), z.union([text().max(500), z.number(), z.boolean()]))
      .refine((a) => Object.keys(a).length <= 20, 'at most 20 attributes')
      .optional()
      .openapi({ description: 'Attributes the website vouches for (e.g. `vip: true`), signed with SITE_SECRET' }),
    signature: keyText()
      .max(200)
      .optional()
      .openapi({ description: 'Hex HMAC-SHA256 of the attributes’ canonical JSON (keys sorted) with SITE_SECRET' }),
  })
  .strict()
  .refine((b) => b.attributes === undefined || b.signature !== undefined, { message: 'signed attributes need a signature', path: ['signature'] })
  .openapi('CreateConversation');

export const postMessageBody = z
  .object({
    text: text().trim().min(1, 'must not be empty').openapi({ example: 'How much is delivery to Kazan?' }),
    clientId: keyText()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Idempotency key: the same clientId twice stores one message' }),
  })
  .strict()
  .openapi('PostMessage');

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

/** What the visitor is told after a handoff (the domain's Availability). */
const availabilitySchema = z.union([
  z.object({ kind: z.literal('wait'), minutes: z.number(), range: z.tuple([z.number(), z.number()]) }),
  z.object({ kind: z.literal('offline'), nextOpeningMs: z.number().nullable() }),
  z.object({ kind: z.literal('with_operator') }),
]);

export const postMessageResultSchema = z
  .object({
    message: publicMessageSchema,
    reply: publicMessageSchema.optional(),
    // Rebuilt with this module's z: a domain schema made before @hono/zod-openapi loaded lacks .openapi().
    decision: z
      .object({
        ...decisionSummarySchema.shape,
        handoff: availabilitySchema
          .optional()
          .openapi({ description: 'On a handoff: a wait estimate, offline (show the contact form), or already with an operator' }),
      })
      .openapi('Decision'),
  })
  .openapi('PostMessageResult');

export const contactBody = z
  .object({
    email: z.string().trim().email().max(320).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{5,24}$/, 'must be a phone number, e.g. +7 999 123-45-67')
      .optional(),
    message: text().trim().max(2000).optional(),
  })
  .strict()
  .refine((b) => b.email !== undefined || b.phone !== undefined, { message: 'give an email or a phone', path: ['email'] })
  .openapi('Contact');

export const ratingBody = z
  .object({ score: z.number().int().min(1).max(5), comment: text().trim().max(2000).optional() })
  .strict()
  .openapi('Rating');

export const handoffResultSchema = z
  .object({ status: conversationStatusSchema, availability: availabilitySchema, notice: z.string() })
  .openapi('HandoffResult');
