import { describe, expect, it } from 'vitest';
import type { ConversationStatus } from '../../src/domain/conversation';
import { ALL_ACTION_TYPES, transition, type ConversationAction } from '../../src/domain/conversation-state';

const STATUSES: ConversationStatus[] = ['bot', 'waiting', 'assigned', 'resolved'];

/** Every (status, action) pair: the target status, or null for an illegal move. */
const TABLE: Record<ConversationStatus, Record<string, ConversationStatus | null>> = {
  bot: { handoff: 'waiting', claim: null, transfer_department: null, transfer_operator: null, release: null, resolve: 'resolved', reopen: null },
  waiting: { handoff: null, claim: 'assigned', transfer_department: 'waiting', transfer_operator: 'assigned', release: 'bot', resolve: 'resolved', reopen: null },
  assigned: { handoff: null, claim: null, transfer_department: 'waiting', transfer_operator: 'assigned', release: 'bot', resolve: 'resolved', reopen: null },
  resolved: { handoff: null, claim: null, transfer_department: null, transfer_operator: null, release: null, resolve: null, reopen: 'bot' },
};

const action = (type: string): ConversationAction =>
  type === 'reopen' ? { type: 'reopen', withinWindow: true } : ({ type } as ConversationAction);

describe('conversation state machine', () => {
  it('the table covers every status and every action', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...STATUSES].sort());
    for (const status of STATUSES) expect(Object.keys(TABLE[status]).sort()).toEqual([...ALL_ACTION_TYPES].sort());
  });

  for (const from of STATUSES) {
    for (const type of ALL_ACTION_TYPES) {
      const expected = TABLE[from][type];
      it(`${from} + ${type} → ${expected ?? 'illegal'}`, () => {
        const result = transition(from, action(type));
        if (expected === null) {
          expect(result).toMatchObject({ ok: false, code: 'illegal_transition', from });
          if (!result.ok) expect(result.message).toContain(from);
        } else {
          expect(result).toEqual({ ok: true, from, to: expected });
        }
      });
    }
  }

  it('reopen outside the window is refused as closed, not as illegal', () => {
    expect(transition('resolved', { type: 'reopen', withinWindow: false })).toMatchObject({ ok: false, code: 'conversation_closed' });
  });

  it('reopen is only ever legal from resolved, whatever the window', () => {
    for (const from of STATUSES.filter((s) => s !== 'resolved')) {
      expect(transition(from, { type: 'reopen', withinWindow: false })).toMatchObject({ ok: false, code: 'illegal_transition' });
    }
  });
});
