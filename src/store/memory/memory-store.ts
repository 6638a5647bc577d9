import type { Message } from '../../domain/conversation';
import type {
  AppendResult,
  EventLog,
  RateLimiter,
  RateLimitResult,
  RateRule,
  Store,
  StoredEvent,
  TranscriptRepo,
} from '../ports';
import { EVENT_TTL_SECONDS, EVENTS_KEPT } from '../ports';
import { MemoryConversations } from './memory-conversations';
import { createMemoryDocuments } from './memory-documents';
import { MemoryQueueIndex } from './memory-queue';
import { createMemoryUsers } from './memory-users';

/** Transcripts; the sync halves (appendNow, findNow, lengthOf) are for the move's one step. */
export class MemoryTranscripts implements TranscriptRepo {
  private readonly lists = new Map<string, Message[]>();
  private readonly clientIds = new Map<string, Map<string, number>>();

  async append(conversationId: string, message: Message, maxMessages: number): Promise<AppendResult> {
    return this.appendNow(conversationId, message, maxMessages);
  }

  /** The append itself, synchronous, so a move can make it part of its one step. */
  appendNow(conversationId: string, message: Message, maxMessages: number): AppendResult {
    const list = this.lists.get(conversationId) ?? [];
    const seen = this.clientIds.get(conversationId) ?? new Map<string, number>();
    if (message.clientId) {
      const index = seen.get(message.clientId);
      if (index !== undefined) return { status: 'duplicate', message: structuredClone(list[index]!) };
    }
    if (list.length >= maxMessages) return { status: 'full' };
    list.push(structuredClone(message));
    if (message.clientId) seen.set(message.clientId, list.length - 1);
    this.lists.set(conversationId, list);
    this.clientIds.set(conversationId, seen);
    return { status: 'stored', message: structuredClone(message), index: list.length - 1 };
  }

  findNow(conversationId: string, clientId: string): Message | null {
    const index = this.clientIds.get(conversationId)?.get(clientId);
    const found = index === undefined ? undefined : this.lists.get(conversationId)?.[index];
    return found ? structuredClone(found) : null;
  }

  forget(conversationId: string): void {
    this.lists.delete(conversationId);
    this.clientIds.delete(conversationId);
  }

  lengthOf(conversationId: string): number {
    return this.lists.get(conversationId)?.length ?? 0;
  }

  async findByClientId(conversationId: string, clientId: string): Promise<Message | null> {
    return this.findNow(conversationId, clientId);
  }

  async list(conversationId: string, opts: { offset?: number; limit?: number } = {}): Promise<Message[]> {
    const list = this.lists.get(conversationId) ?? [];
    const offset = opts.offset ?? 0;
    const end = opts.limit === undefined ? undefined : offset + opts.limit;
    return structuredClone(list.slice(offset, end));
  }
}

class MemoryEvents implements EventLog {
  private readonly streams = new Map<string, { seq: number; events: StoredEvent[] }>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private appends = 0;

  constructor(private readonly now: () => number) {}

  async append(stream: string, event: { type: string; data: unknown }): Promise<StoredEvent> {
    // Streams idle past their TTL are dropped, as they expire on Upstash: one per conversation adds up.
    if (++this.appends % 1000 === 0) this.sweep();
    const entry = this.streams.get(stream) ?? { seq: 0, events: [] };
    entry.seq += 1;
    const stored: StoredEvent = { id: entry.seq, type: event.type, data: structuredClone(event.data), at: this.now() };
    entry.events.push(stored);
    if (entry.events.length > EVENTS_KEPT) entry.events.splice(0, entry.events.length - EVENTS_KEPT);
    this.streams.set(stream, entry);
    const waiting = this.waiters.get(stream);
    if (waiting) {
      this.waiters.delete(stream);
      for (const wake of waiting) wake();
    }
    return structuredClone(stored);
  }

  private sweep(): void {
    const oldest = this.now() - EVENT_TTL_SECONDS * 1000;
    for (const [name, entry] of this.streams) if ((entry.events.at(-1)?.at ?? 0) < oldest) this.streams.delete(name);
  }

  async lastId(stream: string): Promise<number> {
    return this.streams.get(stream)?.seq ?? 0;
  }

  async after(stream: string, afterId: number, limit = 100): Promise<StoredEvent[]> {
    const events = this.streams.get(stream)?.events ?? [];
    return structuredClone(events.filter((e) => e.id > afterId).slice(0, limit));
  }

  wait(stream: string, afterId: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if ((this.streams.get(stream)?.seq ?? 0) > afterId || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(stream) ?? new Set<() => void>();
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done);
      set.add(done);
      this.waiters.set(stream, set);
    });
  }
}

/** A fixed-window counter: enough for one process; the Upstash adapter uses @upstash/ratelimit. */
class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number) {}

  async limit(rule: RateRule, key: string): Promise<RateLimitResult> {
    const windowMs = rule.windowSeconds * 1000;
    const start = Math.floor(this.now() / windowMs) * windowMs;
    const id = `${rule.name}:${key}`;
    const current = this.windows.get(id);
    const window = current && current.start === start ? current : { start, count: 0 };
    window.count += 1;
    this.windows.set(id, window);
    if (this.windows.size > 50_000) this.sweep(start);
    return { success: window.count <= rule.limit, remaining: Math.max(0, rule.limit - window.count), reset: start + windowMs };
  }

  private sweep(currentStart: number): void {
    for (const [id, w] of this.windows) if (w.start < currentStart) this.windows.delete(id);
  }
}

/** The embedded default store: everything in this process, gone on restart. */
/**
 * `forgetWith`: document namespaces whose entry under a conversation's id is forgotten with it
 * when its retention runs out (the app's handoff packets).
 */
export function createMemoryStore(opts: { now?: () => number; forgetWith?: string[] } = {}): Store {
  const transcripts = new MemoryTranscripts();
  const namespaces = new Map<string, Map<string, unknown>>();
  const now = opts.now ?? Date.now;
  const conversations = new MemoryConversations(transcripts, new MemoryQueueIndex(), namespaces, now, opts.forgetWith ?? ['packets']);
  return {
    kind: 'memory',
    conversations,
    queue: conversations.queueRepo(),
    transcripts,
    events: new MemoryEvents(now),
    rateLimiter: new MemoryRateLimiter(now),
    users: createMemoryUsers(),
    documents: createMemoryDocuments(namespaces),
    ping: async () => true,
  };
}
