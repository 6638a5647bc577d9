import { z } from 'zod';
import { decisionSummarySchema, sourceSchema } from './decision-summary';

export { sourceSchema, type Source } from './decision-summary';

/** Where a conversation is in its life; the state machine in conversation-state.ts moves it. */
export const conversationStatusSchema = z.enum(['bot', 'waiting', 'assigned', 'resolved']);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

export const langSchema = z.enum(['ru', 'en']);
export type Lang = z.infer<typeof langSchema>;

const visitorSchema = z.object({
  name: z.string().max(200).optional(),
  email: z.string().email().max(320).optional(),
});

/** The stored conversation record. `version` makes every update a compare-and-set. */
export const conversationSchema = z.object({
  id: z.string(),
  status: conversationStatusSchema,
  lang: langSchema,
  /** The visitor gave no language at start: `lang` follows the language they write in. */
  langFromMessages: z.boolean().optional(),
  page: z.string().optional(),
  visitor: visitorSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  resolvedAt: z.number().optional(),
  /** Who resolved it last: 'bot' or a staff user id (for CSAT reports). */
  resolvedBy: z.string().optional(),
  assigneeId: z.string().optional(),
  /** When a person first answered (the SLA's end). */
  firstHumanReplyAt: z.number().optional(),
  resolution: z.string().optional(),
  /** Attributes the website passed, verified by its signature (see http/site-attributes.ts). */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  vip: z.boolean().default(false),
  department: z.string().optional(),
  /** Bot turns in a row that ended without a confident answer (repeated-miss handoff). */
  missStreak: z.number().int().default(0),
  version: z.number().int(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const messageRoleSchema = z.enum(['visitor', 'bot', 'operator', 'system', 'note']);
export type MessageRole = z.infer<typeof messageRoleSchema>;

/** One transcript entry. `note` is internal to operators and never shown to the visitor. */
export const messageSchema = z.object({
  id: z.string(),
  role: messageRoleSchema,
  text: z.string(),
  createdAt: z.number(),
  clientId: z.string().optional(),
  authorId: z.string().optional(),
  sources: z.array(sourceSchema).optional(),
  /** On the bot's reply: the visitor message it answers and the decision it made. */
  replyTo: z.string().optional(),
  decision: decisionSummarySchema.optional(),
});
export type Message = z.infer<typeof messageSchema>;

/** A message as the visitor sees it: no internal notes, no decision, no author id. */
export const publicMessageSchema = z
  .object({
    id: z.string(),
    role: messageRoleSchema.exclude(['note']),
    text: z.string(),
    createdAt: z.number().meta({ description: 'Epoch milliseconds' }),
    clientId: z.string().optional(),
    sources: z.array(sourceSchema).optional(),
    replyTo: z.string().optional(),
    /** On a clarifying question: the articles to choose from (the widget shows them as buttons). */
    options: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
  })
  .meta({ id: 'Message' });
export type PublicMessage = z.infer<typeof publicMessageSchema>;

/** A message as the visitor sees it: the bot's internal decision and notes stay behind. */
export function toPublicMessage(m: Message): PublicMessage {
  if (m.role === 'note') throw new Error('internal notes are never shown to visitors');
  // A client id is the visitor's own idempotency key; the bot's answers carry an internal one.
  const options = m.decision?.kind === 'clarify' && m.sources?.length ? m.sources.map(({ id, title }) => ({ id, title })) : undefined;
  return {
    id: m.id,
    role: m.role,
    text: m.text,
    createdAt: m.createdAt,
    clientId: m.role === 'visitor' ? m.clientId : undefined,
    sources: m.sources,
    replyTo: m.replyTo,
    ...(options ? { options } : {}),
  };
}

/** What the visitor may see of a transcript: everything but internal notes. */
export function visibleToVisitor(messages: Message[]): PublicMessage[] {
  return messages.filter((m) => m.role !== 'note').map(toPublicMessage);
}
