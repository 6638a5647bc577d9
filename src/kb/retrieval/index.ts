export { createRetriever, isAmbiguous } from './retriever.js';
export type { Match, RetrievalEntry, RetrievalResult, Retriever, RetrieverOptions } from './retriever.js';
export { normalizeText } from './normalize.js';
export { analyze, stem } from './tokenize.js';
