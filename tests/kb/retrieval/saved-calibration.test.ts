import { describe, expect, it } from 'vitest';
import { BUNDLED_CALIBRATION, BUNDLED_KB } from '../../../src/generated/bundled-content.js';
import { createKnowledgeBase } from '../../../src/kb/knowledge-base.js';
import { createRetriever, type RetrievalEntry } from '../../../src/kb/retrieval/index.js';
import { createMemoryStore } from '../../../src/store/memory/memory-store.js';

// Large enough to be calibrated (not the small-KB fallback): 12 entries × 4 questions.
const TOPICS = ['card', 'refund', 'password', 'delivery', 'fees', 'hours', 'pin', 'limit', 'invoice', 'address', 'order', 'warranty'];
const KB: RetrievalEntry[] = TOPICS.map((t) => ({
  id: t,
  title: `${t} help`,
  questions: [`question about my ${t}`, `problem with the ${t}`, `how does the ${t} work`, `${t} is not right`],
}));
const QUERIES = ['my card', 'refund please', 'the pin does not work', 'weather tomorrow', 'invoice address'];

describe('a saved calibration', () => {
  it('gives the same answers and confidences as calibrating again', () => {
    const computed = createRetriever(KB);
    const saved = computed.saveCalibration();
    expect(saved).not.toBeNull();
    expect(saved!.top1).not.toBeNull();
    const reused = createRetriever(KB, { calibration: JSON.parse(JSON.stringify(saved)) });
    expect(computed.calibrationSource).toBe('computed');
    expect(reused.calibrationSource).toBe('saved');
    expect(reused.threshold).toBe(computed.threshold);
    for (const q of QUERIES) expect(reused.search(q)).toEqual(computed.search(q));
  });

  it('is used as it is when it fits: its values are the ones that decide', () => {
    const saved = createRetriever(KB).saveCalibration()!;
    const reused = createRetriever(KB, { calibration: { ...saved, threshold: 0.42 } });
    expect(reused.threshold).toBe(0.42);
  });

  it('is ignored when the entries or the options differ', () => {
    const saved = { ...createRetriever(KB).saveCalibration()!, threshold: 0.42 };
    const edited = KB.map((e, i) => (i === 0 ? { ...e, questions: [...e.questions, 'one more way to ask'] } : e));
    expect(createRetriever(edited, { calibration: saved }).calibrationSource).toBe('computed');
    expect(createRetriever(edited, { calibration: saved }).threshold).not.toBe(0.42);
    expect(createRetriever(KB, { calibration: saved, oosShare: 0.3 }).calibrationSource).toBe('computed');
  });

  it('is no longer offered once an edit changed the entries, and gives way to a computed one after enough edits', () => {
    const r = createRetriever(KB, { calibration: createRetriever(KB).saveCalibration()! });
    r.upsert({ id: 'new', title: 'New', questions: ['a new question'] });
    expect(r.saveCalibration()).toBeNull();
    expect(r.calibrationSource).toBe('saved');
    for (let i = 0; i < 10; i++) r.upsert({ id: `more-${i}`, title: `More ${i}`, questions: [`another question ${i}`] });
    expect(r.calibrationSource).toBe('computed');
  });
});

describe('the bundled calibration (what the Worker ships)', () => {
  it('fits the bundled knowledge base, so a cold start with no stored edits uses it', async () => {
    expect(BUNDLED_CALIBRATION).toBeDefined();
    const kb = await createKnowledgeBase({ files: BUNDLED_KB, store: createMemoryStore(), retrieverOptions: { calibration: BUNDLED_CALIBRATION! } });
    expect(kb.calibrationSource).toBe('saved');
    const fresh = await createKnowledgeBase({ files: BUNDLED_KB, store: createMemoryStore() });
    for (const q of ['Сколько стоит доставка?', 'how do I return a phone', 'what is the meaning of life']) {
      const a = kb.search(q);
      const b = fresh.search(q);
      expect(a.confidence).toBe(b.confidence);
      expect(a.matches.map((m) => m.article.id)).toEqual(b.matches.map((m) => m.article.id));
    }
  });
});
