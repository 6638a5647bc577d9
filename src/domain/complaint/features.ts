import { CATEGORIES, type Category } from './categories';
import { LEXICON_EN } from './lexicon-en';
import { LEXICON_RU } from './lexicon-ru';
import { compileLexicon, findPhrases, normalizeForMatching } from './patterns';

/** Features that are not lexicon categories: the shape of the message. */
const SHAPE_FEATURES = [
  /** Shouting: most letters are capitals (only in a message with something negative). */
  'caps',
  /** "!!", "??", "?!": exasperation (only in a message with something negative). */
  'multi_punct',
  /** Scare quotes around a word: "unlimited", «быструю». */
  'scare_quotes',
  /** How many negations ("not", "never", "не", "никто"), up to three (only in a negative message). */
  'negations',
  /** The message ends with a question mark. */
  'ends_question',
  /** Praise words together with words of failure: the usual form of sarcasm. */
  'praise_with_failure',
  /** The message is in Russian: the two lexicons differ in coverage, so each gets its own bias. */
  'lang_ru',
] as const;

export type FeatureName = Category | (typeof SHAPE_FEATURES)[number];
export const FEATURE_NAMES: readonly FeatureName[] = [...CATEGORIES, ...SHAPE_FEATURES];

export type FeatureVector = Record<FeatureName, number>;

export interface ExtractedFeatures {
  values: FeatureVector;
  /** Which lexicon hits fired, as `category:phrase`, for the operator and for debugging. */
  signals: string[];
}

// Both lexicons run on every message: a Russian message may say "refund" and a misdetected
// language must not blind the scorer. Cyrillic patterns never match Latin text, so this is safe.
const LEXICONS = [compileLexicon(LEXICON_EN), compileLexicon(LEXICON_RU)];

/** Categories that make a message negative in tone; see the caps and punctuation features. */
const NEGATIVE: readonly Category[] = ['defect', 'delay', 'no_response', 'billing', 'dissatisfaction', 'anger',
  'profanity', 'deceit', 'repeat', 'demand', 'compensation', 'formal', 'legal', 'churn', 'blame', 'negated_positive',
  'why', 'sarcasm'];

const MASKING: readonly Category[] = ['mitigator', 'negated_positive', 'sarcasm'];

/** Categories that name a failure: praise next to one of these is probably sarcasm. */
const FAILURE: readonly Category[] = ['defect', 'delay', 'no_response', 'billing', 'anger', 'deceit'];

const NEGATION = /(?<![\p{L}])(?:not|no|never|nothing|nobody|none|не|нет|ни|никто|ничего|никогда|нигде)(?![\p{L}])|n't/gu;

function capsShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 8) return 0;
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return upper / letters.length;
}

/** Turns a message into the model's features; `lang` is the message's language. */
export function extractFeatures(text: string, lang: 'ru' | 'en'): ExtractedFeatures {
  const normal = normalizeForMatching(text);
  const values = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as FeatureVector;
  const signals: string[] = [];

  // Phrases that turn a word's meaning around go first and are blanked out, so that "not bad"
  // does not also count as "bad", "не помогает" as praise, or "thanks for nothing" as thanks.
  let rest = normal;
  for (const category of MASKING) {
    for (const lexicon of LEXICONS) {
      const pattern = lexicon.find((l) => l.category === category)?.pattern ?? /$^/g;
      rest = rest.replace(pattern, (m) => {
        signals.push(`${category}:${m}`);
        values[category] = Math.min(2, values[category] + 1);
        return ' '.repeat(m.length);
      });
    }
  }
  for (const lexicon of LEXICONS) {
    for (const { category, pattern } of lexicon) {
      if (MASKING.includes(category)) continue;
      const phrases = findPhrases(rest, pattern);
      // Two hits say more than one, a third adds little: cap so one long rant cannot dominate.
      values[category] = Math.min(2, values[category] + phrases.length);
      for (const phrase of phrases) signals.push(`${category}:${phrase}`);
    }
  }

  // "Why does the app log me out" is a reproach dressed as a question, not a request for facts.
  if (values.why > 0) values.question = 0;
  // Shouting and "!!!" amplify a grievance but are just as often joy ("so excited!!!"): they
  // count only when the message has something negative to amplify.
  const negative = NEGATIVE.some((c) => values[c] > 0);
  values.caps = negative && capsShare(text) >= 0.6 ? 1 : 0;
  values.multi_punct = negative && /!{2,}|\?{2,}|\?!|!\?/.test(text) ? 1 : 0;
  values.scare_quotes = /"[^"\s][^"]{0,24}"/.test(normal) ? 1 : 0;
  // Negations amplify too: alone, "I'm not at home on Monday" is no grievance.
  values.negations = negative ? Math.min(3, normal.match(NEGATION)?.length ?? 0) : 0;
  // A plain question; "?!", "???" and why-questions are reproaches and have features of their own.
  const asks = /\?\s*\p{Emoji_Presentation}*\s*$/u.test(text.trim());
  values.ends_question = asks && values.multi_punct === 0 && values.why === 0 ? 1 : 0;
  values.praise_with_failure = values.positive > 0 && FAILURE.some((c) => values[c] > 0) ? 1 : 0;
  values.lang_ru = lang === 'ru' ? 1 : 0;

  for (const name of SHAPE_FEATURES) {
    if (values[name] > 0 && name !== 'lang_ru' && name !== 'negations') signals.push(name);
  }
  return { values, signals };
}
