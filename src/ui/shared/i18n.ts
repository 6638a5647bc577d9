/** The pages' two languages. Every string exists in both: a missing one fails the build. */
export type Locale = 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['ru', 'en'];

export type Strings<K extends string> = Record<Locale, Record<K, string>>;

/** `{name}` placeholders filled from `vars`; a missing variable stays visible rather than vanish. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

/** The first supported language among the candidates (a data- setting, the page's lang, the browser's). */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const c of candidates) {
    const base = c?.trim().toLowerCase().slice(0, 2);
    if (base === 'ru' || base === 'en') return base;
  }
  return 'en';
}
