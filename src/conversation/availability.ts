import type { Deps } from '../deps';
import { whatToTell, type Availability } from '../domain/availability';
import { isOpen, nextOpening } from '../domain/business-hours';
import { handoffCollections, PACKETS } from './collections';

export type { Availability };

/**
 * Who can take a conversation of `department` now, and so what the visitor may be promised:
 * a wait estimate while an operator is online within business hours, otherwise the contact form.
 * Ahead of the visitor are the conversations of the same department that the queue serves first
 * (SLA breaches, then priority, then the longest wait): a VIP is not told the whole line's wait.
 * The place in line is read from the sorted queue, so the estimate costs the same at any length.
 */
export async function currentAvailability(deps: Deps, conversationId: string, department: string): Promise<Availability> {
  const now = deps.clock.now();
  const { schedule } = deps.config;
  const open = isOpen(schedule, now);
  const [users, presence, place] = await Promise.all([
    deps.store.users.list(),
    handoffCollections(deps.store).presence.list(),
    deps.store.queue.place(conversationId, now),
  ]);
  const online = new Set(
    presence.filter((p) => p.value.online && now - p.value.lastSeen <= deps.env.PRESENCE_TTL_SECONDS * 1000).map((p) => p.id),
  );
  const eligible = users
    .filter((u) => !u.disabled && (u.role === 'operator' || u.role === 'admin'))
    .filter((u) => u.departments.length === 0 || u.departments.includes(department));
  const held = await deps.store.queue.held(eligible.map((u) => u.id));
  const operators = eligible.map((u, i) => ({ online: online.has(u.id), capacity: u.capacity, active: held[i] ?? 0 }));
  // Not queued (no longer waiting, or not yet): everyone of the department is ahead.
  const queueAhead = place?.ahead ?? (await deps.store.queue.page({ department, offset: 0, limit: 0, now, documents: PACKETS })).total;
  return whatToTell({
    open,
    operators,
    queueAhead,
    avgHandleMinutes: deps.env.AVG_HANDLE_MINUTES,
    nextOpeningMs: open ? null : nextOpening(schedule, now),
    now,
  });
}
