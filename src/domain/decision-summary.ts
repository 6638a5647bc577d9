import { z } from 'zod';

/** An article the bot drew on, shown to the visitor as the answer's source. */
export const sourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().optional(),
  score: z.number().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** The part of a decision the public API returns and the transcript keeps with the bot's reply. */
export const decisionSummarySchema = z.object({
  kind: z.enum(['answer', 'clarify', 'handoff', 'silent']),
  confidence: z.number(),
  reasons: z.array(z.string()),
  sources: z.array(sourceSchema),
});
export type DecisionSummary = z.infer<typeof decisionSummarySchema>;
