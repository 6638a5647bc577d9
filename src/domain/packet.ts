import { handoffReasonSchema } from './decision-summary';
import { z } from 'zod';
import { langSchema } from './conversation';

/**
 * The handoff packet: written when a conversation goes to a person, shown to the operator with
 * the live transcript. Everything the operator needs to reply without scrolling back.
 */
export const packetSchema = z.object({
  conversationId: z.string(),
  createdAt: z.number(),
  reasons: z.array(handoffReasonSchema),
  department: z.string(),
  priority: z.number(),
  lang: langSchema,
  /** What the visitor wants, in their own words (extractive). */
  summary: z.string(),
  facts: z.object({
    orderNumbers: z.array(z.string()),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    amounts: z.array(z.object({ value: z.number(), currency: z.enum(['RUB', 'USD', 'EUR']), text: z.string() })),
  }),
  /** The articles the bot considered, best first. */
  candidates: z.array(z.object({ id: z.string(), title: z.string(), score: z.number() })),
  confidence: z.number(),
  complaint: z.object({ score: z.number(), severity: z.string() }).nullable(),
  page: z.string().optional(),
  visitor: z.object({ name: z.string().optional(), email: z.string().optional() }).optional(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** A first reply the operator may send or edit, drawn from the knowledge base. */
  suggestedReply: z.string().optional(),
});
export type Packet = z.infer<typeof packetSchema>;

/** A conversation waiting in the operator queue. */
export const queueEntrySchema = z.object({
  conversationId: z.string(),
  department: z.string(),
  priority: z.number(),
  waitingSince: z.number(),
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;

/** An operator's presence, refreshed by the console's heartbeat. */
export const presenceStatusSchema = z.enum(['online', 'away', 'offline']);
export type PresenceStatus = z.infer<typeof presenceStatusSchema>;
/** `online` is true only for "online": an operator who is away is neither promised to visitors nor assigned. */
export const presenceSchema = z.object({ online: z.boolean(), status: presenceStatusSchema.optional(), lastSeen: z.number() });

/** A contact left while nobody was online: a callback to make. */
export const contactSchema = z.object({
  conversationId: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  message: z.string().optional(),
  createdAt: z.number(),
  status: z.enum(['pending', 'done']),
});

/** The visitor's rating of a resolved conversation, with who resolved it. */
export const ratingSchema = z.object({
  conversationId: z.string(),
  score: z.number().int().min(1).max(5),
  comment: z.string().optional(),
  resolvedBy: z.string(),
  createdAt: z.number(),
});
export type Rating = z.infer<typeof ratingSchema>;
