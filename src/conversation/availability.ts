import type { Deps } from '../deps';
import { whatToTell, type Availability } from '../domain/availability';
import { isOpen, nextOpening } from '../domain/business-hours';
import { queueOrder, slaState } from '../domain/sla';
import { handoffCollections } from './collections';

export type { Availability };

/** A place in the queue: whose, in which department, how urgent, since when. */
export interface QueuePlace {
  conversationId: string;
  department: string;
  priority: number;
  waitingSince: number;
}

/**
 * Who can take a conversation of `department` now, and so what the visitor may be promised:
 * a wait estimate while an operator is online within business hours, otherwise the contact form.
 * Ahead of the visitor are the conversations of the same department that the queue serves first
 * (SLA breaches, then priority, then the longest wait): a VIP is not told the whole line's wait.
 */
export async function currentAvailability(deps: Deps, place: QueuePlace): Promise<Availability> {
  const { department } = place;
  const now = deps.clock.now();
  const { schedule } = deps.config;
  const open = isOpen(schedule, now);
  const collections = handoffCollections(deps.store);
  const [users, presence, assignments, queue] = await Promise.all([
    deps.store.users.list(),
    collections.presence.list(),
    collections.assignments.list(),
    collections.queue.list(),
  ]);
  const onlineIds = new Set(
    presence.filter((p) => p.value.online && now - p.value.lastSeen <= deps.env.PRESENCE_TTL_SECONDS * 1000).map((p) => p.id),
  );
  const active = new Map<string, number>();
  for (const a of assignments) active.set(a.value.operatorId, (active.get(a.value.operatorId) ?? 0) + 1);
  const operators = users
    .filter((u) => !u.disabled && (u.role === 'operator' || u.role === 'admin'))
    .filter((u) => u.departments.length === 0 || u.departments.includes(department))
    .map((u) => ({ online: onlineIds.has(u.id), capacity: u.capacity, active: active.get(u.id) ?? 0 }));
  // The same order the queue shows operators. A first reply can only clear a breach, so only
  // entries breached by their wait alone need their record (a chat answered in time, then
  // transferred back, is not "breached"; one no longer waiting is not ahead at all).
  const target = deps.env.SLA_FIRST_REPLY_SECONDS;
  const overdue = (waitingSince: number) => slaState({ waitingSince, targetSeconds: target, now, schedule }).breached;
  const item = async (p: { conversationId: string; priority: number; waitingSince: number }) => {
    let breached = overdue(p.waitingSince);
    let waiting = true;
    if (breached) {
      const record = await deps.store.conversations.get(p.conversationId);
      waiting = !record || record.status === 'waiting' || p.conversationId === place.conversationId;
      breached = slaState({ waitingSince: p.waitingSince, firstHumanReplyAt: record?.firstHumanReplyAt, targetSeconds: target, now, schedule }).breached;
    }
    return { id: p.conversationId, priority: p.priority, waitingSince: p.waitingSince, breached, waiting };
  };
  const mine = await item(place);
  const others = await Promise.all(
    queue.filter((q) => q.value.department === department && q.value.conversationId !== place.conversationId).map((q) => item(q.value)),
  );
  const queueAhead = others.filter((o) => o.waiting && queueOrder(o, mine) < 0).length;
  return whatToTell({
    open,
    operators,
    queueAhead,
    avgHandleMinutes: deps.env.AVG_HANDLE_MINUTES,
    nextOpeningMs: open ? null : nextOpening(schedule, now),
    now,
  });
}
