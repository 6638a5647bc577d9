/**
 * Lexical retrieval with calibrated confidence, for the bot's answer/clarify/handoff decision.
 * Web APIs only: runs the same in Workers and Node.
 *
 * How it works: TF-IDF over stems (Russian/English by script), stem bigrams and character
 * 3–4-grams; each article is scored by its nearest question variant and its centroid, then
 * re-ranked with weights learned from the KB's own variants (held out one at a time). The
 * same held-out queries, plus each asked with its article removed (a stand-in for questions
 * the KB cannot answer), fit the confidence: a probability that the top match is right.
 */
export { createRetriever, isAmbiguous } from './retriever.js';
export type { Match, RetrievalEntry, RetrievalResult, Retriever, RetrieverOptions, SavedCalibration } from './retriever.js';
export { normalizeText } from './normalize.js';
export { binCounts, binOf, confidenceAtShare, estimateOosShare, SHARE_BINS, trafficShare, type TrafficShare } from './traffic-share.js';
export { analyze, stem } from './tokenize.js';
