import type { Deps } from '../deps';
import type { Conversation } from '../domain/conversation';
import { transition, type ConversationAction } from '../domain/conversation-state';
import { AppError } from '../http/errors';

/** Attempts before a compare-and-set loop gives up: only a storm of writers gets that far. */
const MAX_ATTEMPTS = 10;

/** Conversation ids are UUIDs; anything else cannot exist, and must never reach a store key. */
const CONVERSATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadConversation(deps: Deps, id: string): Promise<Conversation> {
  if (!CONVERSATION_ID.test(id)) throw new AppError('not_found', 'Conversation not found');
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
