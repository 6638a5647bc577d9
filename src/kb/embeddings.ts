import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { Article } from './article';

/**
 * Semantic retrieval over the knowledge base, for deployments that configure an OpenAI (or
 * OpenAI-compatible) embeddings endpoint. The offline default never reaches this code:
 * `createOpenAIEmbedder` returns null and retrieval stays lexical. Edge-safe: fetch and
 * crypto.subtle only.
 */

const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';

/** The store namespace of cached article vectors, keyed by content hash. */
export const EMBEDDINGS_NAMESPACE = 'embeddings';

export interface EmbeddingEnv {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  EMBEDDING_MODEL?: string;
}

export const embeddingModel = (env: EmbeddingEnv): string => env.EMBEDDING_MODEL ?? DEFAULT_EMBEDDING_MODEL;

export interface EmbedderOptions {
  /** Retries of one failed call (429, 5xx, network; never other 4xx), backing off from ~1 s. Default 1: a visitor is waiting. */
  maxRetries?: number;
  /** Per request, in ms. Default 10 000. */
  timeoutMs?: number;
  /** Texts per request. Default 256. */
  batchSize?: number;
}

/** The embedder for this configuration, or null when neither a key nor a base URL is set. */
export function createOpenAIEmbedder(env: EmbeddingEnv, opts: EmbedderOptions = {}): EmbeddingsInterface | null {
  if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) return null;
  return new OpenAIEmbeddings({
    model: embeddingModel(env),
    // Local OpenAI-compatible servers need no key, but the SDK refuses to start without one.
    apiKey: env.OPENAI_API_KEY ?? 'no-key',
    // Always explicit: left unset, the SDK would read process.env, which src/ must not depend on.
    configuration: { baseURL: env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1' },
    // The SDK asks for base64 by default; Ollama and LM Studio ignore that and send floats, which
    // it then mis-decodes into a shorter vector (openai/openai-node#1542). Floats work everywhere.
    encodingFormat: 'float',
    maxRetries: opts.maxRetries ?? 1,
    timeout: opts.timeoutMs ?? 10_000,
    batchSize: opts.batchSize ?? 256,
  });
}

/** What gets embedded: the phrasings carry the meaning; the answer's opening adds vocabulary without drowning them. */
export function embeddingText(article: Pick<Article, 'title' | 'questions' | 'answer'>): string {
  return [article.title, ...article.questions, article.answer.slice(0, 500)].join('\n');
}
