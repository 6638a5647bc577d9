/**
 * The small pattern language the complaint lexicons are written in, so that a lexicon line reads
 * like the phrase it catches:
 *
 * - words match whole words: `late` does not fire inside "latest";
 * - `*` after letters lets a word go on: `разочарова*` catches every ending Russian gives it;
 * - a space is any run of spaces; ` ~ ` lets up to two words sit between ("wait ~ hours" catches
 *   "waited for two hours");
 * - anything else is a regular expression, so `(won't|wont) (work|start)` and `\d+` work.
 *
 * Text is normalised before matching (see `normalizeForMatching`), so patterns are lower case,
 * use `е` for `ё` and a plain `'` for apostrophes.
 */

// Letters of the two languages, not \p{L}: matching runs on lower-cased text, and a Unicode
// property class in every one of some thousand word boundaries made the compiled expressions
// huge: a cold start of about a second, against some tens of milliseconds with these classes.
const LETTER = '[a-z0-9а-яё]';
const WORD_TAIL = "[a-zа-яё'\\-]*";

function compileOne(pattern: string): string {
  const body = pattern
    .trim()
    .replace(/\\p\{L\}/g, '[a-zа-яё]')
    .replace(/ ~ /g, '\u0001')
    .replace(/ /g, '\\s+')
    .replace(/\u0001/g, "\\s+(?:[a-z0-9а-яё'\\-]+\\s+){0,2}")
    .replace(/([a-zа-яё])\*/g, `$1${WORD_TAIL}`);
  const end = pattern.trim().endsWith('*') ? '' : `(?!${LETTER})`;
  return `(?<!${LETTER})(?:${body})${end}`;
}

export interface CompiledLexicon<C extends string> {
  category: C;
  /**
   * All entries of the category as one alternation: a few dozen big expressions compile far
   * faster than hundreds of small ones, which matters for a Worker's cold start.
   */
  pattern: RegExp;
}

/** Compiles every entry of a lexicon; a malformed entry throws at module load, i.e. in tests. */
export function compileLexicon<C extends string>(lexicon: Record<C, readonly string[]>): CompiledLexicon<C>[] {
  return (Object.keys(lexicon) as C[]).map((category) => ({
    category,
    pattern: new RegExp(lexicon[category].map(compileOne).join('|'), 'gu'),
  }));
}

/** The distinct phrases of a category found in the text, at most `limit` of them. */
export function findPhrases(text: string, pattern: RegExp, limit = 3): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(pattern)) {
    if (!found.includes(match[0])) found.push(match[0]);
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * Lower case, `ё`→`е`, one kind of quote and apostrophe, no links or @handles (brand handles say
 * who is addressed, not how the writer feels), hashtags as words, and letters typed three or
 * more times ("sooooo", "ужааас") cut to two.
 */
export function normalizeForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’`´]/g, "'")
    .replace(/[«»“”„]/g, '"')
    // Tweets and exports often arrive HTML-escaped.
    .replace(/&amp;/g, '&')
    .replace(/&(?:#39|apos);/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/https?:\/\/\S+|www\.\S+/g, ' ')
    .replace(/@[\p{L}\p{N}_]+/gu, ' ')
    .replace(/#(?=\p{L})/gu, '')
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .replace(/\s+/g, ' ')
    .trim();
}
