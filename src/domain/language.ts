import type { Lang } from './conversation';

/**
 * Common words of Russian typed in Latin letters ("translit"). Visitors on phones without a
 * Cyrillic keyboard write "zdravstvuyte, gde moy zakaz": they read Russian best, so such text
 * counts as Russian. Only words that are not also English words belong here.
 */
const TRANSLIT_WORDS = new Set([
  'privet', 'zdravstvuyte', 'zdravstvujte', 'zdrastvuyte', 'dobryy', 'dobryj', 'dobriy',
  'spasibo', 'pozhaluysta', 'pozhalujsta', 'pojaluista', 'gde', 'moy', 'moi', 'moj', 'moya',
  'kak', 'kogda', 'pochemu', 'chto', 'shto', 'eto', 'etot', 'nado', 'nuzhno', 'mozhno', 'hochu',
  'zakaz', 'zakaza', 'dostavka', 'dostavku', 'dostavki', 'tovar', 'tovara', 'vozvrat', 'dengi',
  'rabotaet', 'prishel', 'prishlo', 'ne', 'net', 'da', 'ili', 'uzhe', 'eshche', 'esche', 'seychas',
  'skolko', 'stoit', 'kupit', 'kupil', 'kupila', 'podskazhite', 'skazhite', 'operatora',
  'chelovek', 'cheloveka', 'menya', 'mne', 'vy', 'vas', 'vam', 'dlya', 'ya', 'pozovite', 'pozovi',
  'soedinite', 'svyazhite', 'dayte', 'operatorom', 'chelovekom', 'pogovorit', 'zhivogo', 'vernut',
  'oplatit', 'oplata', 'kartoy', 'garantiya', 'skidka', 'promokod', 'dostavkoy', 'zakazat', 'esli',
  'podoshel', 'podoshla', 'den', 'kakie', 'kakoy', 'kakaya', 'sposoby', 'sposob', 'oplaty', 'bolshoe', 'pridet', 'privezut', 'vozvrata', 'nalichnymi',
]);

/** Latin-letter words that are English beyond doubt; they outvote translit look-alikes. */
const ENGLISH_WORDS = new Set([
  'the', 'a', 'an', 'is', 'are', 'was', 'my', 'your', 'you', 'i', 'it', 'to', 'of', 'and', 'for',
  'with', 'what', 'where', 'when', 'how', 'why', 'can', 'do', 'does', 'not', 'please', 'hello',
  'hi', 'order', 'delivery', 'thanks', 'this', 'that', 'have', 'has', 'me', 'in', 'on',
]);

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * The visitor's language from their text: Russian when Cyrillic letters make up a fair share
 * of the letters (a Russian message often quotes Latin model names, "iPhone 15 не заряжается"),
 * English when the letters are Latin, and Russian again for transliterated Russian. A few
 * Latin words that are only names (a model, a brand) keep the fallback.
 * Empty text, digits, emoji or a tie give `fallback` (say, the conversation's language so far).
 */
export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  const cyrillic = text.match(CYRILLIC)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (cyrillic + latin < 2) return fallback;
  const share = cyrillic / (cyrillic + latin);
  // 0.3, not 0.5: Latin product names and order codes inflate the Latin count in Russian text.
  if (share >= 0.3) return 'ru';
  if (cyrillic > 0 && share > 0.15) return fallback;
  if (looksTransliterated(text)) return 'ru';
  // A few Latin words with none of English's common ones are names ("iPhone 15 Pro Max",
  // "Samsung Galaxy S23"), not a switch to English: keep the conversation's language.
  return namesOnly(text) ? fallback : 'en';
}

function namesOnly(text: string): boolean {
  const tokens = text.match(/[\p{L}\p{N}'-]+/gu) ?? [];
  const words = tokens.map((t) => t.toLowerCase());
  if (tokens.length > 4 || words.some((w) => ENGLISH_WORDS.has(w))) return false;
  // Every word must look like part of a name: digits ("S23", "15"), a capital inside ("iPhone")
  // or a capital first ("Pro", "Max"); one plain lower-case word ("won't", "payment") is English.
  return tokens.some((t) => /\d|\p{Ll}\p{Lu}/u.test(t)) && tokens.every((t) => /\d|\p{Lu}/u.test(t));
}

function looksTransliterated(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  let translit = 0;
  let english = 0;
  for (const word of words) {
    if (ENGLISH_WORDS.has(word)) english += 1;
    else if (TRANSLIT_WORDS.has(word)) translit += 1;
  }
  // Two translit words with no English ones is a pattern a real English sentence rarely makes.
  return translit >= 2 && translit > english * 2;
}
