import type { Deps } from '../deps';
import type { PresenceStatus } from '../domain/packet';
import { displayName } from '../domain/staff-user';
import { handoffCollections } from './collections';

/**
 * The console's lists, read from the existing collections behind these two functions only, so
 * a store with real indexes (a sorted-set queue, per-operator sets) can replace the reads here.
 */
export function createOperatorLists(deps: Deps) {
  const { store, clock, env } = deps;
  const collections = handoffCollections(store);

  /** Who can take a conversation: presence (stale heartbeats count as offline), load and capacity. */
  async function operators() {
    const now = clock.now();
    const [users, presence, assignments] = await Promise.all([store.users.list(), collections.presence.list(), collections.assignments.list()]);
    const byId = new Map(presence.map((p) => [p.id, p.value]));
    const load = new Map<string, number>();
    for (const a of assignments) load.set(a.value.operatorId, (load.get(a.value.operatorId) ?? 0) + 1);
    return users
      .filter((u) => !u.disabled && (u.role === 'operator' || u.role === 'admin'))
      .map((u) => {
        const p = byId.get(u.id);
        const fresh = p !== undefined && now - p.lastSeen <= env.PRESENCE_TTL_SECONDS * 1000;
        const status: PresenceStatus = !fresh ? 'offline' : (p.status ?? (p.online ? 'online' : 'offline'));
        return { id: u.id, name: displayName(u), role: u.role, departments: u.departments, capacity: u.capacity, load: load.get(u.id) ?? 0, status };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Open conversations: `mine` (assigned to `operatorId`) or `open` (waiting or assigned to
   * anyone), newest activity first. The indexes trail the records, so each is read back.
   */
  async function conversations(scope: 'mine' | 'open', operatorId: string, department?: string) {
    const [queue, assignments] = await Promise.all([collections.queue.list(), collections.assignments.list()]);
    const ids = new Set<string>();
    for (const a of assignments) if (scope === 'open' || a.value.operatorId === operatorId) ids.add(a.id);
    if (scope === 'open') for (const q of queue) ids.add(q.value.conversationId);
    const rows = await Promise.all(
      [...ids].map(async (id) => {
        const [record, packet] = await Promise.all([store.conversations.get(id), collections.packets.get(id)]);
        if (!record || (record.status !== 'waiting' && record.status !== 'assigned')) return null;
        if (scope === 'mine' && (record.status !== 'assigned' || record.assigneeId !== operatorId)) return null;
        const dept = record.department ?? packet?.department ?? 'general';
        if (department && dept !== department) return null;
        return {
          id,
          status: record.status,
          department: dept,
          lang: packet?.lang ?? record.lang,
          vip: record.vip,
          assigneeId: record.assigneeId,
          updatedAt: record.updatedAt,
          summary: packet?.summary ?? '',
          severity: packet?.complaint?.severity ?? null,
        };
      }),
    );
    return rows.filter((r): r is NonNullable<typeof r> => r !== null).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  return { operators, conversations };
}
