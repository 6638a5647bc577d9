import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/kb/knowledge-base';
import { KB_EDITS_NAMESPACE } from '../../src/kb/kb-edits';
import { createMemoryStore } from '../../src/store/memory/memory-store';
import type { Store } from '../../src/store/ports';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';
import { giftCards, KB_FILES } from './kb-fixtures';

const build = (store: Store = createMemoryStore(), refreshIntervalMs = 0) =>
  createKnowledgeBase({ files: KB_FILES, store, refreshIntervalMs });

describe('knowledge base: files as the baseline, stored edits layered over', () => {
  it('serves the file articles with their source', async () => {
    const kb = await build();
    expect(kb.size).toBe(6);
    expect(kb.problems).toEqual([]);
    expect(kb.list().map((a) => a.id)).toContain('returns.ru');
    expect(kb.origin('returns.en')).toEqual({ source: 'file' });
  });

  it('lets an edit override a file article, and stores it in the kb-edits namespace', async () => {
    const store = createMemoryStore();
    const kb = await build(store);
    const returns = kb.get('returns.en')!;
    const result = await kb.save({ ...returns, answer: 'Returns are free within 30 days.' }, 'editor-1');
    expect(result).toMatchObject({ ok: true, created: false });
    expect(kb.get('returns.en')?.answer).toBe('Returns are free within 30 days.');
    expect(kb.origin('returns.en')).toMatchObject({ source: 'edited', by: 'editor-1' });
    expect(kb.size).toBe(6);
    const stored = await store.documents.get(KB_EDITS_NAMESPACE, 'returns.en');
    expect(stored).toMatchObject({ article: { id: 'returns.en' }, by: 'editor-1' });
  });

  it('creates a new article, with a warning for its missing translation', async () => {
    const kb = await build();
    const result = await kb.save(giftCards(), 'editor-1');
    expect(result.ok && result.created).toBe(true);
    expect(result.ok && result.warnings.map((w) => w.field)).toEqual(['topic']);
    expect(kb.get('gift-cards.en')?.department).toBe('general');
    expect(kb.origin('gift-cards.en')?.source).toBe('created');
    expect(kb.size).toBe(7);
  });

  it('hides a file article on delete, and drops a created one', async () => {
    const store = createMemoryStore();
    const kb = await build(store);
    expect(await kb.remove('warranty.en', 'editor-1')).toBe(true);
    expect(kb.get('warranty.en')).toBeUndefined();
    expect(kb.list().map((a) => a.id)).not.toContain('warranty.en');
    expect(kb.search('How long is the warranty?').matches.map((m) => m.article.id)).not.toContain('warranty.en');
    expect(await kb.remove('warranty.en', 'editor-1')).toBe(false);

    await kb.save(giftCards(), 'editor-1');
    expect(await kb.remove('gift-cards.en', 'editor-1')).toBe(true);
    expect(await store.documents.get(KB_EDITS_NAMESPACE, 'gift-cards.en')).toBeNull();
    expect(kb.size).toBe(5);
  });

  it('refuses an edit by the same rules as the files, and stores nothing', async () => {
    const store = createMemoryStore();
    const kb = await build(store);
    const duplicate = await kb.save(giftCards({ questions: ['How much is delivery?'] }), 'editor-1');
    expect(duplicate.ok).toBe(false);
    expect(!duplicate.ok && duplicate.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'questions.0', severity: 'error', message: expect.stringMatching(/delivery-cost\.en/) })]),
    );
    const empty = await kb.save({ ...kb.get('returns.en')!, answer: '   ' }, 'editor-1');
    expect(!empty.ok && empty.problems).toEqual([expect.objectContaining({ field: 'answer', severity: 'error' })]);
    const slotTaken = await kb.save(giftCards({ id: 'shipping.en', topic: 'delivery-cost' }), 'editor-1');
    expect(!slotTaken.ok && slotTaken.problems.map((p) => p.field)).toContain('topic');
    const shape = await kb.save(giftCards({ questions: [] }), 'editor-1');
    expect(!shape.ok && shape.problems).toEqual([expect.objectContaining({ field: 'questions', severity: 'error' })]);

    expect(await store.documents.list(KB_EDITS_NAMESPACE)).toEqual([]);
    expect(kb.get('returns.en')?.answer).toMatch(/14 days/);
  });

  it('validates concurrent saves on one instance one after the other', async () => {
    const kb = await build();
    const results = await Promise.all([
      kb.save(giftCards(), 'editor-1'),
      kb.save(giftCards({ id: 'vouchers.en', topic: 'vouchers' }), 'editor-2'),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
  });

  it('finds an edited question right after the save', async () => {
    const kb = await build();
    expect(kb.search('do you take trade-in phones').matches[0]?.article.id).not.toBe('warranty.en');
    const warranty = kb.get('warranty.en')!;
    await kb.save({ ...warranty, questions: [...warranty.questions, 'do you take trade-in phones'] }, 'editor-1');
    expect(kb.search('do you take trade-in phones').matches[0]?.article.id).toBe('warranty.en');
  });

  it('never answers with eval-only entries', async () => {
    const kb = await build();
    await kb.save(giftCards({ evalOnly: true, answer: '' }), 'editor-1');
    expect(kb.get('gift-cards.en')).toBeDefined();
    expect(kb.search('Do you sell gift cards?').matches.map((m) => m.article.id)).not.toContain('gift-cards.en');
  });

  it('gives the article of the same topic in the visitor language', async () => {
    const kb = await build();
    const en = kb.get('returns.en')!;
    expect(kb.inLanguage(en, 'ru').id).toBe('returns.ru');
    expect(kb.inLanguage(en, 'en')).toBe(en);
    await kb.remove('returns.ru', 'editor-1');
    expect(kb.inLanguage(en, 'ru')).toBe(en);
  });

  it('reports the retriever figures with each search', async () => {
    const kb = await build();
    const result = kb.search('How much is delivery?', { k: 2 });
    expect(result.matches).toHaveLength(2);
    expect(result.matches[0]?.article.id).toBe('delivery-cost.en');
    expect(result).toMatchObject({ confidence: expect.any(Number), threshold: expect.any(Number), ambiguous: expect.any(Boolean) });
    expect(result.signals).toHaveProperty('top');
  });
});

