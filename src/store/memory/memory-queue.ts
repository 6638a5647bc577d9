import type { QueueEntry } from '../../domain/packet';
import { queueScore } from '../../domain/queue-rank';
import type { QueuePlacement } from '../ports';
import { SortedIds } from './sorted-ids';

/** The line of every department together (not a department name: those never hold a NUL). */
const ALL = '\u0000all';

/** One line: entries not yet late, entries late (served first), and when each will become late. */
interface Line {
  fresh: SortedIds;
  breached: SortedIds;
  due: SortedIds;
}

/**
 * The queue and the operators' assignments of the memory store: sorted per department and
 * across departments, so a page, a place in line or a capacity count never walks the whole
 * queue. Written only inside the memory store's synchronous move.
 */
export class MemoryQueueIndex {
  private readonly entries = new Map<string, QueuePlacement>();
  private readonly lines = new Map<string, Line>();
  private readonly held = new Map<string, Set<string>>();
  private readonly holder = new Map<string, string>();

  put(placement: QueuePlacement): void {
    this.remove(placement.conversationId);
    this.entries.set(placement.conversationId, { ...placement });
    const score = queueScore(placement.priority, placement.waitingSince);
    for (const line of this.linesOf(placement.department)) {
      line.fresh.add(placement.conversationId, score);
      if (placement.breachAt !== undefined) line.due.add(placement.conversationId, placement.breachAt);
    }
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    for (const line of this.linesOf(entry.department)) {
      line.fresh.remove(id);
      line.breached.remove(id);
      line.due.remove(id);
    }
  }

  page(department: string | undefined, offset: number, limit: number, now: number): { total: number; rows: { entry: QueueEntry; breached: boolean }[] } {
    const line = this.line(department ?? ALL, now);
    const late = line.breached.slice(offset, limit);
    const rest = line.fresh.slice(Math.max(0, offset - line.breached.size), limit - late.length);
    const rows = [...late.map((id) => ({ id, breached: true })), ...rest.map((id) => ({ id, breached: false }))];
    return { total: line.breached.size + line.fresh.size, rows: rows.map(({ id, breached }) => ({ entry: this.entryOf(id), breached })) };
  }

  place(id: string, now: number): { entry: QueueEntry; ahead: number; breached: boolean } | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    const line = this.line(entry.department, now);
    const late = line.breached.rank(id);
    if (late >= 0) return { entry: this.entryOf(id), ahead: late, breached: true };
    return { entry: this.entryOf(id), ahead: line.breached.size + line.fresh.rank(id), breached: false };
  }

  holderOf(id: string): string | undefined {
    return this.holder.get(id);
  }

  heldBy(operatorId: string): number {
    return this.held.get(operatorId)?.size ?? 0;
  }

  holding(operatorId?: string): string[] {
    return operatorId === undefined ? [...this.holder.keys()] : [...(this.held.get(operatorId) ?? [])];
  }

  assign(id: string, operatorId: string): void {
    this.unassign(id);
    let set = this.held.get(operatorId);
    if (!set) this.held.set(operatorId, (set = new Set()));
    set.add(id);
    this.holder.set(id, operatorId);
  }

  unassign(id: string): void {
    const operatorId = this.holder.get(id);
    if (operatorId === undefined) return;
    this.holder.delete(id);
    const set = this.held.get(operatorId);
    set?.delete(id);
    if (set?.size === 0) this.held.delete(operatorId);
  }

  private entryOf(id: string): QueueEntry {
    const { breachAt: _, ...entry } = this.entries.get(id)!;
    return entry;
  }

  private linesOf(department: string): Line[] {
    return [department, ALL].map((name) => {
      let line = this.lines.get(name);
      if (!line) this.lines.set(name, (line = { fresh: new SortedIds(), breached: new SortedIds(), due: new SortedIds() }));
      return line;
    });
  }

  /** A line with every entry whose SLA has run out by `now` moved to the late group. */
  private line(name: string, now: number): Line {
    const line = this.lines.get(name) ?? { fresh: new SortedIds(), breached: new SortedIds(), due: new SortedIds() };
    for (const id of line.due.upTo(now)) {
      const entry = this.entries.get(id)!;
      line.due.remove(id);
      line.fresh.remove(id);
      line.breached.add(id, queueScore(entry.priority, entry.waitingSince));
    }
    return line;
  }
}
