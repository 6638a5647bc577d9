import type { Conversation } from '../../domain/conversation';
import type { ConversationRepo, MoveResult, MoveStep, QueueRepo } from '../ports';
import type { MemoryQueueIndex } from './memory-queue';
import type { MemoryTranscripts } from './memory-store';

/**
 * Conversation records, with the queue and assignments beside them. Every method that writes
 * runs without an await between its checks and its writes: on one event loop that is the
 * memory store's atomic step, the counterpart of the Upstash adapter's Lua scripts.
 */
export class MemoryConversations implements ConversationRepo {
  private readonly records = new Map<string, Conversation>();

  constructor(
    private readonly transcripts: MemoryTranscripts,
    private readonly index: MemoryQueueIndex,
    private readonly namespaces: Map<string, Map<string, unknown>>,
  ) {}

  async create(conversation: Conversation): Promise<boolean> {
    if (this.records.has(conversation.id)) return false;
    this.records.set(conversation.id, structuredClone(conversation));
    return true;
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
    };
  }

  private namespace(name: string): Map<string, unknown> {
    let found = this.namespaces.get(name);
    if (!found) this.namespaces.set(name, (found = new Map()));
    return found;
  }
}
