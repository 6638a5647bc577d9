import { say } from '../answer/phrases';
import type { Deps } from '../deps';
import { toPublicMessage, type Conversation, type Lang, type Message } from '../domain/conversation';
import { summarize, type Decision } from '../domain/decision';
import type { DecisionSummary } from '../domain/decision-summary';
import { detectLanguage } from '../domain/language';
import { AppError } from '../http/errors';
import { issueVisitorToken } from '../security/visitor-token';
import { applyAction, loadConversation, updateConversation } from './records';
import { OPERATOR_STREAM, visitorStream } from './streams';

export interface StartInput {
  lang?: Lang;
  page?: string;
  visitor?: { name?: string; email?: string };
}

export interface PostResult {
  message: Message;
  reply?: Message;
  decision: DecisionSummary;
}

const SILENT: DecisionSummary = { kind: 'silent', confidence: 0, reasons: ['with_operator'], sources: [] };

/** The visitor's side of a conversation: start it, post to it, read it. */
export function createVisitorService(deps: Deps) {
  const { store, clock, env } = deps;

  const publish = (conversationId: string, type: string, data: unknown) =>
    store.events.append(visitorStream(conversationId), { type, data });

  async function append(conversationId: string, message: Message) {
    const stored = await store.transcripts.append(conversationId, message, env.MAX_MESSAGES);
    if (stored.status === 'full') {
      throw new AppError('conversation_too_long', `A conversation holds at most ${env.MAX_MESSAGES} messages; start a new one`);
    }
    return stored;
  }

  async function addMessage(conversationId: string, message: Omit<Message, 'id' | 'createdAt'>): Promise<Message> {
    const full: Message = { id: deps.ids(), createdAt: clock.now(), ...message };
    const stored = await append(conversationId, full);
    await publish(conversationId, 'message', toPublicMessage(stored.message));
    return stored.message;
  }

  async function start(input: StartInput) {
    const now = clock.now();
    const conversation: Conversation = {
      id: deps.ids(),
      status: 'bot',
      lang: input.lang ?? 'en',
      page: input.page,
      visitor: input.visitor,
      createdAt: now,
      updatedAt: now,
      missStreak: 0,
      version: 1,
    };
    if (!(await store.conversations.create(conversation))) throw new AppError('conflict', 'Conversation id collision; try again');
    const greeting = await addMessage(conversation.id, { role: 'bot', text: say('greeting', conversation.lang) });
    const token = await issueVisitorToken(deps.visitorSigner, conversation.id);
    return { conversation, token, messages: [greeting] };
  }

  /** Reopen a resolved conversation when the visitor writes within the window; else 409. */
  async function reopenIfResolved(conversation: Conversation): Promise<Conversation> {
    if (conversation.status !== 'resolved') return conversation;
    const windowMs = env.REOPEN_WINDOW_MINUTES * 60_000;
    const { after, changed } = await updateConversation(deps, conversation.id, (c) => {
      if (c.status !== 'resolved') return c;
      const withinWindow = clock.now() - (c.resolvedAt ?? c.updatedAt) <= windowMs;
      return { ...applyAction(c, { type: 'reopen', withinWindow }), resolvedAt: undefined, resolvedBy: undefined };
    });
    if (changed) await publish(conversation.id, 'status', { status: after.status });
    return after;
  }

  async function post(id: string, input: { text: string; clientId?: string }): Promise<PostResult> {
    const text = input.text.trim();
    if (text.length > env.MAX_MESSAGE_CHARS) {
      throw new AppError('message_too_long', `A message holds at most ${env.MAX_MESSAGE_CHARS} characters`);
    }
    if (env.RATE_LIMITS === 'on') {
      const limit = await store.rateLimiter.limit({ name: 'messages', limit: env.RATE_MESSAGES_PER_MINUTE, windowSeconds: 60 }, id);
      if (!limit.success) throw new AppError('rate_limited', 'Too many messages; wait a moment', { retryAt: limit.reset });
    }
    const conversation = await reopenIfResolved(await loadConversation(deps, id));

    // Stored before anything else is done with it: from here on the message is never lost.
    const message: Message = { id: deps.ids(), role: 'visitor', text, createdAt: clock.now(), clientId: input.clientId };
    const stored = await append(id, message);
    if (stored.status === 'duplicate') return replay(id, stored.message);
    await publish(id, 'message', toPublicMessage(stored.message));

    if (conversation.status !== 'bot') {
      await store.events.append(OPERATOR_STREAM, { type: 'visitor_message', data: { conversationId: id, message: stored.message } });
      return { message: stored.message, decision: SILENT };
    }

    const lang = detectLanguage(text, conversation.lang);
    const history = await store.transcripts.list(id, { limit: stored.index });
    const decision = await deps.bot.decide({ conversation, text, lang, history });
    const reply = await act(conversation, stored.message, decision, lang);
    return { message: stored.message, reply, decision: summarize(decision) };
  }

  async function act(conversation: Conversation, message: Message, decision: Decision, lang: Lang): Promise<Message | undefined> {
    const summary = summarize(decision);
    const meta = { replyTo: message.id, decision: summary };
    switch (decision.kind) {
      case 'answer':
      case 'clarify': {
        const streak = decision.kind === 'clarify' ? conversation.missStreak + 1 : 0;
        await updateConversation(deps, conversation.id, (c) => ({ ...c, missStreak: streak }));
        return addMessage(conversation.id, { role: 'bot', text: decision.reply, sources: decision.sources, ...meta });
      }
      case 'handoff': {
        const { after, changed } = await updateConversation(deps, conversation.id, (c) =>
          c.status === 'bot'
            ? { ...applyAction(c, { type: 'handoff' }), missStreak: 0, department: decision.department ?? c.department }
            : c,
        );
        if (changed) {
          await publish(conversation.id, 'status', { status: after.status });
          await store.events.append(OPERATOR_STREAM, {
            type: 'handoff',
            data: { conversationId: conversation.id, reasons: decision.reasons, department: after.department },
          });
        }
        return addMessage(conversation.id, { role: 'system', text: say('handedOff', lang), ...meta });
      }
      case 'silent':
        return undefined;
    }
  }

  /** A retried post: answer as the first time did, from the transcript. */
  async function replay(id: string, message: Message): Promise<PostResult> {
    const transcript = await store.transcripts.list(id);
    const reply = transcript.find((m) => m.replyTo === message.id);
    return { message, reply, decision: reply?.decision ?? SILENT };
  }

  async function read(id: string) {
    const conversation = await loadConversation(deps, id);
    const messages = await store.transcripts.list(id);
    return { conversation, messages };
  }

  return { start, post, read };
}

export type VisitorService = ReturnType<typeof createVisitorService>;
