import type { ConversationStatus } from './conversation';

/**
 * Everything that can happen to a conversation's status. Reopen carries whether the visitor
 * wrote within the reopen window, so the rule stays pure (the clock is the caller's).
 */
export type ConversationAction =
  | { type: 'handoff' }
  | { type: 'claim' }
  | { type: 'transfer_department' }
  | { type: 'transfer_operator' }
  | { type: 'release' }
  | { type: 'resolve' }
  | { type: 'reopen'; withinWindow: boolean };

export type ActionType = ConversationAction['type'];

export type TransitionResult =
  | { ok: true; from: ConversationStatus; to: ConversationStatus }
  | { ok: false; from: ConversationStatus; code: 'illegal_transition' | 'conversation_closed'; message: string };

/**
 * The legal moves: `bot → waiting → assigned → resolved`, back to `bot` on release or reopen.
 * A transfer to a department puts the conversation back in the queue; a transfer to an
 * operator hands it straight to them.
 */
const MOVES: Record<ActionType, Partial<Record<ConversationStatus, ConversationStatus>>> = {
  handoff: { bot: 'waiting' },
  claim: { waiting: 'assigned' },
  transfer_department: { waiting: 'waiting', assigned: 'waiting' },
  transfer_operator: { waiting: 'assigned', assigned: 'assigned' },
  release: { waiting: 'bot', assigned: 'bot' },
  resolve: { bot: 'resolved', waiting: 'resolved', assigned: 'resolved' },
  reopen: { resolved: 'bot' },
};

export function transition(from: ConversationStatus, action: ConversationAction): TransitionResult {
  const to = MOVES[action.type][from];
  if (to === undefined) {
    return {
      ok: false,
      from,
      code: 'illegal_transition',
      message: `Cannot ${action.type.replace('_', ' ')} a conversation that is ${from}`,
    };
  }
  if (action.type === 'reopen' && !action.withinWindow) {
    return {
      ok: false,
      from,
      code: 'conversation_closed',
      message: 'This conversation was resolved too long ago; start a new one',
    };
  }
  return { ok: true, from, to };
}

export const ALL_ACTION_TYPES = Object.keys(MOVES) as ActionType[];
