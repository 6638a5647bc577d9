import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleSchema, type Article, type ArticleInput } from '../../src/kb/article';
import { createEmbeddingIndex } from '../../src/kb/embedding-index';
import { createOpenAIEmbedder, embeddingModel, EMBEDDINGS_NAMESPACE, type EmbeddingEnv } from '../../src/kb/embeddings';
import { createMemoryDocuments } from '../../src/store/memory/memory-documents';
import type { DocumentStore } from '../../src/store/ports';

const OPENAI_URL = 'https://api.openai.com/v1/embeddings';
const LOCAL_URL = 'http://127.0.0.1:9999/v1/embeddings';
const DIMS = 64;

interface Call {
  url: string;
  model: string;
  inputs: string[];
  auth: string | null;
  encoding: unknown;
}
const calls: Call[] = [];

/** A bag-of-words vector: texts sharing words share dimensions, so "similar" is predictable. */
function fakeVector(text: string): number[] {
  const v = new Array<number>(DIMS).fill(0);
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    let h = 2166136261;
    for (const ch of word) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
    v[h % DIMS]! += 1;
  }
  return v;
}

const embeddingsHandler = (url: string) =>
  http.post(url, async ({ request }) => {
    const body = (await request.json()) as { model: string; input: string | string[]; encoding_format?: unknown };
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    calls.push({ url: request.url, model: body.model, inputs, auth: request.headers.get('authorization'), encoding: body.encoding_format });
    return HttpResponse.json({
      object: 'list',
      model: body.model,
      data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeVector(text) })),
      usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
    });
  });

const server = setupServer(embeddingsHandler(OPENAI_URL), embeddingsHandler(LOCAL_URL));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  calls.length = 0;
});
afterAll(() => server.close());

const article = (input: Partial<ArticleInput> & Pick<ArticleInput, 'id' | 'title' | 'questions'>): Article =>
  articleSchema.parse({ topic: input.id.replace(/\.en$/, ''), lang: 'en', answer: 'See our help pages.', ...input });

const ARTICLES: Article[] = [
  article({ id: 'delivery-cost.en', title: 'Delivery cost', questions: ['How much is delivery?', 'What does shipping cost?'], answer: 'Shipping is free over 50 euros.' }),
  article({ id: 'returns.en', title: 'Returns', questions: ['How do I return an item?', 'Can I send my order back?'], answer: 'Returns are free within 30 days.' }),
  article({ id: 'password.en', title: 'Reset password', questions: ['I forgot my password', 'How do I reset my password?'], answer: 'Use the reset link on the login page.' }),
];

const ENV: EmbeddingEnv = { OPENAI_API_KEY: 'sk-test' };

function makeIndex(opts: { env?: EmbeddingEnv; documents?: DocumentStore; now?: () => number; log?: (m: string, f: Record<string, unknown>) => void } = {}) {
  const env = opts.env ?? ENV;
  // No retries: a 500 must fail at once here, not after a backoff.
  const embedder = createOpenAIEmbedder(env, { maxRetries: 0 });
  if (!embedder) throw new Error('expected an embedder');
  const documents = opts.documents ?? createMemoryDocuments();
  const index = createEmbeddingIndex({ embedder, store: documents, model: embeddingModel(env), now: opts.now, log: opts.log });
  return { index, documents };
}

const failWith500 = (url = OPENAI_URL) =>
  server.use(
    http.post(url, () => {
      calls.push({ url, model: '', inputs: [], auth: null, encoding: null });
      return HttpResponse.json({ error: { message: 'boom', type: 'server_error' } }, { status: 500 });
    }),
  );

