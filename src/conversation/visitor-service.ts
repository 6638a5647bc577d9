import { say } from '../answer/phrases';
import type { Deps } from '../deps';
import type { Conversation, Lang, Message } from '../domain/conversation';
import { summarize, type Decision } from '../domain/decision';
import type { DecisionReason, DecisionSummary } from '../domain/decision-summary';
import { detectLanguage } from '../domain/language';
import { queuePriority } from '../domain/handoff-policy';
import type { TurnReason } from '../domain/turn-reasons';
import { contactConfirmation } from '../domain/visitor-notices';
import { AppError } from '../http/errors';
import { enforceRateLimit } from '../http/rate-limit';
import { issueVisitorToken } from '../security/visitor-token';
import { handoffCollections } from './collections';
import { availabilityFor, handOff, type HandoffResult } from './handoff';
import { countResolved } from './rollups';
import { applyAction, assertConversationId, loadConversation, moveConversation, retainSeconds } from './records';
import { answerKey, messageText, postAnswer, postMessage, postNotice, publishMessage, publishStatus, publishToOperators } from './transcript';

export interface StartInput {
  lang?: Lang;
  page?: string;
  visitor?: { name?: string; email?: string };
  /** Verified site attributes (the route checks the signature). */
  attributes?: Record<string, string | number | boolean>;
}

export interface PostResult {
  message: Message;
  reply?: Message;
  decision: DecisionSummary & { handoff?: HandoffSummary };
}

/** What the visitor is told about the handoff: a wait, or the contact form. */
export type HandoffSummary = HandoffResult['availability'];

const SILENT: DecisionSummary = { kind: 'silent', confidence: 0, reasons: ['with_operator'], sources: [] };

