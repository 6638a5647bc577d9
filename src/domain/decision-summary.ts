import { z } from 'zod';

/** An article the bot drew on, shown to the visitor as the answer's source. */
export const sourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().optional(),
  score: z.number().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** Why a conversation goes to a person. One decision may carry several. */
export const handoffReasonSchema = z.enum([
  'low_confidence',
  'always_human',
  'complaint',
  'explicit_request',
  'repeated_misses',
  'vip',
  'no_knowledge_base',
]);
export type HandoffReason = z.infer<typeof handoffReasonSchema>;

/**
 * Every reason a decision can give, a closed set: the handoff reasons, and why the bot asked
 * back (`unsure`: nothing close enough; `ambiguous`: two close articles) or stayed silent.
 */
export const decisionReasonSchema = z.enum([...handoffReasonSchema.options, 'unsure', 'ambiguous', 'with_operator']);
export type DecisionReason = z.infer<typeof decisionReasonSchema>;

/** The part of a decision the public API returns and the transcript keeps with the bot's reply. */
export const decisionSummarySchema = z.object({
  kind: z.enum(['answer', 'clarify', 'handoff', 'silent']),
  confidence: z.number(),
  reasons: z.array(decisionReasonSchema),
  sources: z.array(sourceSchema),
});
export type DecisionSummary = z.infer<typeof decisionSummarySchema>;
