import type { Conversation, Message } from '../domain/conversation';
import type { QueueEntry } from '../domain/packet';
import type { StaffUser } from '../domain/staff-user';

/**
 * The storage ports. Each is small and typed on its own; adapters live in memory/ and upstash/
 * and pass one contract test suite (tests/store/contract.ts).
 */

export interface ConversationRepo {
  /**
   * Store a new conversation; false when the id is taken. With `retainSeconds` it (with its
   * transcript) is forgotten that long after its last write, unless a move says otherwise.
   */
  create(conversation: Conversation, retainSeconds?: number): Promise<boolean>;
  get(id: string): Promise<Conversation | null>;
  /**
   * Compare-and-set: store `next` only if the stored version is still `expectedVersion`.
   * Every status change goes through this, so two writers can never both win.
   */
  replace(next: Conversation, expectedVersion: number): Promise<boolean>;
  /**
   * One conversation move in one atomic step: the record, its queue entry, its operator's
   * assignment, a document beside it and a transcript message change together or not at all.
   * The caller decides the move (transition() says what is legal) on the record it read; the
   * store only checks that the record is still at that version, and capacity.
   */
  move(step: MoveStep): Promise<MoveResult>;
  /**
   * The record, its whole transcript and the message stored under `clientId`, read together in
   * one step: what a visitor message is decided on, in one round trip.
   */
  snapshot(id: string, clientId?: string): Promise<{ conversation: Conversation | null; messages: Message[]; earlier: Message | null }>;
}

/** A place in a department's queue; `breachAt` is absent when the SLA can no longer breach. */
export type QueuePlacement = QueueEntry & { breachAt?: number };

export interface MoveStep {
  conversationId: string;
  /** The version the caller read and decided on; any other stored version makes the step `stale`. */
  expectedVersion: number;
  /** The record after the move (version expectedVersion + 1); absent when only the check is wanted. */
  next?: Conversation;
  /** Put the conversation in its department's queue (moving it if queued elsewhere), or take it out (null). */
  queue?: QueuePlacement | null;
  /**
   * Give it to an operator, counted against `capacity` in the same step (a conversation they
   * already hold does not count twice), or take it from whoever held it (null).
   */
  assign?: { operatorId: string; capacity: number } | null;
  /**
   * How long the conversation (record, transcript, client ids) is kept after this step: set for
   * one with the bot or resolved (the retention setting), absent for one a person has or will
   * have (kept while it is waiting or assigned).
   */
  retainSeconds?: number;
  /** A document written with the move (the handoff packet). */
  document?: { namespace: string; id: string; value: unknown };
  /**
   * A message appended with the move: deduplicated by clientId and bounded like
   * TranscriptRepo.append; `reply` (the bot's answer to it) follows it in the same step. With
   * `skipIfFull` (a notice about the move) a full transcript skips the message, not the move.
   */
  append?: { message: Message; maxMessages: number; reply?: Message; skipIfFull?: boolean };
}

export type MoveResult =
  | { status: 'done'; index?: number }
  /** The record is missing or at another version: read it again and decide again. */
  | { status: 'stale' }
  | { status: 'over_capacity' }
  /** The message's clientId was stored before: nothing changed. */
  | { status: 'duplicate'; message: Message }
  | { status: 'full' };

/** A queue row: the entry, whether its SLA is breached now, and what a view shows beside it. */
export interface QueueRow {
  entry: QueueEntry;
  breached: boolean;
  conversation: Conversation | null;
  document: unknown | null;
}

/**
 * The waiting line, kept sorted by the queue rule (SLA breach, then priority, then the longest
 * wait, then id) per department and across all departments, so a read costs what it returns.
 */
export interface QueueRepo {
  /** One page, most urgent first, with each row's record and its document of `documents` (the packets). */
  page(q: { department?: string; offset: number; limit: number; now: number; documents: string }): Promise<{ total: number; rows: QueueRow[] }>;
  /** This conversation's entry and how many of its department are served before it; null when not queued. */
  place(conversationId: string, now: number): Promise<{ entry: QueueEntry; ahead: number; breached: boolean } | null>;
  /** How many conversations each operator holds, in the order asked. */
  held(operatorIds: string[]): Promise<number[]>;
  /** The conversations an operator holds, or (no operator) every conversation someone holds. */
  holding(operatorId?: string): Promise<string[]>;
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
  readonly queue: QueueRepo;
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

/** Seconds a stream lives after its last event, in every store: long enough for any reconnect. */
export const EVENT_TTL_SECONDS = 7 * 24 * 3600;
