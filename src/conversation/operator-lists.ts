import type { Deps } from '../deps';
import type { PresenceStatus } from '../domain/packet';
import { displayName } from '../domain/staff-user';
import { handoffCollections, PACKETS } from './collections';

/**
 * The console's lists: operators with presence and load, and the open conversations, read from
 * the sorted queue and the holders' sets (at most 500 waiting rows; the queue view pages further).
 */
export function createOperatorLists(deps: Deps) {
  const { store, clock, env } = deps;
  const collections = handoffCollections(store);

  /** Who can take a conversation: presence (stale heartbeats count as offline), load and capacity. */
  async function operators() {
    const now = clock.now();
    const [all, presence] = await Promise.all([store.users.list(), collections.presence.list()]);
    const users = all.filter((u) => !u.disabled && (u.role === 'operator' || u.role === 'admin'));
    const held = await store.queue.held(users.map((u) => u.id));
    const byId = new Map(presence.map((p) => [p.id, p.value]));
    return users
      .map((u, i) => {
        const p = byId.get(u.id);
        const fresh = p !== undefined && now - p.lastSeen <= env.PRESENCE_TTL_SECONDS * 1000;
        const status: PresenceStatus = !fresh ? 'offline' : (p.status ?? (p.online ? 'online' : 'offline'));
        return { id: u.id, name: displayName(u), role: u.role, departments: u.departments, capacity: u.capacity, load: held[i] ?? 0, status };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Open conversations: `mine` (assigned to `operatorId`) or `open` (waiting or assigned to
   * anyone), newest activity first. The indexes trail the records, so each is read back.
   */
  async function conversations(scope: 'mine' | 'open', operatorId: string, department?: string) {
    // The sorted queue and the holders' sets: what is open, without reading every conversation.
    const [held, waiting] = await Promise.all([
      store.queue.holding(scope === 'mine' ? operatorId : undefined),
      scope === 'open' ? store.queue.page({ department, offset: 0, limit: 500, now: clock.now(), documents: PACKETS }) : undefined,
    ]);
    const ids = new Set<string>([...held, ...(waiting?.rows.map((r) => r.entry.conversationId) ?? [])]);
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
