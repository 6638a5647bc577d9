import { describe, expect, it } from 'vitest';
// First: the app loads @hono/zod-openapi, whose `.openapi()` exists only on zod schemas built after it.
import { makeTestApp } from '../helpers/app';
import { createKnowledgeBase } from '../../src/kb/knowledge-base';
import { createMemoryStore } from '../../src/store/memory/memory-store';
import type { Store } from '../../src/store/ports';
import { giftCards, KB_FILES } from '../kb/kb-fixtures';
import { makeStaff } from '../helpers/staff';

/** An app with a knowledge base, plus a token (and id) for each role. */
async function setup(withKb = true) {
  const store = createMemoryStore();
  const kb = withKb ? await createKnowledgeBase({ files: KB_FILES, store, refreshIntervalMs: 0 }) : undefined;
  const { app, deps } = makeTestApp({}, { store, ...(kb ? { kb } : {}) });
  const [editor, operator, admin] = await Promise.all((['editor', 'operator', 'admin'] as const).map((role) => makeStaff(deps, role)));
  return { app, deps, kb, editor: editor!.token, editorId: editor!.id, operator: operator!.token, admin: admin!.token };
}

const call = (method: string, token: string | undefined, body?: unknown): RequestInit => ({
  method,
  headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

describe('editor API: who may use it', () => {
  it('answers 401 without a token; an operator may list (the console searches) but not change; editors and admins pass', async () => {
    const { app, editor, operator, admin } = await setup();
    const none = await app.request('/api/kb/articles');
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('unauthorized');
    const search = await app.request('/api/kb/articles?q=return&lang=en', call('GET', operator));
    expect(search.status).toBe(200);
    const found = (await search.json()).articles as { id: string; lang: string }[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((a) => a.lang === 'en')).toBe(true);
    const forbidden = await app.request('/api/kb/articles', call('POST', operator, giftCards()));
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe('forbidden');
    expect((await app.request('/api/kb/articles', call('GET', editor))).status).toBe(200);
    expect((await app.request('/api/kb/articles/returns.en', call('GET', admin))).status).toBe(200);
  });

  it('answers 404 when no knowledge base is configured', async () => {
    const { app, editor } = await setup(false);
    const res = await app.request('/api/kb/articles', call('GET', editor));
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'not_found', message: 'No knowledge base configured' });
  });
});