describe('createOpenAIEmbedder', () => {
  it('is null without a key or a base URL, so the offline default needs no model', () => {
    expect(createOpenAIEmbedder({})).toBeNull();
    expect(createOpenAIEmbedder({ EMBEDDING_MODEL: 'text-embedding-3-large' })).toBeNull();
  });

  it('accepts a base URL without a key (local OpenAI-compatible servers)', () => {
    expect(createOpenAIEmbedder({ OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1' })).not.toBeNull();
  });

  it('sends the key, the default model and float encoding to OpenAI', async () => {
    await createOpenAIEmbedder(ENV)!.embedQuery('hello');
    expect(calls).toEqual([{ url: OPENAI_URL, model: 'text-embedding-3-small', inputs: ['hello'], auth: 'Bearer sk-test', encoding: 'float' }]);
  });

  it('honours OPENAI_BASE_URL and EMBEDDING_MODEL', async () => {
    const env = { OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1', EMBEDDING_MODEL: 'nomic-embed-text' };
    const { index } = makeIndex({ env });
    await index.sync(ARTICLES);
    expect(await index.search('reset my password')).not.toBeNull();
    expect(calls.map((c) => [c.url, c.model])).toEqual([
      [LOCAL_URL, 'nomic-embed-text'],
      [LOCAL_URL, 'nomic-embed-text'],
    ]);
  });
});

describe('createEmbeddingIndex', () => {
  it('embeds every article in one batched call and caches the vectors in the store', async () => {
    const { index, documents } = makeIndex();
    expect(await index.sync(ARTICLES)).toEqual({ embedded: 3, cached: 0, removed: 0, failed: 0 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.inputs).toHaveLength(3);
    const stored = await documents.list(EMBEDDINGS_NAMESPACE);
    expect(stored).toHaveLength(3);
    expect(stored[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.value).toMatchObject({ model: 'text-embedding-3-small', vector: expect.any(Array) });
  });

  it('never re-embeds unchanged articles: a new index over the same store calls the API zero times', async () => {
    const { documents } = makeIndex();
    await makeIndex({ documents }).index.sync(ARTICLES);
    calls.length = 0;
    const restarted = makeIndex({ documents }).index;
    expect(await restarted.sync(ARTICLES)).toEqual({ embedded: 0, cached: 3, removed: 0, failed: 0 });
    expect(await restarted.sync(ARTICLES)).toEqual({ embedded: 0, cached: 0, removed: 0, failed: 0 });
    expect(calls).toHaveLength(0);
    expect(restarted.size).toBe(3);
  });

  it('does not reuse vectors of another model', async () => {
    const { documents } = makeIndex();
    await makeIndex({ documents }).index.sync(ARTICLES);
    calls.length = 0;
    const other = makeIndex({ documents, env: { ...ENV, EMBEDDING_MODEL: 'text-embedding-3-large' } }).index;
    expect(await other.sync(ARTICLES)).toMatchObject({ embedded: 3, cached: 0 });
  });

  it('re-embeds only an edited article and drops a deleted one', async () => {
    const { index } = makeIndex();
    await index.sync(ARTICLES);
    calls.length = 0;
    const edited = { ...ARTICLES[1]!, questions: [...ARTICLES[1]!.questions, 'Where do I send a refund request?'] };
    expect(await index.sync([ARTICLES[0]!, edited])).toEqual({ embedded: 1, cached: 0, removed: 1, failed: 0 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.inputs).toEqual([expect.stringContaining('refund request')]);
    expect(index.size).toBe(2);
  });

  it('leaves out articles that can never be an answer', async () => {
    const { index } = makeIndex();
    const evalOnly = article({ id: 'eval.en', title: 'Eval', questions: ['only for eval'], answer: '', evalOnly: true });
    await index.sync([...ARTICLES, evalOnly]);
    expect(calls[0]!.inputs).toHaveLength(3);
  });

  it('ranks the semantically closest article first and caches the query vector', async () => {
    const { index } = makeIndex();
    await index.sync(ARTICLES);
    const hits = await index.search('forgot the password, how to reset it', 2);
    expect(hits).toHaveLength(2);
    expect(hits![0]!.id).toBe('password.en');
    expect(hits![0]!.score).toBeGreaterThan(hits![1]!.score);
    expect((await index.search('what does shipping cost'))![0]!.id).toBe('delivery-cost.en');
    const before = calls.length;
    await index.search('forgot the password, how to reset it', 2);
    expect(calls.length).toBe(before);
  });

  it('resolves search to null on an API failure, logs it, and skips the API while cooling down', async () => {
    let now = 0;
    const log = vi.fn();
    const { index } = makeIndex({ now: () => now, log });
    await index.sync(ARTICLES);
    failWith500();
    calls.length = 0;
    await expect(index.search('reset password')).resolves.toBeNull();
    expect(log).toHaveBeenCalledWith('embedding query failed', expect.objectContaining({ error: expect.objectContaining({ status: 500 }) }));
    await expect(index.search('something else')).resolves.toBeNull();
    expect(calls).toHaveLength(1);
    server.resetHandlers();
    now = 30_001;
    expect((await index.search('reset password'))![0]!.id).toBe('password.en');
  });

  it('survives a failing sync: nothing indexed, search null, the next sync after the cooldown retries', async () => {
    let now = 0;
    const { index } = makeIndex({ now: () => now });
    failWith500();
    await expect(index.sync(ARTICLES)).resolves.toEqual({ embedded: 0, cached: 0, removed: 0, failed: 3 });
    await expect(index.search('reset password')).resolves.toBeNull();
    server.resetHandlers();
    expect(await index.sync(ARTICLES)).toMatchObject({ failed: 3 });
    now = 30_001;
    expect(await index.sync(ARTICLES)).toMatchObject({ embedded: 3, failed: 0 });
  });

  it('treats a corrupt cache document as missing and overwrites it', async () => {
    const { index: first, documents } = makeIndex();
    await first.sync(ARTICLES);
    const [doc] = await documents.list(EMBEDDINGS_NAMESPACE);
    await documents.put(EMBEDDINGS_NAMESPACE, doc!.id, { vector: 'garbage' });
    calls.length = 0;
    expect(await makeIndex({ documents }).index.sync(ARTICLES)).toEqual({ embedded: 1, cached: 2, removed: 0, failed: 0 });
    expect(await documents.get(EMBEDDINGS_NAMESPACE, doc!.id)).toMatchObject({ vector: expect.any(Array) });
  });
});
