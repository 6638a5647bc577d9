import { z } from 'zod';

/**
 * Why the bot said what it said on a turn that is not a handoff (handoff reasons live in
 * decision.ts). One closed list, so reports and pages can rely on the names.
 */
export const turnReasonSchema = z.enum([
  /** a greeting, thanks, goodbye, "ok", an emoji or "are you a bot?": answered in kind */
  'small_talk',
  /** nothing in the knowledge base comes close: the bot says what it can help with */
  'off_topic',
  /** close, but not sure: the visitor is asked to say it in other words */
  'unsure',
  /** two articles fit: the visitor is asked which one */
  'ambiguous',
  /** the visitor picked one of the options the bot offered on its last turn */
  'clarify_answer',
  /** a short follow-up read together with the previous question */
  'follow_up',
  /** the chat waits for a person; the bot answers a question it is sure of meanwhile */
  'while_waiting',
  /** a person has the chat: the bot stays silent */
  'with_operator',
]);
export type TurnReason = z.infer<typeof turnReasonSchema>;
