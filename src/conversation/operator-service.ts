import type { Deps } from '../deps';
import type { Conversation, Message } from '../domain/conversation';
import type { Packet, PresenceStatus } from '../domain/packet';
import { displayName, type StaffUser } from '../domain/staff-user';
import { packetSchema } from '../domain/packet';
import { slaState } from '../domain/sla';
import { staffMoveNotice, type StaffMove } from '../domain/visitor-notices';
import { AppError } from '../http/errors';
import type { HonoEnv } from '../http/hono-env';
import { handoffCollections, PACKETS } from './collections';
import { breachAt } from './handoff';
import { countResolved } from './rollups';
import { applyAction, loadConversation, moveConversation, updateConversation } from './records';
import { messageText, postMessage, postNotice, publishMessage, publishStatus, publishToOperators, publishToVisitor } from './transcript';

/** Rows a queue view returns unless asked for another page size. */
export const QUEUE_PAGE = 100;

/** Who is calling: set by the staff-auth middleware. */
export type Staff = HonoEnv['Variables']['staff'];

/** The operator's side: the queue, claiming, replying, transferring, resolving, releasing. */
export function createOperatorService(deps: Deps) {
  const { store, clock, env } = deps;
  const collections = handoffCollections(store);

  /**
   * One page of waiting conversations, most urgent first (SLA breaches, then priority, then the
   * longest wait), read from the sorted queue with each row's record and packet in one step.
   */
  async function queue(opts: { department?: string; offset?: number; limit?: number } = {}) {
    const now = clock.now();
    const { total, rows } = await store.queue.page({ department: opts.department, offset: opts.offset ?? 0, limit: opts.limit ?? QUEUE_PAGE, now, documents: PACKETS });
    const items = rows.flatMap(({ entry, conversation, document }) => {
      if (!conversation) return [];
      const packet = document === null ? null : packetSchema.parse(document);
      // Back in the queue after a transfer, a conversation already answered in time stays "met".
      // The SLA as the clock tells it: an urgent chat sits in the first group before it is late.
      const sla = slaState({ waitingSince: entry.waitingSince, firstHumanReplyAt: conversation.firstHumanReplyAt, targetSeconds: env.SLA_FIRST_REPLY_SECONDS, now, schedule: deps.config.schedule });
      // The language of the handoff (the packet's) is the one the operator should answer in.
      return [{ ...entry, id: entry.conversationId, lang: packet?.lang ?? conversation.lang, vip: conversation.vip, sla, packet, waitedSeconds: Math.round((now - entry.waitingSince) / 1000) }];
    });
    return { total, items };
  }

  async function view(id: string) {
    const conversation = await loadConversation(deps, id);
    const [messages, packet, rating] = await Promise.all([
      store.transcripts.list(id),
      collections.packets.get(id),
      collections.ratings.get(id),
    ]);
    // The SLA runs from the handoff to the first human reply, whether or not someone claimed it.
    const sla = packet
      ? slaState({ waitingSince: packet.createdAt, firstHumanReplyAt: conversation.firstHumanReplyAt, targetSeconds: env.SLA_FIRST_REPLY_SECONDS, now: clock.now(), schedule: deps.config.schedule })
      : null;
    return { conversation, messages, packet, rating, sla };
  }

  /** Contacts left while nobody was online, oldest first: the callbacks to make. */
  async function callbacks(status: 'pending' | 'done' = 'pending') {
    return (await collections.contacts.list())
      .map((c) => c.value)
      .filter((c) => c.status === status)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  async function completeCallback(conversationId: string, staff: Staff) {
    const contact = await collections.contacts.get(conversationId);
    if (!contact) throw new AppError('not_found', 'No callback for this conversation');
    await collections.contacts.put(conversationId, { ...contact, status: 'done' });
    await publishToOperators(deps, 'callback_done', { conversationId, by: staff.id });
    return { ...contact, status: 'done' as const };
  }

  /** Someone who can take a conversation: an enabled operator (or admin). Capacity is checked in the move. */
  async function taker(operatorId: string): Promise<StaffUser> {
    const user = await store.users.get(operatorId);
    if (!user || user.disabled) throw new AppError('not_found', 'No such operator');
    if (user.role !== 'operator' && user.role !== 'admin') throw new AppError('conflict', `${user.email} is not an operator`);
    return user;
  }

  const overCapacity = (user: StaffUser) => new AppError('over_capacity', `At capacity: ${user.capacity} conversations at once`);

  /**
   * Claim: one atomic step takes the conversation out of the queue and gives it to this
   * operator, counted against their capacity in that same step. Fifty claims at once: one
   * wins, the others find it assigned. One operator at capacity − 1 claiming ten at once: the
   * first step fills the last slot and the other nine find none; nothing to give back.
   * Claiming one's own conversation again is a no-op.
   */
  async function claim(id: string, staff: Staff): Promise<Conversation> {
    const [current, user, packet] = await Promise.all([loadConversation(deps, id), taker(staff.id), collections.packets.get(id)]);
    const notice = joinedNotice(user, packet?.lang ?? current.lang);
    const { after, changed, result } = await moveConversation(
      deps,
      id,
      (c) => {
        if (c.status === 'assigned' && c.assigneeId === staff.id) return null;
        if (c.status === 'assigned') throw new AppError('already_claimed', 'Another operator has this conversation', { assigneeId: c.assigneeId });
        return {
          next: { ...applyAction(c, { type: 'claim' }), assigneeId: staff.id },
          queue: null,
          assign: { operatorId: staff.id, capacity: user.capacity },
          append: { message: notice, maxMessages: env.MAX_MESSAGES, skipIfFull: true },
        };
      },
      current,
    );
    if (result.status === 'over_capacity') throw overCapacity(user);
    if (changed) await announceAssign(after, staff.id, displayName(user), result.status === 'done' && result.index !== undefined ? notice : undefined);
    return after;
  }

  /**
   * The "joined" line, written in the move that assigns (on a full transcript the move skips it),
   * in the language the handoff was told in, so one handoff never speaks two languages.
   */
  const joinedNotice = (user: StaffUser, lang: 'ru' | 'en'): Message => ({ id: deps.ids(), role: 'system', text: joinedText(displayName(user), lang), createdAt: clock.now() });

  /** After a claim or a transfer to an operator: everyone is told, the notice the move stored included. */
  async function announceAssign(conversation: Conversation, operatorId: string, name: string, notice: Message | undefined) {
    await Promise.all([
      publishStatus(deps, conversation.id, { status: 'assigned', operator: { name } }),
      publishToOperators(deps, 'claimed', { conversationId: conversation.id, operatorId }),
      notice ? publishMessage(deps, conversation.id, notice) : undefined,
    ]);
  }

  function assertOwner(conversation: Conversation, staff: Staff) {
    if (conversation.status !== 'assigned') throw new AppError('illegal_transition', `Claim the conversation first: it is ${conversation.status}`);
    if (conversation.assigneeId !== staff.id && staff.role !== 'admin') throw new AppError('forbidden', 'Another operator has this conversation');
  }

  /** An assigned conversation may be moved only by its owner (or an admin); checked on the record being replaced. */
  function ownedOrUnassigned(conversation: Conversation, staff: Staff) {
    if (conversation.status === 'assigned') assertOwner(conversation, staff);
  }

  async function reply(id: string, staff: Staff, input: { text: string; internal?: boolean }) {
    const text = messageText(deps, input.text);
    const conversation = await loadConversation(deps, id);
    if (input.internal) return postMessage(deps, id, { role: 'note', text, authorId: staff.id });
    assertOwner(conversation, staff);
    const message = await postMessage(deps, id, { role: 'operator', text, authorId: staff.id });
    if (conversation.firstHumanReplyAt === undefined) {
      await updateConversation(deps, id, (c) => (c.firstHumanReplyAt === undefined ? { ...c, firstHumanReplyAt: message.createdAt } : c));
    }
    return message;
  }

  async function transfer(id: string, staff: Staff, input: { department?: string; operatorId?: string; note?: string }) {
    if (input.operatorId) {
      const operatorId = input.operatorId;
      const current = await loadConversation(deps, id);
      // Ownership first, so a stranger hears "not yours" rather than about someone's capacity.
      ownedOrUnassigned(current, staff);
      const [user, packet] = await Promise.all([taker(operatorId), collections.packets.get(id)]);
      const notice = joinedNotice(user, packet?.lang ?? current.lang);
      // One step: out of the queue (or from the previous owner) and to the new one, within their capacity.
      const { after, result } = await moveConversation(
        deps,
        id,
        (c) => {
          ownedOrUnassigned(c, staff);
          return {
            next: { ...applyAction(c, { type: 'transfer_operator' }), assigneeId: operatorId, department: input.department ?? c.department },
            queue: null,
            assign: { operatorId, capacity: user.capacity },
            append: { message: notice, maxMessages: env.MAX_MESSAGES, skipIfFull: true },
          };
        },
        current,
      );
      if (result.status === 'over_capacity') throw overCapacity(user);
      await announceAssign(after, operatorId, displayName(user), result.status === 'done' && result.index !== undefined ? notice : undefined);
      await noteTransfer(id, staff, input, `operator ${displayName(user)}`);
      return after;
    }
    const department = input.department!;
    const packet = await collections.packets.get(id);
    const now = clock.now();
    // One step: from its owner back into the queue of the new department, keeping its place in
    // line (the visitor has waited already); one answered in time can no longer breach.
    const { after } = await moveConversation(deps, id, (c) => {
      ownedOrUnassigned(c, staff);
      const waitingSince = packet?.createdAt ?? now;
      return {
        next: { ...applyAction(c, { type: 'transfer_department' }), assigneeId: undefined, department },
        queue: { conversationId: id, department, priority: packet?.priority ?? 0, waitingSince, breachAt: c.firstHumanReplyAt === undefined ? breachAt(deps, waitingSince, packet?.priority ?? 0) : undefined },
        assign: null,
        document: packet ? { namespace: PACKETS, id, value: { ...packet, department } satisfies Packet } : undefined,
      };
    });
    await Promise.all([
      publishStatus(deps, id, { status: after.status }),
      publishToOperators(deps, 'transferred', { conversationId: id, department, by: staff.id }),
    ]);
    await noteTransfer(id, staff, input, `department ${department}`);
    await tellVisitor(after, 'transferred');
    return after;
  }

  async function noteTransfer(id: string, staff: Staff, input: { note?: string }, target: string) {
    await postNotice(deps, id, { role: 'note', authorId: staff.id, text: `Transferred to ${target}${input.note ? `: ${input.note}` : ''}` });
  }

  /** One step: resolved, out of the queue and off its owner's load, so no stale slot is left to count. */
  async function resolve(id: string, staff: Staff, input: { resolution?: string }) {
    const { after } = await moveConversation(deps, id, (c) => {
      ownedOrUnassigned(c, staff);
      return {
        next: { ...applyAction(c, { type: 'resolve' }), resolvedAt: clock.now(), resolvedBy: staff.id, resolution: input.resolution },
        queue: null,
        assign: null,
      };
    });
    await Promise.all([
      publishStatus(deps, id, { status: after.status }),
      publishToOperators(deps, 'resolved', { conversationId: id, by: staff.id }),
      countResolved(deps, 'person'),
    ]);
    if (input.resolution) await postNotice(deps, id, { role: 'note', authorId: staff.id, text: `Resolved: ${input.resolution}` });
    await tellVisitor(after, 'resolved');
    return after;
  }

  /** One step: back to the bot, out of the queue and off its owner's load; a claim that landed first makes it stale, never undone. */
  async function release(id: string, staff: Staff) {
    const { after } = await moveConversation(deps, id, (c) => {
      ownedOrUnassigned(c, staff);
      return { next: { ...applyAction(c, { type: 'release' }), assigneeId: undefined, missStreak: 0 }, queue: null, assign: null };
    });
    await Promise.all([publishStatus(deps, id, { status: after.status }), publishToOperators(deps, 'released', { conversationId: id, by: staff.id })]);
    await tellVisitor(after, 'released');
    return after;
  }

  /** A short line in the visitor's transcript, in the language of the handoff, like "joined". */
  async function tellVisitor(conversation: Conversation, move: StaffMove) {
    const lang = (await collections.packets.get(conversation.id))?.lang ?? conversation.lang;
    await postNotice(deps, conversation.id, { role: 'system', text: staffMoveNotice(move, lang) });
  }

  async function setPresence(staff: Staff, online: boolean, status: PresenceStatus = online ? 'online' : 'offline') {
    await collections.presence.put(staff.id, { online, status, lastSeen: clock.now() });
    await publishToOperators(deps, 'presence', { operatorId: staff.id, online, status });
  }

  /**
   * The console is open (its event stream connected or reconnected): the operator is around.
   * One who set themselves offline stays offline until they say otherwise: a reconnect every
   * minute must not promise visitors a person who stepped away.
   */
  async function heartbeat(staff: Staff) {
    const current = await collections.presence.get(staff.id);
    if (current && !current.online) await collections.presence.put(staff.id, { ...current, lastSeen: clock.now() });
    else await setPresence(staff, true);
  }

  /** Tell the visitor their operator (`name`, as the visitor sees it) is typing; only the one who holds the conversation may. */
  async function typing(id: string, staff: Staff, name: string) {
    const conversation = await loadConversation(deps, id);
    assertOwner(conversation, staff);
    await publishToVisitor(deps, id, { type: 'typing', data: { who: 'operator', name } });
  }

  return { queue, view, claim, reply, transfer, resolve, release, setPresence, heartbeat, typing, callbacks, completeCallback };
}

function joinedText(name: string, lang: 'ru' | 'en'): string {
  // "Оператор" carries the grammatical gender, so the sentence is right for Anna and for Boris.
  return lang === 'ru' ? `К чату подключился оператор ${name}.` : `${name} joined the chat.`;
}
