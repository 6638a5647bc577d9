import { z } from 'zod';
import type { Conversation, Lang, Message } from './conversation';
import { decisionReasonSchema, sourceSchema, type DecisionSummary } from './decision-summary';

import { handoffReasonSchema } from './decision-summary';

export { handoffReasonSchema, type HandoffReason } from './decision-summary';

const base = {
  /** Calibrated probability that the best article is the right one (0 when none was looked up). */
  confidence: z.number().min(0).max(1),
  reasons: z.array(decisionReasonSchema),
  sources: z.array(sourceSchema),
};

/**
 * The bot's decision for one visitor message: a value, never an exception. `answer` carries
 * the reply and its source; `clarify` offers the close candidates; `handoff` says why.
 */
const candidateSchema = z.object({ id: z.string(), title: z.string(), score: z.number() });

const decisionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answer'),
    ...base,
    reply: z.string(),
    /** This turn counts as a miss for the repeated-misses rule (never for a confident answer). */
    miss: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('clarify'),
    ...base,
    reply: z.string(),
    options: z.array(z.object({ id: z.string(), title: z.string() })),
    miss: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('handoff'),
    ...base,
    reasons: z.array(handoffReasonSchema),
    department: z.string().optional(),
    /** Queue priority: higher is more urgent. */
    priority: z.number().optional(),
    /** For the handoff packet: what the bot looked at and how the visitor sounded. */
    candidates: z.array(candidateSchema).optional(),
    complaint: z.object({ score: z.number(), severity: z.string() }).nullable().optional(),
    suggestedReply: z.string().optional(),
  }),
  /** The conversation is with a person already: the bot stays silent. */
  z.object({ kind: z.literal('silent'), ...base }),
]);
export type Decision = z.infer<typeof decisionSchema>;

export function summarize(decision: Decision): DecisionSummary {
  return { kind: decision.kind, confidence: decision.confidence, reasons: decision.reasons, sources: decision.sources };
}

export interface BotInput {
  conversation: Conversation;
  text: string;
  lang: Lang;
  /** The transcript before this message. */
  history: Message[];
}

/**
 * The bot's decision port. The knowledge-base bot is the real one; until a knowledge base is
 * configured, `noKnowledgeBaseBot` hands every question to a person rather than invent answers.
 */
export interface Bot {
  decide(input: BotInput): Promise<Decision>;
}

export const noKnowledgeBaseBot: Bot = {
  async decide() {
    return { kind: 'handoff', confidence: 0, reasons: ['no_knowledge_base'], sources: [] };
  },
};
