import type { Deps } from '../deps';
import type { Conversation, Lang } from '../domain/conversation';
import { handoffNotice } from '../domain/availability';
import type { Packet } from '../domain/packet';
import { extractFacts, summarize as summarizeTranscript } from '../domain/summary';
import { currentAvailability, type Availability } from './availability';
import { handoffCollections } from './collections';
import { applyAction, updateConversation } from './records';
import { publishStatus, publishToOperators } from './transcript';

/** What the bot (or the visitor's button) knows when it hands a conversation over. */
export interface HandoffInput {
  reasons: string[];
  department: string;
  priority: number;
  confidence: number;
  candidates: Packet['candidates'];
  complaint: Packet['complaint'];
  suggestedReply?: string;
  lang: Lang;
}

export interface HandoffResult {
  conversation: Conversation;
  /** False when the conversation was already with a person: no second packet, no second queue entry. */
  changed: boolean;
  availability: Availability;
  /** What the visitor is told: a wait time while someone is online, else the contact form. */
  notice: string;
}

/**
 * Move a conversation from the bot to the operator queue: status, packet, queue entry, live
 * events. The status change is a compare-and-set, so two handoffs at once write one packet.
 */
export async function handOff(deps: Deps, conversationId: string, input: HandoffInput): Promise<HandoffResult> {
  const now = deps.clock.now();
  const { after, changed } = await updateConversation(deps, conversationId, (c) =>
    c.status === 'bot'
      ? { ...applyAction(c, { type: 'handoff' }), department: input.department, missStreak: 0, firstHumanReplyAt: undefined }
      : c,
  );
  const collections = handoffCollections(deps.store);
  // Self-repair: a handoff cut short by a store failure left the conversation waiting but out of
  // the queue; the next handoff (the visitor asking again) puts it back.
  const stranded = !changed && after.status === 'waiting' && (await collections.queue.get(conversationId)) === null;
  if (changed || stranded) {
    // A repaired handoff keeps the visitor's original place in line.
    const since = (stranded ? (await collections.packets.get(conversationId))?.createdAt : undefined) ?? now;
    const transcript = await deps.store.transcripts.list(conversationId);
    const visitorText = transcript.filter((m) => m.role === 'visitor').map((m) => m.text).join('\n');
    const packet: Packet = {
      conversationId,
      createdAt: since,
      reasons: input.reasons,
      department: input.department,
      priority: input.priority,
      lang: input.lang,
      summary: summarizeTranscript(transcript),
      facts: extractFacts(visitorText),
      candidates: input.candidates,
      confidence: input.confidence,
      complaint: input.complaint,
      page: after.page,
      visitor: after.visitor,
      attributes: after.attributes,
      suggestedReply: input.suggestedReply,
    };
    await collections.packets.put(conversationId, packet);
    await collections.queue.put(conversationId, {
      conversationId,
      department: input.department,
      priority: input.priority,
      waitingSince: since,
    });
    await publishStatus(deps, conversationId, { status: after.status });
    await publishToOperators(deps, 'handoff', {
      conversationId,
      reasons: input.reasons,
      department: input.department,
      priority: input.priority,
      summary: packet.summary,
    });
  }
  const availability = await availabilityFor(deps, after, { department: input.department, priority: input.priority, waitingSince: changed ? now : undefined });
  // A contact the visitor gave already (to the widget, or on the form) is not asked for again.
  const left = availability.kind === 'offline' && !after.visitor?.email ? await collections.contacts.get(conversationId) : null;
  const contact = after.visitor?.email ?? left?.email ?? left?.phone;
  const notice = handoffNotice(availability, input.lang, { timeZone: deps.config.schedule.timeZone, now: deps.clock.now(), contact });
  return { conversation: after, changed, availability, notice };
}

/**
 * What a visitor whose conversation went to a person can be told now: already with an operator,
 * or the wait for their place in the queue (from the queue entry unless `waitingSince` is given).
 */
export async function availabilityFor(
  deps: Deps,
  conversation: Conversation,
  opts: { department?: string; priority?: number; waitingSince?: number } = {},
): Promise<Availability> {
  if (conversation.status === 'assigned') return { kind: 'with_operator' };
  const entry = await handoffCollections(deps.store).queue.get(conversation.id);
  return currentAvailability(deps, {
    conversationId: conversation.id,
    department: conversation.department ?? entry?.department ?? opts.department ?? 'general',
    priority: entry?.priority ?? opts.priority ?? 0,
    waitingSince: opts.waitingSince ?? entry?.waitingSince ?? deps.clock.now(),
  });
}
