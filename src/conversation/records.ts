import type { Deps } from '../deps';
import type { Conversation } from '../domain/conversation';
import { transition, type ConversationAction } from '../domain/conversation-state';
import { AppError } from '../http/errors';
import type { MoveResult, MoveStep } from '../store/ports';

/** Attempts before a compare-and-set loop gives up: only a storm of writers gets that far. */
const MAX_ATTEMPTS = 10;

/** Conversation ids are UUIDs; anything else cannot exist, and must never reach a store key. */
const CONVERSATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A conversation id that cannot exist is a 404 before any store key is built from it. */
export function assertConversationId(id: string): void {
  if (!CONVERSATION_ID.test(id)) throw new AppError('not_found', 'Conversation not found');
}

export async function loadConversation(deps: Deps, id: string): Promise<Conversation> {
  assertConversationId(id);
  const found = await deps.store.conversations.get(id);
  if (!found) throw new AppError('not_found', 'Conversation not found');
  return found;
}

/**
 * Read, change, compare-and-set, retried when another writer won the race. `change` may throw
 * an AppError (an illegal move) or return the record unchanged to write nothing.
 */
export async function updateConversation(
  deps: Deps,
  id: string,
  change: (current: Conversation) => Conversation,
): Promise<{ before: Conversation; after: Conversation; changed: boolean }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = await loadConversation(deps, id);
    const proposed = change(structuredClone(before));
    if (JSON.stringify(proposed) === JSON.stringify(before)) return { before, after: before, changed: false };
    const after = { ...proposed, version: before.version + 1, updatedAt: deps.clock.now() };
    if (await deps.store.conversations.replace(after, before.version)) return { before, after, changed: true };
  }
  throw new AppError('conflict', 'The conversation is changing too fast; try again');
}

/** Apply a state-machine action, or throw its 409. */
export function applyAction(conversation: Conversation, action: ConversationAction): Conversation {
  const result = transition(conversation.status, action);
  if (!result.ok) throw new AppError(result.code, result.message, { status: conversation.status, action: action.type });
  return { ...conversation, status: result.to };
}

/** A move as decided on one record: the record it makes (unversioned) and what changes with it. */
export type Decided = Omit<MoveStep, 'conversationId' | 'expectedVersion' | 'next'> & { next?: Conversation };

/**
 * One conversation move as one atomic store step: read the record, let `decide` choose the move
 * on it (transition() says what is legal; it may throw the AppError of an illegal move, or
 * return null to change nothing), and apply it only if the record is still at the version read.
 * Another step landing in between makes it stale: it is read and decided again, never undone.
 * `initial` is a record the caller has just read, saving the first read.
 */
export async function moveConversation(
  deps: Deps,
  id: string,
  decide: (current: Conversation) => Decided | null,
  initial?: Conversation,
): Promise<{ before: Conversation; after: Conversation; changed: boolean; result: Exclude<MoveResult, { status: 'stale' }> }> {
  let before = initial ?? (await loadConversation(deps, id));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const decided = decide(structuredClone(before));
    if (decided === null) return { before, after: before, changed: false, result: { status: 'done' } };
    const { next: proposed, ...rest } = decided;
    const next = proposed ? { ...proposed, version: before.version + 1, updatedAt: deps.clock.now() } : undefined;
    const result = await deps.store.conversations.move({ ...rest, conversationId: id, expectedVersion: before.version, next, retainSeconds: retainSeconds(deps, (next ?? before).status) });
    if (result.status !== 'stale') {
      const done = result.status === 'done';
      return { before, after: done && next ? next : before, changed: done && next !== undefined, result };
    }
    before = await loadConversation(deps, id);
  }
  throw new AppError('conflict', 'The conversation is changing too fast; try again');
}

/**
 * The retention of a conversation in this status: one with the bot or resolved is forgotten
 * RETENTION_DAYS after its last change; one a person has or will have is kept.
 */
export function retainSeconds(deps: Deps, status: Conversation['status']): number | undefined {
  return status === 'bot' || status === 'resolved' ? deps.env.RETENTION_DAYS * 86_400 : undefined;
}
