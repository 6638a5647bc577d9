import { URGENT_PRIORITY } from '../domain/sla';
import { businessDeadline } from '../domain/business-time';
import type { HandoffReason } from '../domain/decision';
import type { Deps } from '../deps';
import type { Conversation, Lang } from '../domain/conversation';
import { handoffNotice } from '../domain/availability';
import { packetSchema, type Packet } from '../domain/packet';
import { extractFacts, summarize as summarizeTranscript } from '../domain/summary';
import { currentAvailability, type Availability } from './availability';
import { handoffCollections, PACKETS } from './collections';
import { applyAction, loadConversation, moveConversation } from './records';
import { publishStatus, publishToOperators } from './transcript';

/** What the bot (or the visitor's button) knows when it hands a conversation over. */
export interface HandoffInput {
  reasons: HandoffReason[];
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
 * Move a conversation from the bot to the operator queue: status, packet and queue entry in one
 * atomic step (two handoffs at once write one packet and one entry: the second finds the
 * conversation waiting already), then the live events.
 */
export async function handOff(deps: Deps, conversationId: string, input: HandoffInput): Promise<HandoffResult> {
  const now = deps.clock.now();
  const [current, transcript] = await Promise.all([loadConversation(deps, conversationId), deps.store.transcripts.list(conversationId)]);
  const visitorText = transcript.filter((m) => m.role === 'visitor').map((m) => m.text).join('\n');
  const summary = summarizeTranscript(transcript);
  const facts = extractFacts(visitorText);
  const { after, changed } = await moveConversation(
    deps,
    conversationId,
    (c) => {
      if (c.status !== 'bot') return null;
      const packet: Packet = {
        conversationId,
        createdAt: now,
        reasons: input.reasons,
        department: input.department,
        priority: input.priority,
        lang: input.lang,
        summary,
        facts,
        candidates: input.candidates,
        confidence: input.confidence,
        complaint: input.complaint,
        page: c.page,
        visitor: c.visitor,
        attributes: c.attributes,
        suggestedReply: input.suggestedReply,
      };
      return {
        // A new handoff starts the SLA again: no first reply yet.
        next: { ...applyAction(c, { type: 'handoff' }), department: input.department, missStreak: 0, firstHumanReplyAt: undefined },
        queue: { conversationId, department: input.department, priority: input.priority, waitingSince: now, breachAt: breachAt(deps, now, input.priority) },
        document: { namespace: PACKETS, id: conversationId, value: packetSchema.parse(packet) },
      };
    },
    current,
  );
  if (changed) {
    await Promise.all([
      publishStatus(deps, conversationId, { status: after.status }),
      publishToOperators(deps, 'handoff', {
        conversationId,
        reasons: input.reasons,
        department: input.department,
        priority: input.priority,
        summary,
      }),
    ]);
  }
  const availability = await availabilityFor(deps, after);
  // A contact the visitor gave already (to the widget, or on the form) is not asked for again.
  const left = availability.kind === 'offline' && !after.visitor?.email ? await handoffCollections(deps.store).contacts.get(conversationId) : null;
  const contact = after.visitor?.email ?? left?.email ?? left?.phone;
  const notice = handoffNotice(availability, input.lang, { timeZone: deps.config.schedule.timeZone, now: deps.clock.now(), contact });
  return { conversation: after, changed, availability, notice };
}

/** When a conversation entering the queue at `since` breaches its first-reply SLA. */
/**
 * When a queue entry joins the queue's first group: when a handoff made at `since` breaches its
 * SLA (the first-reply target in business hours only), or at once for an urgent one (a complaint,
 * a legal threat, a VIP). The first group is served by priority, so urgent chats come before
 * plain waiting however late that is, and late plain chats before fresh ones (sla.ts queueOrder).
 */
export const breachAt = (deps: Deps, since: number, priority: number) =>
  priority >= URGENT_PRIORITY ? since : (businessDeadline(deps.config.schedule, since, deps.env.SLA_FIRST_REPLY_SECONDS * 1000) ?? Number.MAX_SAFE_INTEGER);

/**
 * What a visitor whose conversation went to a person can be told now: already with an operator,
 * or the wait for their place in the queue.
 */
export async function availabilityFor(deps: Deps, conversation: Conversation): Promise<Availability> {
  if (conversation.status === 'assigned') return { kind: 'with_operator' };
  return currentAvailability(deps, conversation.id, conversation.department ?? deps.config.policy.defaultDepartment);
}
