import type { Conversation, Message } from '../domain/conversation';
import type { StaffUser } from '../domain/staff-user';

/**
 * The storage ports. Each is small and typed on its own; adapters live in memory/ and upstash/
 * and pass one contract test suite (tests/store/contract.ts).
 */

export interface ConversationRepo {
  /** Store a new conversation; false when the id is taken. */
  create(conversation: Conversation): Promise<boolean>;
  get(id: string): Promise<Conversation | null>;
  /**
   * Compare-and-set: store `next` only if the stored version is still `expectedVersion`.
   * Every status change goes through this, so two writers can never both win.
   */
  replace(next: Conversation, expectedVersion: number): Promise<boolean>;
}

export type AppendResult =
  | { status: 'stored'; message: Message; index: number }
  | { status: 'duplicate'; message: Message }
  | { status: 'full' };

export interface TranscriptRepo {
  /**
   * Append in one atomic step: the same non-empty `clientId` twice stores one message (the
   * second call returns the first), and a transcript at `maxMessages` accepts no more.
   */
  append(conversationId: string, message: Message, maxMessages: number): Promise<AppendResult>;
  list(conversationId: string, opts?: { offset?: number; limit?: number }): Promise<Message[]>;
  /** The message stored earlier under this clientId, if any: a retry is answered without side effects. */
  findByClientId(conversationId: string, clientId: string): Promise<Message | null>;
}

export interface StoredEvent {
  /** Monotonic per stream, starting at 1; SSE uses it as the event id for Last-Event-ID. */
  id: number;
  type: string;
  data: unknown;
  at: number;
}

export interface EventLog {
  append(stream: string, event: { type: string; data: unknown }): Promise<StoredEvent>;
  /** The id of the newest event of a stream (0 when none): where a fresh reader starts. */
  lastId(stream: string): Promise<number>;
  /** Events with id > afterId, oldest first. Old events are trimmed, so a gap is possible. */
  after(stream: string, afterId: number, limit?: number): Promise<StoredEvent[]>;
  /**
   * Resolve when events after `afterId` may have arrived, or after `timeoutMs`. The memory log
   * wakes at once on append; a remote log waits a polling interval.
   */
  wait(stream: string, afterId: number, timeoutMs: number, signal?: AbortSignal): Promise<void>;
}

export interface RateRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  success: boolean;
  remaining: number;
  /** Epoch ms when the window frees up. */
  reset: number;
}

export interface RateLimiter {
  limit(rule: RateRule, key: string): Promise<RateLimitResult>;
}

export interface UserRepo {
  get(id: string): Promise<StaffUser | null>;
  /** Emails are compared lower-cased. */
  findByEmail(email: string): Promise<StaffUser | null>;
  /** Store a new user; false when the email (or id) is taken. Atomic: two creates of one email, one wins. */
  create(user: StaffUser): Promise<boolean>;
  /**
   * Replace an existing user (same id and email) if it is still at `user.version` (the version
   * it was read at), storing version + 1; false when there is none or it changed meanwhile.
   */
  update(user: StaffUser): Promise<boolean>;
  list(): Promise<StaffUser[]>;
}

/**
 * Small JSON documents by namespace and id (packets, ratings, contacts, presence, KB edits).
 * Values are validated by the typed collection over it (src/store/collection.ts).
 */
export interface DocumentStore {
  put(namespace: string, id: string, value: unknown): Promise<void>;
  get(namespace: string, id: string): Promise<unknown | null>;
  delete(namespace: string, id: string): Promise<void>;
  /** Every document of a namespace; namespaces hold hundreds to a few thousand documents. */
  list(namespace: string): Promise<{ id: string; value: unknown }[]>;
  /** A counter per name: bumped by writers, read by every instance to notice changes. */
  bump(counter: string): Promise<number>;
  counter(counter: string): Promise<number>;
}

export interface Store {
  readonly kind: 'memory' | 'upstash';
  readonly conversations: ConversationRepo;
  readonly transcripts: TranscriptRepo;
  readonly events: EventLog;
  readonly rateLimiter: RateLimiter;
  readonly users: UserRepo;
  readonly documents: DocumentStore;
  /** True when the backend answers. /health reports it. */
  ping(): Promise<boolean>;
}

/** Events kept per stream, by every store (older ones trimmed). */
export const EVENTS_KEPT = 1000;
