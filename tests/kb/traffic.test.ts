import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKbDir } from '../../scripts/lib/read-kb-dir';
import { createKnowledgeBase } from '../../src/kb/knowledge-base';
import { KB_TRAFFIC_NAMESPACE, createTrafficTracker } from '../../src/kb/traffic';
import { MIN_SAMPLES } from '../../src/kb/retrieval/traffic-share';
import { createMemoryStore } from '../../src/store/memory/memory-store';
import type { DocumentStore, Store } from '../../src/store/ports';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';

const HOUR = 3600_000;

function twoInstances(store: Store, clock: { t: number }) {
  const make = (instanceId: string) => createTrafficTracker({ docs: store.documents, assumedShare: 0.2, now: () => clock.t, instanceId, intervalMs: 0 });
  return [make('a'), make('b')] as const;
}

/** Instance a sees off-topic traffic (P(in scope) 0.05); b sees none of its own. */
async function sharedEstimate(store: Store) {
  const clock = { t: 1_000_000 };
  const [a, b] = twoInstances(store, clock);
  for (let i = 0; i < MIN_SAMPLES * 2; i++) a.record(0.05);
  expect(b.state.used).toBe(0.2);
  await a.sync();
  await b.sync();
  return { a, b, clock };
}

describe('traffic tracker over the memory store', () => {
  it('lets every instance act on the traffic all of them saw', async () => {
    const { a, b } = await sharedEstimate(createMemoryStore());
    expect(a.state.estimate).toBeGreaterThan(0.5);
    expect(b.state.estimate).toBeCloseTo(a.state.estimate!, 6);
    expect(b.state.used).toBeGreaterThan(0.2);
    expect(b.state.samples).toBe(MIN_SAMPLES * 2);
  });

  it('weighs old traffic less (half-life 6 hours) and drops an instance gone for a day', async () => {
    const store = createMemoryStore();
    const { b, clock } = await sharedEstimate(store);
    clock.t += 6 * HOUR;
    await b.sync();
    expect(b.state.samples).toBeCloseTo(MIN_SAMPLES, 6);
    clock.t += 25 * HOUR;
    await b.sync();
    expect(b.state.samples).toBe(0);
    expect((await store.documents.list(KB_TRAFFIC_NAMESPACE)).map((d) => d.id)).toEqual(['b']);
  });

  it('keeps the last state when the store fails, and counts nothing twice once it is back', async () => {
    const store = createMemoryStore();
    let down = false;
    const docs: DocumentStore = {
      ...store.documents,
      put: (...args) => (down ? Promise.reject(new Error('store down')) : store.documents.put(...args)),
      list: (...args) => (down ? Promise.reject(new Error('store down')) : store.documents.list(...args)),
    };
    const tracker = createTrafficTracker({ docs, assumedShare: 0.2, now: () => 0, instanceId: 'x', intervalMs: 0 });
    for (let i = 0; i < MIN_SAMPLES; i++) tracker.record(0.05);
    await tracker.sync();
    const before = tracker.state;
    down = true;
    for (let i = 0; i < MIN_SAMPLES; i++) tracker.record(0.05);
    await expect(tracker.sync()).resolves.toBeUndefined();
    expect(tracker.state).toEqual(before);
    down = false;
    await tracker.sync();
    expect(tracker.state.samples).toBe(MIN_SAMPLES * 2);
  });
});

describe('traffic tracker over the Upstash store', () => {
  let bridge: UpstashBridge;
  beforeAll(async () => {
    bridge = await startUpstashBridge();
  });
  afterAll(() => bridge?.stop());

  it('two instances agree on the share through Redis', async () => {
    const prefix = `traffic-${Date.now()}`;
    const { a, b } = await sharedEstimate(createUpstashStore({ url: bridge.url, token: bridge.token, prefix }));
    expect(b.state.estimate).toBeCloseTo(a.state.estimate!, 6);
    expect(b.state.used).toBeGreaterThan(0.2);
  });
});

describe('the knowledge base follows its traffic', () => {
  it('is stricter once most questions it sees are out of scope, and says so', async () => {
    const files = await readKbDir('knowledge-base');
    const kb = await createKnowledgeBase({ files, store: createMemoryStore(), trafficIntervalMs: 0 });
    const question = 'how much is delivery?';
    const before = kb.search(question);
    expect(kb.traffic()).toMatchObject({ used: 0.2, estimate: null });
    // Off-topic traffic: questions the shop's articles do not answer.
    const odd = ['what is the weather tomorrow', 'who won the football match', 'tell me a joke', 'how tall is mount everest', 'best pizza recipe'];
    for (let i = 0; i < MIN_SAMPLES * 2; i++) kb.search(`${odd[i % odd.length]} ${i}`);
    await kb.refresh();
    const traffic = kb.traffic();
    expect(traffic.estimate).toBeGreaterThan(0.5);
    expect(traffic.used).toBeGreaterThan(0.2);
    const after = kb.search(question);
    expect(after.matches[0]?.article.id).toBe(before.matches[0]?.article.id);
    expect(after.confidence).toBeLessThan(before.confidence);
    expect(after.signals.oosShare).toBe(traffic.used);
  });
});
