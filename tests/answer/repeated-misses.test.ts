import { describe, expect, it } from 'vitest';
import { createKbBot } from '../../src/answer/kb-bot';
import { DEFAULT_POLICY, policyConfigSchema } from '../../src/domain/handoff-policy';
import type { Article } from '../../src/kb/article';
import type { KnowledgeBase } from '../../src/kb/knowledge-base';
import { auth, makeTestApp, postText, startConversation } from '../helpers/app';

const article: Article = {
  id: 'order-status.en',
  title: 'Where is my order?',
  topic: 'order-status',
  questions: ['where is my order'],
  lang: 'en',
  tags: [],
  department: 'delivery',
  handoff: 'auto',
  answer: 'Track it in your account.',
};

/** A knowledge base that is always unsure: confidence in the band where the bot asks to rephrase. */
const unsureKb = {
  list: () => [article],
  get: () => article,
  origin: () => undefined,
  inLanguage: (a: Article) => a,
  search: () => ({ matches: [{ article, score: 3 }], confidence: 0.8, threshold: 0.9, signals: {}, ambiguous: false }),
  refresh: async () => {},
  save: async () => ({ ok: false as const, problems: [] }),
  remove: async () => false,
  revert: async () => ({ ok: false as const, problems: [] }),
  problems: [],
  skippedEdits: [],
  size: 1,
  saveCalibration: () => null,
  calibrationSource: 'computed',
  traffic: () => ({ samples: 0, estimate: null, used: 0.2, bounds: { min: 0.05, max: 0.7 }, assumedShare: 0.2, threshold: 0.9 }),
} satisfies KnowledgeBase;

describe('repeated misses, through the conversation flow', () => {
  it('asks to rephrase twice, then hands off with repeated_misses instead of failing a third time', async () => {
    const { app } = makeTestApp({}, { bot: createKbBot({ kb: unsureKb, policy: DEFAULT_POLICY }) });
    const convo = await startConversation(app, { lang: 'en' });
    const kinds: string[] = [];
    let last: { decision: { kind: string; reasons: string[] } } | undefined;
    for (const text of ['status?', 'the status', 'status of the thing']) {
      last = await (await postText(app, convo, text)).json();
      kinds.push(last!.decision.kind);
    }
    expect(kinds).toEqual(['clarify', 'clarify', 'handoff']);
    expect(last!.decision.reasons).toContain('repeated_misses');
    const read = await (await app.request(`/api/conversations/${convo.id}`, auth(convo.token))).json();
    expect(read.status).toBe('waiting');
  });

  it('the threshold N is configurable', async () => {
    const policy = policyConfigSchema.parse({ repeatedMisses: 1 });
    const { app } = makeTestApp({}, { bot: createKbBot({ kb: unsureKb, policy }) });
    const convo = await startConversation(app, { lang: 'en' });
    const first = await (await postText(app, convo, 'status?')).json();
    const second = await (await postText(app, convo, 'status??')).json();
    expect([first.decision.kind, second.decision.kind]).toEqual(['clarify', 'handoff']);
  });
});
