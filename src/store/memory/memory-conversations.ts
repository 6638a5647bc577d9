import type { Conversation } from '../../domain/conversation';
import type { ConversationRepo, MoveResult, MoveStep, QueueRepo } from '../ports';
import type { MemoryQueueIndex } from './memory-queue';
import type { MemoryTranscripts } from './memory-store';
import { SortedIds } from './sorted-ids';

/**
 * Conversation records, with the queue and assignments beside them. Every method that writes
 * runs without an await between its checks and its writes: on one event loop that is the
 * memory store's atomic step, the counterpart of the Upstash adapter's Lua scripts.
 */
export class MemoryConversations implements ConversationRepo {
  private readonly records = new Map<string, Conversation>();
  /** Conversation ids by when they are forgotten: the retention setting, swept a little per write. */
  private readonly expiry = new SortedIds();

  constructor(
    private readonly transcripts: MemoryTranscripts,
    private readonly index: MemoryQueueIndex,
    private readonly namespaces: Map<string, Map<string, unknown>>,
    private readonly now: () => number,
    /** Document namespaces whose entry under a conversation's id goes with it (the packets). */
    private readonly forgetWith: string[],
  ) {}

  async create(conversation: Conversation, retainSeconds?: number): Promise<boolean> {
    this.sweep();
    if (this.records.has(conversation.id)) return false;
    this.records.set(conversation.id, structuredClone(conversation));
    this.retain(conversation.id, retainSeconds);
    return true;
  }

  /** How many conversations the store holds (for the bound the README documents). */
  get size(): number {
    return this.records.size;
  }

  private retain(id: string, seconds: number | undefined): void {
    if (seconds === undefined) this.expiry.remove(id);
    else this.expiry.add(id, this.now() + seconds * 1000);
  }

  /**
   * Forget up to `budget` conversations past their retention: record, transcript and packet
   * (ratings and callbacks stay: the reports and the callback list need them). Bounded work per
   * write keeps every call cheap, and each write sweeps more than it adds.
   */
  private sweep(budget = 8): void {
    for (const id of this.expiry.upTo(this.now(), budget)) {
      this.expiry.remove(id);
      this.records.delete(id);
      this.transcripts.forget(id);
      this.index.remove(id);
      this.index.unassign(id);
      for (const name of this.forgetWith) this.namespaces.get(name)?.delete(id);
    }
  }

  async get(id: string): Promise<Conversation | null> {
    const found = this.records.get(id);
    return found ? structuredClone(found) : null;
  }

  async replace(next: Conversation, expectedVersion: number): Promise<boolean> {
    const current = this.records.get(next.id);
    if (!current || current.version !== expectedVersion) return false;
    this.records.set(next.id, structuredClone(next));
    return true;
  }

  async move(step: MoveStep): Promise<MoveResult> {
    this.sweep();
    const id = step.conversationId;
    const message = step.append?.message;
    if (message?.clientId) {
      const earlier = this.transcripts.findNow(id, message.clientId);
      if (earlier) return { status: 'duplicate', message: earlier };
    }
    if (this.records.get(id)?.version !== step.expectedVersion) return { status: 'stale' };
    const full = step.append !== undefined && this.transcripts.lengthOf(id) >= step.append.maxMessages;
    if (full && !step.append?.skipIfFull) return { status: 'full' };
    if (step.assign && this.index.holderOf(id) !== step.assign.operatorId && this.index.heldBy(step.assign.operatorId) >= step.assign.capacity) {
      return { status: 'over_capacity' };
    }
    // Checks done; from here every write lands, with no await in between.
    if (step.next) this.records.set(id, structuredClone(step.next));
    this.retain(id, step.retainSeconds);
    if (step.queue === null) this.index.remove(id);
    else if (step.queue) this.index.put(step.queue);
    if (step.assign === null) this.index.unassign(id);
    else if (step.assign) this.index.assign(id, step.assign.operatorId);
    if (step.document) this.namespace(step.document.namespace).set(step.document.id, structuredClone(step.document.value));
    if (!step.append || full) return { status: 'done' };
    const stored = this.transcripts.appendNow(id, step.append.message, Number.POSITIVE_INFINITY);
    if (step.append.reply) this.transcripts.appendNow(id, step.append.reply, Number.POSITIVE_INFINITY);
    return { status: 'done', index: stored.status === 'stored' ? stored.index : undefined };
  }

  async snapshot(id: string, clientId?: string) {
    const conversation = await this.get(id);
    return { conversation, messages: await this.transcripts.list(id), earlier: clientId ? this.transcripts.findNow(id, clientId) : null };
  }

  queueRepo(): QueueRepo {
    return {
      page: async ({ department, offset, limit, now, documents }) => {
        const { total, rows } = this.index.page(department, offset, limit, now);
        const docs = this.namespace(documents);
        return {
          total,
          rows: rows.map((row) => ({
            ...row,
            conversation: structuredClone(this.records.get(row.entry.conversationId) ?? null),
            document: structuredClone(docs.get(row.entry.conversationId) ?? null),
          })),
        };
      },
      place: async (id, now) => this.index.place(id, now),
      held: async (operatorIds) => operatorIds.map((operatorId) => this.index.heldBy(operatorId)),
      holding: async (operatorId) => this.index.holding(operatorId),
    };
  }

  private namespace(name: string): Map<string, unknown> {
    let found = this.namespaces.get(name);
    if (!found) this.namespaces.set(name, (found = new Map()));
    return found;
  }
}
