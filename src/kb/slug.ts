// Russian titles must still give readable Latin ids and file names (`dostavka-po-rossii`),
// so Cyrillic is transliterated rather than dropped.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/**
 * A kebab-case slug of at most `maxLength` characters, cut at a word boundary.
 *
 * @example slugify('Доставка по России?') === 'dostavka-po-rossii'
 */
export function slugify(text: string, maxLength = 60): string {
  const latin = [...text.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join('');
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** Returns `base`, or `base-2`, `base-3`... whichever `taken` does not hold yet, and takes it. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base || 'entry';
  for (let n = 2; taken.has(slug); n += 1) slug = `${base || 'entry'}-${n}`;
  taken.add(slug);
  return slug;
}
