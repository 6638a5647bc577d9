import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { isCyrillic, normalizeText, splitWords } from './normalize.js';
import { STOP_WORDS } from './stop-words.js';

/**
 * Feature groups of one text. Each group becomes its own TF-IDF vector, so their weights can
 * be balanced: stems match word forms ("карты"/"карту"), stem bigrams keep a little word order
 * ("card declined" vs "declined card" score alike, "top up" stays one idea), and character
 * n-grams inside words survive typos ("recieve") and unknown morphology.
 */
export interface TextFeatures {
  words: string[];
  stems: string[];
  bigrams: string[];
  chars: string[];
}

// Stemming dominates analysis cost; the vocabulary of a KB plus its traffic is small.
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stem(word: string): string {
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  const out = /^\d+$/.test(word) ? word : isCyrillic(word) ? stemRussian(word) : stemEnglish(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, out);
  return out;
}

const MIN_GRAM = 3;
const MAX_GRAM = 4;

export function charGrams(word: string, out: string[]): void {
  const padded = ` ${word} `;
  if (padded.length <= MIN_GRAM) {
    out.push(padded);
    return;
  }
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  }
}

export function analyze(text: string): TextFeatures {
  const all = splitWords(normalizeText(text));
  // A text made only of stop words ("how do I") still needs some features to compare.
  const content = all.filter((w) => !STOP_WORDS.has(w));
  const words = content.length > 0 ? content : all;
  const stems = words.map(stem);
  const bigrams: string[] = [];
  for (let i = 1; i < stems.length; i++) bigrams.push(`${stems[i - 1]} ${stems[i]}`);
  const chars: string[] = [];
  for (const w of words) charGrams(w, chars);
  return { words, stems, bigrams, chars };
}
