import type { Deps } from '../deps';
import { toPublicMessage, type Message } from '../domain/conversation';
import type { EventData, OperatorEvent, VisitorEvent } from '../domain/events';
import { AppError } from '../http/errors';
import { OPERATOR_STREAM, visitorStream } from './streams';

/** A visitor's or operator's text, trimmed, or 413 when longer than MAX_MESSAGE_CHARS. */
export function messageText(deps: Deps, raw: string): string {
  const text = raw.trim();
  if (text.length > deps.env.MAX_MESSAGE_CHARS) {
    throw new AppError('message_too_long', `A message holds at most ${deps.env.MAX_MESSAGE_CHARS} characters`);
  }
  return text;
}

/**
 * Append a message to the transcript, or 413 when the conversation is full. `reserve` keeps that
 * many slots free for what follows: a visitor's message needs room for its answer.
 */
export async function appendMessage(deps: Deps, conversationId: string, message: Message, opts: { reserve?: number } = {}) {
  const stored = await deps.store.transcripts.append(conversationId, message, deps.env.MAX_MESSAGES - (opts.reserve ?? 0));
  if (stored.status === 'full') {
    throw new AppError('conversation_too_long', `A conversation holds at most ${deps.env.MAX_MESSAGES} messages; start a new one`);
  }
  return stored;
}

/**
 * Room past MAX_MESSAGES that answers may use: each visitor message keeps one slot free for its
 * answer, but several messages in flight at once share that slot. A stored message is answered.
 */
const ANSWER_SLACK = 20;

/** The idempotency key of the answer to one visitor message (visitor keys cannot hold control characters). */
export const answerKey = (messageId: string) => `\u0001answer:${messageId}`;

/**
 * The bot's answer (or handoff notice) to one visitor message, stored at most once however many
 * times that message is answered (a retry racing the first attempt): the second gets the first's.
 */
export async function postAnswer(
  deps: Deps,
  conversationId: string,
  replyTo: string,
  message: Omit<Message, 'id' | 'createdAt' | 'clientId' | 'replyTo'>,
): Promise<{ message: Message; fresh: boolean } | undefined> {
  const full: Message = { id: deps.ids(), createdAt: deps.clock.now(), ...message, replyTo, clientId: answerKey(replyTo) };
  const stored = await deps.store.transcripts.append(conversationId, full, deps.env.MAX_MESSAGES + ANSWER_SLACK);
  if (stored.status === 'full') {
    deps.logger.warn('transcript full: answer not written', { conversationId, replyTo });
    return undefined;
  }
  if (stored.status === 'stored') await publishMessage(deps, conversationId, stored.message);
  return { message: stored.message, fresh: stored.status === 'stored' };
}

/**
 * A notice that follows a change already made (an operator joined, a transfer, a resolution):
 * written when there is room, skipped on a full transcript, so the change it describes is
 * never turned into an error after the fact.
 */
export async function postNotice(deps: Deps, conversationId: string, message: Omit<Message, 'id' | 'createdAt'>): Promise<Message | undefined> {
  try {
    return await postMessage(deps, conversationId, message);
  } catch (error) {
    if (error instanceof AppError && error.code === 'conversation_too_long') {
      deps.logger.warn('transcript full: notice not written', { conversationId, role: message.role });
      return undefined;
    }
    throw error;
  }
}

/**
 * Write a message from the bot, the system or an operator, and tell whoever should know:
 * the visitor's stream gets everything but internal notes; operators get every message.
 */
export async function postMessage(
  deps: Deps,
  conversationId: string,
  message: Omit<Message, 'id' | 'createdAt'>,
): Promise<Message> {
  const full: Message = { id: deps.ids(), createdAt: deps.clock.now(), ...message };
  const stored = await appendMessage(deps, conversationId, full);
  await publishMessage(deps, conversationId, stored.message);
  return stored.message;
}

/** Both streams are written at once: on Upstash they share one round trip. */
export async function publishMessage(deps: Deps, conversationId: string, message: Message): Promise<void> {
  await Promise.all([
    message.role !== 'note' ? publishToVisitor(deps, conversationId, { type: 'message', data: toPublicMessage(message) }) : undefined,
    message.role !== 'bot' && message.role !== 'system' ? publishToOperators(deps, 'message', { conversationId, message }) : undefined,
  ]);
}

/** Append one event to the visitor's stream of a conversation. */
export const publishToVisitor = (deps: Deps, conversationId: string, event: VisitorEvent) =>
  deps.store.events.append(visitorStream(conversationId), event);

export const publishStatus = (deps: Deps, conversationId: string, data: EventData<VisitorEvent, 'status'>) =>
  publishToVisitor(deps, conversationId, { type: 'status', data });

/** Append one event to the operators' stream; `type` picks the data's shape from the union. */
export const publishToOperators = <T extends OperatorEvent['type']>(deps: Deps, type: T, data: EventData<OperatorEvent, T>) =>
  deps.store.events.append(OPERATOR_STREAM, { type, data } as OperatorEvent);
