import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postText, startConversation } from '../helpers/app';
import { makeKbApp } from '../helpers/kb-app';
import { makeStaff, staffHeaders } from '../helpers/staff';

/** Deterministic fake embeddings: a bag of word stems hashed into 64 dimensions. */
function fakeVector(text: string): number[] {
  const v = new Array<number>(64).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []) {
    const stem = word.slice(0, 5);
    let h = 0;
    for (const ch of stem) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
    v[h % 64]! += 1;
  }
  return v;
}

let calls = 0;
let failing = false;
/** When set, the query text gets the vector of another text (to make the two rankings differ). */
let queryAs: { text: string; as: string } | undefined;
const server = setupServer(
  http.post('https://api.openai.com/v1/embeddings', async ({ request }) => {
    calls += 1;
    if (failing) return HttpResponse.json({ error: { message: 'down' } }, { status: 500 });
    const body = (await request.json()) as { input: string[] | string; model: string };
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    return HttpResponse.json({
      object: 'list',
      model: body.model,
      data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeVector(text === queryAs?.text ? queryAs.as : text) })),
      usage: { prompt_tokens: 1, total_tokens: 1 },
    });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  failing = false;
  queryAs = undefined;
});
afterAll(() => server.close());

describe('the bot with OpenAI embeddings configured', () => {
  it('embeds the articles once into the store cache and answers from the article', async () => {
    const { app, deps } = await makeKbApp({ OPENAI_API_KEY: 'sk-test' });
    calls = 0;
    const convo = await startConversation(app, { lang: 'en' });
    const body = await (await postText(app, convo, 'How much does delivery cost?')).json();
    expect(calls).toBeGreaterThanOrEqual(2); // the articles once, then the query
    expect(body.decision.kind).toBe('answer');
    expect(body.decision.sources[0].id).toBe('delivery-cost.en');
    const cached = await deps.store.documents.list('embeddings');
    expect(cached.length).toBeGreaterThan(50);
  });

  it('counts the other language of the same topic on top of the semantic ranking as agreement', async () => {
    const { app } = await makeKbApp({ OPENAI_API_KEY: 'sk-test' });
    // Lexically the English article leads (two words), the Russian one follows (one word);
    // semantically the Russian one leads, so the fused ranking puts it first.
    queryAs = { text: 'delivery cost доставка', as: 'Сколько стоит доставка курьером до двери?' };
    const convo = await startConversation(app, { lang: 'en' });
    const body = await (await postText(app, convo, 'delivery cost доставка')).json();
    expect(body.decision.kind).toBe('answer');
    expect(body.decision.sources[0].id).toMatch(/^delivery-cost\./);
  });

  it('the editor\'s try page shows the decision the visitor gets, embeddings included', async () => {
    const { app, deps } = await makeKbApp({ OPENAI_API_KEY: 'sk-test' });
    queryAs = { text: 'How much does delivery cost?', as: 'Can I pay in installments? Рассрочка без переплаты' };
    const convo = await startConversation(app, { lang: 'en' });
    const visitor = await (await postText(app, convo, 'How much does delivery cost?')).json();
    const editor = await makeStaff(deps, 'editor');
    const tried = await (await app.request('/api/kb/try', { method: 'POST', headers: staffHeaders(editor.token), body: JSON.stringify({ text: 'How much does delivery cost?', lang: 'en' }) })).json();
    expect(tried.decision.kind).toBe(visitor.decision.kind);
    expect(tried.decision.sources).toEqual(visitor.decision.sources);
    expect(tried.signals).toHaveProperty('fusionAgrees');
  });

  it('falls back to lexical retrieval when the embeddings API fails', async () => {
    const { app } = await makeKbApp({ OPENAI_API_KEY: 'sk-test' });
    failing = true;
    const convo = await startConversation(app, { lang: 'en' });
    const body = await (await postText(app, convo, 'Can I pay in installments?')).json();
    expect(body.decision.kind).toBe('answer');
    expect(body.decision.sources[0].id).toBe('installments.en');
  });
});
