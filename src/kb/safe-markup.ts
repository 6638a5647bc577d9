/**
 * What an editor's Markdown answer may not hold, checked when the editor API saves it: raw HTML
 * and links whose scheme is not on the allow-list (javascript:, data:, vbscript: and the rest).
 * The pages' renderer makes such markup inert as well; refusing it at save means it is never
 * stored, whatever renders it later (an e-mail, an export, another client).
 */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Code spans and fenced blocks show markup as text, so what they hold is not checked. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/** A link destination as a browser reads its scheme: entities decoded, whitespace and controls dropped. */
function schemeOf(destination: string): string | null {
  const decoded = destination
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec) % 0x110000))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '')
    .replace(/[\s\u0000-\u001f\u007f]/g, '');
  const match = decoded.match(/^([a-z][a-z0-9+.-]*):/i);
  return match ? match[1]!.toLowerCase() : null;
}

/** Every link destination: inline `[t](dest)`, images, reference definitions `[r]: dest`, autolinks `<dest>`. */
function destinations(markdown: string): string[] {
  const found: string[] = [];
  for (const m of markdown.matchAll(/\]\(\s*<?([^)>]*)/g)) found.push(m[1]!);
  for (const m of markdown.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S*)/gm)) found.push(m[1]!);
  for (const m of markdown.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) found.push(m[1]!);
  return found;
}

/** The first reason the answer cannot be saved, or null when it is safe. */
export function unsafeMarkup(markdown: string): string | null {
  const text = withoutCode(markdown);
  const tag = text.match(/<\/?[a-z][a-z0-9-]*(?=[\s>/])|<!--|<!\[CDATA\[|<\?/i);
  if (tag) return `must not contain raw HTML (found "${tag[0]}"); write Markdown, or put markup in \`code\` to show it`;
  for (const destination of destinations(text)) {
    const scheme = schemeOf(destination);
    if (scheme !== null && !ALLOWED_SCHEMES.has(scheme)) return `links may use http, https, mailto or tel only (found "${scheme}:")`;
  }
  return null;
}
