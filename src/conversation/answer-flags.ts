import { z } from 'zod';
import type { Deps } from '../deps';
import { AppError } from '../http/errors';
import { collection } from '../store/collection';
import { loadConversation } from './records';
import { publishToOperators } from './transcript';

/** An operator's verdict that a bot answer was wrong: stored for the reports, one per message. */
export const answerFlagSchema = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  note: z.string(),
  by: z.string(),
  createdAt: z.number(),
  /** The articles the wrong answer cited: what an editor should look at. */
  sources: z.array(z.string()),
});
export type AnswerFlag = z.infer<typeof answerFlagSchema>;

export const answerFlags = (deps: Deps) => collection(deps.store.documents, 'answer-flags', answerFlagSchema);

/** Flag a bot message of the conversation as wrong (again: the newer note replaces the older). */
export async function flagBotAnswer(deps: Deps, input: { conversationId: string; messageId: string; note: string; by: string }): Promise<AnswerFlag> {
  await loadConversation(deps, input.conversationId);
  const messages = await deps.store.transcripts.list(input.conversationId);
  const message = messages.find((m) => m.id === input.messageId);
  if (!message) throw new AppError('not_found', 'No such message in this conversation');
  if (message.role !== 'bot') throw new AppError('validation_error', 'Only a bot answer can be flagged as wrong');
  const flag: AnswerFlag = { ...input, createdAt: deps.clock.now(), sources: (message.sources ?? []).map((s) => s.id) };
  await answerFlags(deps).put(`${input.conversationId}:${input.messageId}`, flag);
  await publishToOperators(deps, 'answer_flagged', { conversationId: input.conversationId, messageId: input.messageId, by: input.by });
  return flag;
}
