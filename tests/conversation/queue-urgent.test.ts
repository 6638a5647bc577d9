import { describe, expect, it } from 'vitest';
import type { Bot } from '../../src/domain/decision';
import { ALWAYS_OPEN, makeTestApp, postText, startConversation } from '../helpers/app';
import { bothStores, STORE_KINDS } from '../helpers/both-stores';
import { makeStaff, staffHeaders } from '../helpers/staff';

/**
 * Issue #10: a legal threat sat 4th of 6 behind chats that were only late. Urgent chats
 * (priority ≥ URGENT_PRIORITY: complaints, legal threats, VIPs) come before plain waiting however
 * late that is; plain late chats still come before plain fresh ones. On both stores.
 */
const stores = bothStores('urgent');
const START = Date.UTC(2026, 11, 2, 9, 0);

for (const kind of STORE_KINDS) {
  describe(`queue order with urgent chats (${kind})`, () => {
    it('puts a fresh complaint above a plain chat already past its SLA, and that one above a fresh plain chat', async () => {
      let now = START;
      // The bot hands off with the priority the message asks for: "urgent" or plain.
      const bot: Bot = {
        decide: async ({ text }) => ({ kind: 'handoff', confidence: 0, reasons: text.includes('lawyer') ? ['complaint'] : ['low_confidence'], sources: [], department: 'general', priority: text.includes('lawyer') ? 40 : 0 }),
      };
      const { app, deps } = makeTestApp({ BUSINESS_HOURS: ALWAYS_OPEN, SLA_FIRST_REPLY_SECONDS: '60' }, { clock: { now: () => now }, bot, store: stores.fresh(kind) });
      const op = await makeStaff(deps, 'operator');
      const late = await startConversation(app);
      await postText(app, late, 'where is my parcel');
      now += 5 * 60_000;
      const fresh = await startConversation(app);
      await postText(app, fresh, 'a question nobody wrote down');
      now += 1000;
      const threat = await startConversation(app);
      await postText(app, threat, 'I will call my lawyer');
      now += 1000;

      const queue = (await (await app.request('/api/operator/queue', { headers: staffHeaders(op.token) })).json()) as {
        items: { conversationId: string; sla: { breached: boolean } }[];
      };
      expect(queue.items.map((i) => i.conversationId)).toEqual([threat.id, late.id, fresh.id]);
      // The urgent chat is first without being called late: its SLA clock still runs.
      expect(queue.items.map((i) => i.sla.breached)).toEqual([false, true, false]);
    });
  });
}
