/**
 * Russian typed in Latin letters ("skolko stoit dostavka") back into Cyrillic, so retrieval,
 * the explicit-request detector and the complaint scorer read it as the Russian it is. There
 * is no one standard (GOST, passport rules and phone habits all differ), so the common
 * spellings of each sound are accepted; longer letter groups are matched first.
 */
const GROUPS: [string, string][] = [
  ['shch', 'щ'], ['sch', 'щ'], ['yo', 'ё'], ['jo', 'ё'], ['yu', 'ю'], ['ju', 'ю'], ['ya', 'я'],
  ['ja', 'я'], ['zh', 'ж'], ['kh', 'х'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'], ['tz', 'ц'],
  ['iy', 'ий'], ['yy', 'ый'], ['ij', 'ий'], ['yj', 'ый'], ['ye', 'е'], ['je', 'е'],
];
const LETTERS: Record<string, string> = {
  a: 'а', b: 'б', v: 'в', w: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', j: 'й', k: 'к', l: 'л',
  m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', h: 'х', c: 'ц', y: 'ы',
  x: 'кс', q: 'к', "'": 'ь',
};
const VOWELS = new Set(['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я']);

function word(latin: string): string {
  let out = '';
  let i = 0;
  while (i < latin.length) {
    const group = GROUPS.find(([g]) => latin.startsWith(g, i));
    if (group) {
      out += group[1];
      i += group[0].length;
      continue;
    }
    const ch = latin[i]!;
    // "y" after a vowel is "й" (moy, dobryy's last letter is handled by the groups above).
    if (ch === 'y' && VOWELS.has(out[out.length - 1] ?? '')) out += 'й';
    else out += LETTERS[ch] ?? ch;
    i += 1;
  }
  return out;
}

/**
 * Transliterated Russian back into Cyrillic, word by word; digits, punctuation and words with
 * capitals inside (model names such as "iPhone") stay as typed.
 *
 * @example
 * fromTranslit('skolko stoit dostavka?') // 'сколко стоит доставка?'
 */
export function fromTranslit(text: string): string {
  return text.replace(/[A-Za-z']+/g, (w) => (/\p{Ll}\p{Lu}/u.test(w) ? w : word(w.toLowerCase())));
}

/** True when the text has Latin letters and no Cyrillic ones. */
export function isLatinOnly(text: string): boolean {
  return /[A-Za-z]/.test(text) && !/\p{Script=Cyrillic}/u.test(text);
}