/** The visitor's side of a conversation: start it, post to it, read it, ask for a person, rate it. */
export function createVisitorService(deps: Deps) {
  const { store, clock, env } = deps;

  async function start(input: StartInput) {
    const now = clock.now();
    const conversation: Conversation = {
      id: deps.ids(),
      status: 'bot',
      lang: input.lang ?? 'en',
      ...(input.lang ? {} : { langFromMessages: true }),
      page: input.page,
      visitor: input.visitor,
      attributes: input.attributes,
      vip: input.attributes?.vip === true,
      createdAt: now,
      updatedAt: now,
      missStreak: 0,
      version: 1,
    };
    if (!(await store.conversations.create(conversation, retainSeconds(deps, conversation.status)))) throw new AppError('conflict', 'Conversation id collision; try again');
    const greeting = await postMessage(deps, conversation.id, { role: 'bot', text: say('greeting', conversation.lang) });
    const token = await issueVisitorToken(deps.visitorSigner, conversation.id);
    return { conversation, token, messages: [greeting] };
  }

  const withinReopenWindow = (c: Conversation): boolean => clock.now() - (c.resolvedAt ?? c.updatedAt) <= env.REOPEN_WINDOW_MINUTES * 60_000;

  /** Throws 409 conversation_closed for a resolved conversation past its reopen window; writes nothing. */
  function assertReopenable(conversation: Conversation): void {
    if (conversation.status === 'resolved') applyAction(conversation, { type: 'reopen', withinWindow: withinReopenWindow(conversation) });
  }

  /** The record reopened, when it is resolved and within the window (else 409); as it is otherwise. */
  const reopened = (c: Conversation): Conversation =>
    c.status !== 'resolved'
      ? c
      : { ...applyAction(c, { type: 'reopen', withinWindow: withinReopenWindow(c) }), resolvedAt: undefined, resolvedBy: undefined, assigneeId: undefined };

  const announceReopen = (id: string, after: Conversation) =>
    Promise.all([publishStatus(deps, id, { status: after.status }), publishToOperators(deps, 'reopened', { conversationId: id })]);

  /** Reopen a resolved conversation when the visitor writes within the window; else 409. */
  async function reopenIfResolved(conversation: Conversation): Promise<Conversation> {
    if (conversation.status !== 'resolved') return conversation;
    const { after, changed } = await moveConversation(deps, conversation.id, (c) => (c.status === 'resolved' ? { next: reopened(c) } : null), conversation);
    if (changed) await announceReopen(conversation.id, after);
    return after;
  }

  /**
   * A visitor message. The record, the transcript and an earlier message under the same clientId
   * are read in one step (beside the rate limit), the bot decides on them, and one atomic move
   * stores the message with its answer, the reopen it causes, its language and the miss count.
   * The move is checked against the version read: when an operator claimed, or a resolve landed,
   * in the meantime, it is decided again on the fresh record (and the bot stays silent for a
   * person), so a message can neither land in a closed conversation unnoticed nor get the bot's
   * answer in an operator's chat. Nothing is stored before the move: a failed bot leaves no
   * message behind, and the client's retry is a first attempt.
   */
  async function post(id: string, input: { text: string; clientId?: string }): Promise<PostResult> {
    const text = messageText(deps, input.text);
    assertConversationId(id);
    const limited = limitAttempt(id, input.clientId).then(
      () => null,
      (error: unknown) => error,
    );
    const snap = await store.conversations.snapshot(id, input.clientId);
    const limitError = await limited;
    if (!snap.conversation) throw new AppError('not_found', 'Conversation not found');
    // A retry of an acknowledged message is answered as the first time, before any limit or reopen.
    if (snap.earlier) return replay(id, snap.earlier);
    if (limitError) throw limitError;
    // A conversation closed for good refuses the message before anything is stored.
    assertReopenable(snap.conversation);
    const message: Message = { id: deps.ids(), role: 'visitor', text, createdAt: clock.now(), clientId: input.clientId };
    const lang = detectLanguage(text, snap.conversation.lang);
    // With no language given at start, notices, the packet and the operator follow the visitor's.
    const shaped = (c: Conversation): Conversation => {
      const next = reopened(c);
      return next.langFromMessages && lang !== next.lang ? { ...next, lang } : next;
    };
    const planned = shaped(snap.conversation);
    const decision = planned.status === 'bot' ? await deps.bot.decide({ conversation: planned, text, lang, history: snap.messages }) : undefined;
    const meta = decision ? { replyTo: message.id, decision: summarize(decision) } : undefined;
    const reply: Message | undefined =
      decision && meta && (decision.kind === 'answer' || decision.kind === 'clarify')
        ? { id: deps.ids(), createdAt: clock.now(), role: 'bot', text: decision.reply, sources: decision.sources, decision: meta.decision, replyTo: message.id, clientId: answerKey(message.id) }
        : undefined;

    let answered = false;
    const { before, after, result } = await moveConversation(
      deps,
      id,
      (c) => {
        let next = shaped(c);
        // The bot took its time: a person may have the chat now, and then the bot stays silent.
        answered = reply !== undefined && next.status === 'bot';
        // Counted on the record the step writes, so two different turns at once both count.
        if (answered && decision) next = { ...next, missStreak: 'miss' in decision && decision.miss ? next.missStreak + 1 : 0 };
        const changed = JSON.stringify(next) !== JSON.stringify(c);
        // The last slot of a conversation stays free for the answer, so a stored message is never 413.
        return { next: changed ? next : undefined, append: { message, maxMessages: env.MAX_MESSAGES - 1, reply: answered ? reply : undefined } };
      },
      snap.conversation,
    );
    if (result.status === 'duplicate') return replay(id, result.message);
    if (result.status === 'full') throw new AppError('conversation_too_long', `A conversation holds at most ${env.MAX_MESSAGES} messages; start a new one`);
    await Promise.all([
      publishMessage(deps, id, message),
      answered && reply ? publishMessage(deps, id, reply) : undefined,
      before.status === 'resolved' && after.status !== 'resolved' ? announceReopen(id, after) : undefined,
    ]);
    if (answered && reply && meta) return { message, reply, decision: meta.decision };
    // A handoff asked for while the button was pressed: one handoff, and the wait is told.
    if (decision?.kind === 'handoff') return { message, ...(await act(after, message, decision, lang)) };
    // While a person is still to come, the bot answers what it is sure of; once one has it, it is silent.
    if (after.status === 'waiting' && !answered) return { message, ...(await answerWhileWaiting(after, message, lang)) };
    // A person owns it (or is about to): the bot stays silent.
    if (!decision || after.status !== 'bot' || reply) return { message, decision: SILENT };
    return { message, ...(await act(after, message, decision, lang)) };
  }

  /** Visitor messages per conversation per minute. */
  const limitMessages = (id: string) =>
    enforceRateLimit(deps, { name: 'messages', limit: env.RATE_MESSAGES_PER_MINUTE, windowSeconds: 60 }, id, 'Too many messages; wait a moment');
  /**
   * Retries (a clientId seen within the minute) have their own budget of the same size: a widget
   * resending one message on a bad network, even 100 times at once, must not use up the limit
   * that the visitor's next message needs. A retry that makes the bot answer again counts here.
   */
  const limitRetries = (id: string) =>
    enforceRateLimit(deps, { name: 'message-retries', limit: env.RATE_MESSAGES_PER_MINUTE, windowSeconds: 60 }, id, 'Too many retries; wait a moment');
  /** The first attempt of a clientId in a minute counts as a message, every later one as a retry. */
  async function limitAttempt(id: string, clientId: string | undefined) {
    if (!clientId || env.RATE_LIMITS !== 'on') return limitMessages(id);
    const first = await store.rateLimiter.limit({ name: 'message-attempt', limit: 1, windowSeconds: 60 }, `${id}:${clientId}`);
    return first.success ? limitMessages(id) : limitRetries(id);
  }

  /** The bot's turn on one stored visitor message; `history` is the transcript before it. */
  async function answer(conversation: Conversation, message: Message, history: Message[], lang: Lang) {
    const decision = await deps.bot.decide({ conversation, text: message.text, lang, history });
    return act(conversation, message, decision, lang);
  }

  /**
   * A visitor waiting for a person keeps asking: a confident answer (or small talk) is given at
   * once, with word that the person still joins; the chat stays in the queue. Anything the bot
   * is unsure of waits for the person.
   */
  async function answerWhileWaiting(conversation: Conversation, message: Message, lang: Lang) {
    const history = await store.transcripts.list(conversation.id);
    const decision = await deps.bot.decide({ conversation, text: message.text, lang, history: history.filter((m) => m.id !== message.id) });
    if (decision.kind !== 'answer') return { decision: SILENT };
    const reasons: DecisionReason[] = [...decision.reasons, 'while_waiting' satisfies TurnReason];
    const summary = { ...summarize(decision), reasons };
    // Claimed meanwhile: the operator speaks now.
    if ((await loadConversation(deps, conversation.id)).status !== 'waiting') return { decision: SILENT };
    const text = decision.reasons.includes('small_talk') ? decision.reply : `${decision.reply}\n\n${say('stillJoining', lang)}`;
    const posted = await postAnswer(deps, conversation.id, message.id, { role: 'bot', text, sources: decision.sources, decision: summary });
    return { reply: posted?.message, decision: posted?.message.decision ?? summary };
  }

  async function act(conversation: Conversation, message: Message, decision: Decision, lang: Lang) {
    const meta = { replyTo: message.id, decision: summarize(decision) };
    switch (decision.kind) {
      case 'answer':
      case 'clarify': {
        // The bot took its time: a person may have the chat now, and then the bot stays silent.
        if ((await loadConversation(deps, conversation.id)).status !== 'bot') return { decision: SILENT };
        const posted = await postAnswer(deps, conversation.id, message.id, { role: 'bot', text: decision.reply, sources: decision.sources, decision: meta.decision });
        // Only the attempt that stored the answer counts the turn (a retry racing it does not),
        // on the record itself, so two different turns at once both count.
        if (posted?.fresh) {
          await moveConversation(deps, conversation.id, (c) => (c.status === 'bot' ? { next: { ...c, missStreak: decision.miss ? c.missStreak + 1 : 0 } } : null));
        }
        return { reply: posted?.message, decision: posted?.message.decision ?? meta.decision };
      }
      case 'handoff': {
        const result = await handOff(deps, conversation.id, {
          reasons: decision.reasons,
          department: decision.department ?? 'general',
          priority: decision.priority ?? 0,
          confidence: decision.confidence,
          candidates: decision.candidates ?? [],
          complaint: decision.complaint ?? null,
          suggestedReply: decision.suggestedReply,
          lang,
        });
        // Already handed off (the button, pressed meanwhile): its notice is in the transcript once.
        if (!result.changed) return { decision: { ...meta.decision, handoff: result.availability } };
        // An always-human article: the shop's own answer first, then what happens next.
        const text = decision.reply ? `${decision.reply}\n\n${result.notice}` : result.notice;
        const posted = await postAnswer(deps, conversation.id, message.id, { role: decision.reply ? 'bot' : 'system', text, sources: decision.sources, decision: meta.decision });
        return { reply: posted?.message, decision: { ...meta.decision, handoff: result.availability } };
      }
      case 'silent':
        return { decision: meta.decision };
    }
  }

  /**
   * A retried post: answer as the first time did, from the transcript. A handoff's availability
   * is not kept with the reply, so it is told as it stands now (the wait has moved on anyway).
   * With no answer stored (the first attempt failed, or is still being answered, which is why a
   * client retries) and the bot in charge, the message is answered now; answers are stored once
   * per message, so a retry racing the first attempt gets the same answer, not a second one.
   */
  async function replay(id: string, message: Message): Promise<PostResult> {
    const transcript = await store.transcripts.list(id);
    const reply = transcript.find((m) => m.replyTo === message.id);
    if (!reply) {
      const conversation = await loadConversation(deps, id);
      if (conversation.status !== 'bot') return { message, decision: SILENT };
      await limitRetries(id);
      const history = transcript.slice(0, transcript.findIndex((m) => m.id === message.id));
      return { message, ...(await answer(conversation, message, history, detectLanguage(message.text, conversation.lang))) };
    }
    const decision = reply.decision ?? SILENT;
    if (decision.kind !== 'handoff') return { message, reply, decision };
    // Only while a person is still to come or already there; a resolved chat promises no wait.
    const conversation = await loadConversation(deps, id);
    if (conversation.status !== 'waiting' && conversation.status !== 'assigned') return { message, reply, decision };
    return { message, reply, decision: { ...decision, handoff: await availabilityFor(deps, conversation) } };
  }

  async function read(id: string) {
    const conversation = await loadConversation(deps, id);
    const messages = await store.transcripts.list(id);
    return { conversation, messages };
  }

  /** The widget's "talk to a person" button. Asking twice changes nothing. */
  async function requestHuman(id: string) {
    const conversation = await reopenIfResolved(await loadConversation(deps, id));
    // The same department and priority as a typed "talk to a person", from the handoff policy.
    const { policy } = deps.config;
    const department = conversation.department ?? policy.defaultDepartment;
    const result = await handOff(deps, id, {
      reasons: ['explicit_request'],
      department,
      priority: queuePriority({ vip: conversation.vip, severity: 'none', humanRequested: true, department }, policy),
      confidence: 0,
      candidates: [],
      complaint: null,
      lang: conversation.lang,
    });
    if (result.changed) await postNotice(deps, id, { role: 'system', text: result.notice });
    return result;
  }

  /** A contact left while nobody is online: queued as a callback, and shown in the transcript. */
  async function leaveContact(id: string, input: { email?: string; phone?: string; message?: string }) {
    const conversation = await loadConversation(deps, id);
    const contact = { conversationId: id, ...input, createdAt: clock.now(), status: 'pending' as const };
    const parts = [input.email, input.phone].filter(Boolean).join(', ');
    // Transcript first: on a full conversation the visitor gets 413 and no callback is half-made.
    await postMessage(deps, id, { role: 'visitor', text: `Contact: ${parts}${input.message ? `\n${input.message}` : ''}` });
    await handoffCollections(store).contacts.put(id, contact);
    await publishToOperators(deps, 'callback', { conversationId: id });
    await postNotice(deps, id, { role: 'system', text: contactConfirmation(input, conversation.lang) });
    return contact;
  }

  /** CSAT after resolution, by whoever resolved it (the bot or a person). */
  async function rate(id: string, input: { score: number; comment?: string }) {
    const conversation = await loadConversation(deps, id);
    if (conversation.status !== 'resolved') throw new AppError('illegal_transition', 'A conversation can be rated once it is resolved');
    const rating = { conversationId: id, score: input.score, comment: input.comment, resolvedBy: conversation.resolvedBy ?? 'bot', createdAt: clock.now() };
    await handoffCollections(store).ratings.put(id, rating);
    await publishToOperators(deps, 'rated', { conversationId: id, score: input.score });
    return rating;
  }

  /** The visitor ends a conversation the bot handled ("that answered it"): resolved by the bot. */
  async function closeByVisitor(id: string) {
    const { after, changed } = await moveConversation(deps, id, (c) => {
      if (c.status !== 'bot') throw new AppError('illegal_transition', `Only a conversation with the bot can be closed by the visitor; it is ${c.status}`);
      return { next: { ...applyAction(c, { type: 'resolve' }), resolvedAt: clock.now(), resolvedBy: 'bot' } };
    });
    if (changed) await Promise.all([publishStatus(deps, id, { status: after.status }), countResolved(deps, 'bot')]);
    return after;
  }

  return { start, post, read, requestHuman, leaveContact, rate, closeByVisitor };
}

export type VisitorService = ReturnType<typeof createVisitorService>;
