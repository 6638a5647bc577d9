import type { Deps } from '../deps';
import type { Conversation } from '../domain/conversation';
import type { Packet, PresenceStatus } from '../domain/packet';
import { displayName, type StaffUser } from '../domain/staff-user';
import { queueOrder, slaState } from '../domain/sla';
import { AppError } from '../http/errors';
import type { HonoEnv } from '../http/hono-env';
import { handoffCollections } from './collections';
import { applyAction, loadConversation, updateConversation } from './records';
import { visitorStream } from './streams';
import { messageText, postMessage, postNotice, publishStatus, publishToOperators, publishToVisitor } from './transcript';

/** Who is calling: set by the staff-auth middleware. */
export type Staff = HonoEnv['Variables']['staff'];

/** The operator's side: the queue, claiming, replying, transferring, resolving, releasing. */
export function createOperatorService(deps: Deps) {
  const { store, clock, env } = deps;
  const collections = handoffCollections(store);

  /** Waiting conversations, most urgent first: SLA breaches, then priority, then the longest wait. */
  async function queue() {
    const now = clock.now();
    const entries = await collections.queue.list();
    const rows = await Promise.all(
      entries.map(async ({ value: entry }) => {
        const [conversation, packet] = await Promise.all([store.conversations.get(entry.conversationId), collections.packets.get(entry.conversationId)]);
        // The queue index trails the record; the record is the truth.
        if (!conversation || conversation.status !== 'waiting') return null;
        // Back in the queue after a transfer, a conversation already answered in time stays "met".
        const sla = slaState({ waitingSince: entry.waitingSince, firstHumanReplyAt: conversation.firstHumanReplyAt, targetSeconds: env.SLA_FIRST_REPLY_SECONDS, now });
        // The language of the handoff (the packet's) is the one the operator should answer in.
        return { ...entry, id: entry.conversationId, lang: packet?.lang ?? conversation.lang, vip: conversation.vip, sla, packet, waitedSeconds: Math.round((now - entry.waitingSince) / 1000) };
      }),
    );
    return rows
      .filter((r): r is NonNullable<typeof r> => r !== null)
      .sort((a, b) => queueOrder({ ...a, breached: a.sla.breached }, { ...b, breached: b.sla.breached }));
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
      ? slaState({ waitingSince: packet.createdAt, firstHumanReplyAt: conversation.firstHumanReplyAt, targetSeconds: env.SLA_FIRST_REPLY_SECONDS, now: clock.now() })
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

  /**
   * The conversations an operator holds. The assignment index trails the records (a resolve can
   * race a claim), so each entry is checked against its record and stale ones are dropped.
   */
  async function activeCount(operatorId: string): Promise<number> {
    const mine = (await collections.assignments.list()).filter((a) => a.value.operatorId === operatorId);
    const live = await Promise.all(
      mine.map(async ({ id }) => {
        const record = await store.conversations.get(id);
        const holds = record?.status === 'assigned' && record.assigneeId === operatorId;
        if (!holds) await collections.assignments.delete(id);
        return holds;
      }),
    );
    return live.filter(Boolean).length;
  }

  /** Someone who can take a conversation: an enabled operator (or admin) with a free slot. */
  async function assertCanTake(operatorId: string): Promise<StaffUser> {
    const user = await store.users.get(operatorId);
    if (!user || user.disabled) throw new AppError('not_found', 'No such operator');
    if (user.role !== 'operator' && user.role !== 'admin') throw new AppError('conflict', `${user.email} is not an operator`);
    if ((await activeCount(operatorId)) >= user.capacity) {
      throw new AppError('over_capacity', `At capacity: ${user.capacity} conversations at once`);
    }
    return user;
  }

  /**
   * Claim: exactly one of any number of concurrent claims wins, because the status change is a
   * compare-and-set on the record's version. Claiming one's own conversation again is a no-op.
   *
   * Capacity is checked before the claim and again once its assignment is written: two claims
   * at once by one operator at capacity − 1 both pass the first check, then each sees the other
   * and gives back what it took. Both may give back (the operator clicks again); neither can
   * leave the operator over capacity.
   */
  async function claim(id: string, staff: Staff): Promise<Conversation> {
    const current = await loadConversation(deps, id);
    if (current.status === 'assigned' && current.assigneeId === staff.id) return current;
    if (current.status === 'assigned') throw new AppError('already_claimed', 'Another operator has this conversation', { assigneeId: current.assigneeId });
    const taker = await assertCanTake(staff.id);
    const { before, after } = await updateConversation(deps, id, (c) => {
      if (c.status === 'assigned' && c.assigneeId !== staff.id) throw new AppError('already_claimed', 'Another operator has this conversation', { assigneeId: c.assigneeId });
      return { ...applyAction(c, { type: 'claim' }), assigneeId: staff.id };
    });
    await holdWithinCapacity(before, staff.id, taker.capacity);
    await afterAssign(after, staff.id, displayName(taker));
    return after;
  }

  /**
   * Write the assignment of a conversation just given to `operatorId`, then count again: over
   * capacity (another claim or transfer landed at the same time), the record goes back to how it
   * was before and the answer is 409.
   */
  async function holdWithinCapacity(before: Conversation, operatorId: string, capacity: number) {
    const id = before.id;
    await collections.assignments.put(id, { operatorId, since: clock.now() });
    if ((await activeCount(operatorId)) <= capacity) return;
    await updateConversation(deps, id, (c) =>
      c.status === 'assigned' && c.assigneeId === operatorId
        ? { ...c, status: before.status, assigneeId: before.assigneeId, department: before.department }
        : c,
    );
    if (before.status === 'assigned' && before.assigneeId) await collections.assignments.put(id, { operatorId: before.assigneeId, since: clock.now() });
    else await collections.assignments.delete(id);
    throw new AppError('over_capacity', `At capacity: ${capacity} conversations at once`);
  }

  /** After holdWithinCapacity wrote the assignment: out of the queue, and everyone is told. */
  async function afterAssign(conversation: Conversation, operatorId: string, name: string) {
    await collections.queue.delete(conversation.id);
    // A resolve or release may have landed between the claim and this write: undo a stale entry.
    const now = await store.conversations.get(conversation.id);
    if (now?.status !== 'assigned' || now.assigneeId !== operatorId) await collections.assignments.delete(conversation.id);
    await publishStatus(deps, conversation.id, { status: 'assigned', operator: { name } });
    await publishToOperators(deps, 'claimed', { conversationId: conversation.id, operatorId });
    // In the language the handoff was told in, so one handoff never speaks two languages.
    const lang = (await collections.packets.get(conversation.id))?.lang ?? conversation.lang;
    await postNotice(deps, conversation.id, { role: 'system', text: joinedText(name, lang) });
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
      // Ownership first, so a stranger hears "not yours" rather than about someone's capacity.
      ownedOrUnassigned(await loadConversation(deps, id), staff);
      const taker = await assertCanTake(input.operatorId);
      const { before, after } = await updateConversation(deps, id, (c) => {
        ownedOrUnassigned(c, staff);
        return {
          ...applyAction(c, { type: 'transfer_operator' }),
          assigneeId: input.operatorId,
          department: input.department ?? c.department,
        };
      });
      await holdWithinCapacity(before, input.operatorId, taker.capacity);
      await afterAssign(after, input.operatorId, displayName(taker));
      await noteTransfer(id, staff, input, `operator ${displayName(taker)}`);
      return after;
    }
    const department = input.department!;
    const { after } = await updateConversation(deps, id, (c) => {
      ownedOrUnassigned(c, staff);
      return {
        ...applyAction(c, { type: 'transfer_department' }),
        assigneeId: undefined,
        department,
      };
    });
    await collections.assignments.delete(id);
    const packet = await collections.packets.get(id);
    const now = clock.now();
    // It keeps its place in line: the visitor has waited already.
    await collections.queue.put(id, { conversationId: id, department, priority: packet?.priority ?? 0, waitingSince: packet?.createdAt ?? now });
    if (packet) await collections.packets.put(id, { ...packet, department } satisfies Packet);
    await publishStatus(deps, id, { status: after.status });
    await publishToOperators(deps, 'transferred', { conversationId: id, department, by: staff.id });
    await noteTransfer(id, staff, input, `department ${department}`);
    return after;
  }

  async function noteTransfer(id: string, staff: Staff, input: { note?: string }, target: string) {
    await postNotice(deps, id, { role: 'note', authorId: staff.id, text: `Transferred to ${target}${input.note ? `: ${input.note}` : ''}` });
  }

  async function resolve(id: string, staff: Staff, input: { resolution?: string }) {
    const { after } = await updateConversation(deps, id, (c) => {
      ownedOrUnassigned(c, staff);
      return {
        ...applyAction(c, { type: 'resolve' }),
        resolvedAt: clock.now(),
        resolvedBy: staff.id,
        resolution: input.resolution,
      };
    });
    await Promise.all([collections.queue.delete(id), collections.assignments.delete(id)]);
    await publishStatus(deps, id, { status: after.status });
    await publishToOperators(deps, 'resolved', { conversationId: id, by: staff.id });
    if (input.resolution) await postNotice(deps, id, { role: 'note', authorId: staff.id, text: `Resolved: ${input.resolution}` });
    return after;
  }

  async function release(id: string, staff: Staff) {
    const { after } = await updateConversation(deps, id, (c) => {
      ownedOrUnassigned(c, staff);
      return {
        ...applyAction(c, { type: 'release' }),
        assigneeId: undefined,
        missStreak: 0,
      };
    });
    await Promise.all([collections.queue.delete(id), collections.assignments.delete(id)]);
    await publishStatus(deps, id, { status: after.status });
    await publishToOperators(deps, 'released', { conversationId: id, by: staff.id });
    return after;
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
