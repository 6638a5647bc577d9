/**
 * Text normalisation shared by indexing and querying, so both sides see the same characters.
 * Lowercase, ё→е (Russian writers use them interchangeably), apostrophes joined ("can't" →
 * "cant", the way people type it without one), every other non-letter/digit run → one space.
 */
const APOSTROPHES = /['’ʼ`´]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(APOSTROPHES, '')
    .replace(NON_WORD, ' ')
    .trim();
}

/** Words of already-normalised text. */
export function splitWords(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

const CYRILLIC = /[а-я]/;

/** Script decides the stemmer: a Russian stemmer leaves Latin untouched and vice versa. */
export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}