describe('editor API: articles', () => {
  it('lists the articles with their origin, filtered by language, words and department', async () => {
    const { app, editor, editorId } = await setup();
    const all = await (await app.request('/api/kb/articles', call('GET', editor))).json();
    expect(all.articles).toHaveLength(6);
    expect(all.articles[0]).toMatchObject({ id: 'delivery-cost.en', origin: 'file', department: 'delivery' });
    const ru = await (await app.request('/api/kb/articles?lang=ru&q=доставка', call('GET', editor))).json();
    expect(ru.articles.map((a: { id: string }) => a.id)).toEqual(['delivery-cost.ru']);
    const service = await (await app.request('/api/kb/articles?department=service', call('GET', editor))).json();
    expect(service.articles.map((a: { id: string }) => a.id)).toEqual(['warranty.en', 'warranty.ru']);
    expect((await app.request('/api/kb/articles?lang=de', call('GET', editor))).status).toBe(400);
  });

  it('creates an article (201), then refuses the same id (409)', async () => {
    const { app, editor, editorId } = await setup();
    const { topic: _topic, ...withoutTopic } = giftCards({ source: 'faq.csv' });
    const res = await app.request('/api/kb/articles', call('POST', editor, withoutTopic));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.article).toMatchObject({ id: 'gift-cards.en', topic: 'gift-cards', origin: 'created', source: 'faq.csv', updatedBy: editorId, tags: [] });
    expect(body.warnings).toEqual([expect.objectContaining({ field: 'topic', severity: 'warning' })]);
    const read = await app.request('/api/kb/articles/gift-cards.en', call('GET', editor));
    expect(await read.json()).toMatchObject({ id: 'gift-cards.en', origin: 'created' });

    const again = await app.request('/api/kb/articles', call('POST', editor, giftCards()));
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('conflict');
    const fileId = await app.request('/api/kb/articles', call('POST', editor, giftCards({ id: 'returns.en', topic: 'returns' })));
    expect(fileId.status).toBe(409);
  });

  it('refuses a rule breach with 400 and every problem by field', async () => {
    const { app, editor, editorId } = await setup();
    const res = await app.request('/api/kb/articles', call('POST', editor, giftCards({ answer: '', questions: ['is shipping free', 'Do you sell gift cards?'] })));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation_error');
    expect(error.details.problems.map((p: { field: string }) => p.field).sort()).toEqual(['answer', 'questions.0', 'topic']);
    expect(error.details.problems).toContainEqual(expect.objectContaining({ field: 'questions.0', message: expect.stringMatching(/delivery-cost\.en/) }));
    expect((await app.request('/api/kb/articles/gift-cards.en', call('GET', editor))).status).toBe(404);
  });

  it('refuses a malformed body with the same problem list: missing and unknown fields', async () => {
    const { app, editor, editorId } = await setup();
    const { title: _title, ...noTitle } = giftCards();
    const res = await app.request('/api/kb/articles', call('POST', editor, { ...noTitle, question: ['typo'] }));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation_error');
    expect(error.details.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', message: 'is missing' }),
        expect.objectContaining({ field: 'question', message: expect.stringMatching(/unknown field/) }),
      ]),
    );
  });

  it('replaces a file article (200), and the change is what search now finds', async () => {
    const { app, editor, editorId, kb } = await setup();
    const before = await (await app.request('/api/kb/articles/warranty.en', call('GET', editor))).json();
    expect(kb!.search('do you repair cracked screens').matches[0]?.article.id).not.toBe('warranty.en');
    // What GET returned goes back as it is, read-only fields included.
    const edited = { ...before, questions: [...before.questions, 'do you repair cracked screens'] };
    const res = await app.request('/api/kb/articles/warranty.en', call('PUT', editor, edited));
    expect(res.status).toBe(200);
    expect((await res.json()).article).toMatchObject({ origin: 'edited', updatedBy: editorId });
    expect(kb!.search('do you repair cracked screens').matches[0]?.article.id).toBe('warranty.en');

    const { id: _id, ...withoutId } = edited;
    expect((await app.request('/api/kb/articles/warranty.en', call('PUT', editor, { ...withoutId, title: 'Guarantee' }))).status).toBe(200);
    const mismatch = await app.request('/api/kb/articles/warranty.en', call('PUT', editor, { ...edited, id: 'returns.en' }));
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).error.details.problems).toEqual([expect.objectContaining({ field: 'id' })]);
    expect((await app.request('/api/kb/articles/nope.en', call('PUT', editor, withoutId))).status).toBe(404);
  });

  it('deletes (204), after which the article is gone (404) and unknown ids are 404', async () => {
    const { app, editor, editorId, kb } = await setup();
    expect((await app.request('/api/kb/articles/returns.en', call('DELETE', editor))).status).toBe(204);
    expect((await app.request('/api/kb/articles/returns.en', call('GET', editor))).status).toBe(404);
    expect((await app.request('/api/kb/articles/returns.en', call('DELETE', editor))).status).toBe(404);
    expect(kb!.search('How do I return an item?').matches.map((m) => m.article.id)).not.toContain('returns.en');
  });

  it('checks "exists" in line with other changes: two creates of one id, or a delete racing a replace, cannot both win', async () => {
    // A store with some latency (as Upstash always has) opens the window between check and write.
    const memory = createMemoryStore();
    const store: Store = { ...memory, documents: new Proxy(memory.documents, {
      get: (target, key) => {
        const value = Reflect.get(target, key);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          await new Promise((r) => setTimeout(r, 5));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) };
    const kb = await createKnowledgeBase({ files: KB_FILES, store, refreshIntervalMs: 0 });
    const { app, deps } = makeTestApp({}, { store, kb });
    const editor = (await makeStaff(deps, 'editor')).token;

    const creates = await Promise.all([
      app.request('/api/kb/articles', call('POST', editor, giftCards({ answer: 'first' }))),
      app.request('/api/kb/articles', call('POST', editor, giftCards({ answer: 'second' }))),
    ]);
    expect(creates.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = creates.find((r) => r.status === 201)!;
    expect(kb.get('gift-cards.en')?.answer).toBe((await winner.json()).article.answer);
    expect((await creates.find((r) => r.status === 409)!.json()).error.code).toBe('conflict');

    const returns = kb.get('returns.en')!;
    const [deleted, replaced] = await Promise.all([
      app.request('/api/kb/articles/returns.en', call('DELETE', editor)),
      app.request('/api/kb/articles/returns.en', call('PUT', editor, { ...returns, answer: 'changed' })),
    ]);
    expect([deleted.status, replaced.status]).toEqual([204, 404]);
    expect(kb.get('returns.en')).toBeUndefined();
  });

  it('describes the editor routes in /openapi.json', async () => {
    const { app } = await setup();
    const doc = await (await app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/kb/articles', '/api/kb/articles/{id}']));
    expect(Object.keys(doc.paths['/api/kb/articles/{id}'])).toEqual(expect.arrayContaining(['get', 'put', 'delete']));
  });
});
