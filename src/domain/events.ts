import { z } from 'zod';
import { conversationStatusSchema, messageSchema, publicMessageSchema } from './conversation';
import { handoffReasonSchema } from './decision-summary';

/**
 * The event streams' contract. Every event a publisher appends is one member of these unions,
 * and the pages read them through the same types: a renamed field breaks the build, not the
 * widget. Both are declared in /openapi.json (see routes/*\/events).
 */

const conversationId = z.string();

/** What a visitor's own stream carries: their conversation's public messages, status and typing. */
export const visitorEventSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('message'), data: publicMessageSchema }),
    z.object({
      type: z.literal('status'),
      data: z.object({
        status: conversationStatusSchema,
        /** Who took the chat, when a person did. */
        operator: z.object({ name: z.string() }).optional(),
      }),
    }),
    z.object({ type: z.literal('typing'), data: z.object({ who: z.literal('operator'), name: z.string().optional() }) }),
  ])
  .meta({ id: 'VisitorEvent' });
export type VisitorEvent = z.infer<typeof visitorEventSchema>;

/** What the operators' shared stream carries: queue changes, presence and every message. */
export const operatorEventSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('message'), data: z.object({ conversationId, message: messageSchema }) }),
    z.object({
      type: z.literal('handoff'),
      data: z.object({
        conversationId,
        reasons: z.array(handoffReasonSchema),
        department: z.string().optional(),
        priority: z.number().optional(),
        summary: z.string(),
      }),
    }),
    z.object({ type: z.literal('claimed'), data: z.object({ conversationId, operatorId: z.string() }) }),
    z.object({ type: z.literal('transferred'), data: z.object({ conversationId, department: z.string().optional(), by: z.string() }) }),
    z.object({ type: z.literal('resolved'), data: z.object({ conversationId, by: z.string() }) }),
    z.object({ type: z.literal('released'), data: z.object({ conversationId, by: z.string() }) }),
    z.object({ type: z.literal('reopened'), data: z.object({ conversationId }) }),
    z.object({ type: z.literal('presence'), data: z.object({ operatorId: z.string(), online: z.boolean(), status: z.enum(['online', 'away', 'offline']).optional() }) }),
    z.object({ type: z.literal('callback'), data: z.object({ conversationId }) }),
    z.object({ type: z.literal('callback_done'), data: z.object({ conversationId, by: z.string() }) }),
    z.object({ type: z.literal('rated'), data: z.object({ conversationId, score: z.number() }) }),
    z.object({ type: z.literal('typing'), data: z.object({ conversationId, who: z.literal('visitor') }) }),
    /** An operator marked a bot answer as wrong (the reports count these). */
    z.object({ type: z.literal('answer_flagged'), data: z.object({ conversationId, messageId: z.string(), by: z.string() }) }),
  ])
  .meta({ id: 'OperatorEvent' });
export type OperatorEvent = z.infer<typeof operatorEventSchema>;

/**
 * The stream's own control events, on both streams: `ready` opens every response (from where it
 * goes on), `resync` says events were missed (reload the conversation, then go on).
 */
export const streamControlEventSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('ready'), data: z.object({ lastEventId: z.number() }) }),
    z.object({ type: z.literal('resync'), data: z.object({ missedAfter: z.number() }) }),
  ])
  .meta({ id: 'StreamControlEvent' });
export type StreamControlEvent = z.infer<typeof streamControlEventSchema>;

/** The data of one event type, for publishers: `EventData<OperatorEvent, 'claimed'>`. */
export type EventData<E extends { type: string; data: unknown }, T extends E['type']> = Extract<E, { type: T }>['data'];