describe('knowledge base: several instances over one store', () => {
  it('shows an edit made on one instance to another after refresh', async () => {
    const store = createMemoryStore();
    const first = await build(store);
    const second = await build(store);
    await first.save(giftCards(), 'editor-1');
    await first.remove('warranty.en', 'editor-1');
    const returns = first.get('returns.en')!;
    await first.save({ ...returns, questions: [...returns.questions, 'where do I bring a broken kettle back'] }, 'editor-1');

    expect(second.get('gift-cards.en')).toBeUndefined();
    await second.refresh();
    expect(second.get('gift-cards.en')?.title).toBe('Gift cards');
    expect(second.get('warranty.en')).toBeUndefined();
    expect(second.search('where do I bring a broken kettle back').matches[0]?.article.id).toBe('returns.en');
    expect(second.size).toBe(first.size);
  });

  it('agrees on the translation when two instances add one topic\'s article in the same language at once', async () => {
    const store = createMemoryStore();
    const first = await build(store);
    const second = await build(store);
    await first.save(giftCards(), 'editor-1');
    await second.refresh();
    const ru = (id: string, answer: string) => giftCards({ id, lang: 'ru', title: 'Подарочные карты', questions: [`есть ли подарочные карты ${id}`], answer });
    const saved = await Promise.all([first.save(ru('gift-cards.ru', 'Да.'), 'editor-1'), second.save(ru('gift-cards-2.ru', 'Да, есть.'), 'editor-2')]);
    expect(saved.map((r) => r.ok)).toEqual([true, true]);
    await Promise.all([first.refresh(), second.refresh()]);
    const third = await build(store);
    const english = first.get('gift-cards.en')!;
    const picks = [first, second, third].map((kb) => kb.inLanguage(english, 'ru').id);
    expect(new Set(picks)).toEqual(new Set(['gift-cards-2.ru']));
  });

  it('checks the counter at most once per interval', async () => {
    const store = createMemoryStore();
    let clock = 1_000;
    const first = await build(store);
    const second = await createKnowledgeBase({ files: KB_FILES, store, now: () => clock, refreshIntervalMs: 2000 });
    await first.save(giftCards(), 'editor-1');
    clock += 1000;
    await second.refresh();
    expect(second.get('gift-cards.en')).toBeUndefined();
    clock += 1001;
    await second.refresh();
    expect(second.get('gift-cards.en')).toBeDefined();
  });

  it('validates a save against edits made elsewhere', async () => {
    const store = createMemoryStore();
    const first = await createKnowledgeBase({ files: KB_FILES, store, refreshIntervalMs: 60_000 });
    const second = await createKnowledgeBase({ files: KB_FILES, store, refreshIntervalMs: 60_000 });
    await first.save(giftCards(), 'editor-1');
    const clash = await second.save(giftCards({ id: 'vouchers.en', topic: 'vouchers' }), 'editor-2');
    expect(!clash.ok && clash.problems.map((p) => p.field)).toContain('questions.0');
  });
});

describe('knowledge base over the Upstash store', () => {
  let bridge: UpstashBridge;
  beforeAll(async () => {
    bridge = await startUpstashBridge();
  });
  afterAll(() => bridge?.stop());

  it('shares edits between instances through Redis', async () => {
    const prefix = `kb${Date.now()}`;
    const first = await build(createUpstashStore({ url: bridge.url, token: bridge.token, prefix }));
    const second = await build(createUpstashStore({ url: bridge.url, token: bridge.token, prefix }));
    await first.save(giftCards(), 'editor-1');
    await first.remove('warranty.ru', 'editor-1');
    await second.refresh();
    expect(second.get('gift-cards.en')?.answer).toMatch(/gift cards/);
    expect(second.get('warranty.ru')).toBeUndefined();
    expect(second.search('Do you sell gift cards?').matches[0]?.article.id).toBe('gift-cards.en');

    const third = await build(createUpstashStore({ url: bridge.url, token: bridge.token, prefix }));
    expect(third.origin('gift-cards.en')).toMatchObject({ source: 'created', by: 'editor-1' });
  });
});
