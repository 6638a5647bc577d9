/**
 * The one Markdown renderer of every page, in two steps: `parseMarkdown` turns text into a small
 * tree of allowed nodes (paragraphs, line breaks, bold, italic, lists, links), and the view
 * (markdown-view.tsx) builds DOM nodes from that tree only. Anything else, raw HTML included,
 * stays literal text. Links are kept only for http(s) and relative targets.
 */

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'br' }
  | { t: 'strong' | 'em'; c: Inline[] }
  | { t: 'a'; href: string; c: Inline[] };

export type Block = { t: 'p'; c: Inline[] } | { t: 'ul' | 'ol'; items: Inline[][] };

const LIST_ITEM = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { t: 'ul' | 'ol'; items: string[] } | undefined;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ t: 'p', c: joinLines(paragraph) });
    if (list) blocks.push({ t: list.t, items: list.items.map((item) => parseInline(item)) });
    paragraph = [];
    list = undefined;
  };

  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const kind = item[1] ? 'ul' : 'ol';
      if (paragraph.length > 0 || (list && list.t !== kind)) flush();
      list ??= { t: kind, items: [] };
      list.items.push(item[3] ?? '');
    } else if (list && /^\s{2,}\S/.test(line)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

function joinLines(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ t: 'br' });
    out.push(...parseInline(line));
  });
  return out;
}

/** A link target the pages may follow: http(s), or a path on the same site. */
export function safeHref(raw: string): string | undefined {
  const href = raw.trim();
  if (/[\u0000-\u0020\u007f]/.test(href)) return undefined;
  if (/^https?:\/\/[^/]/i.test(href)) return href;
  if (/^(\/(?!\/)|\.{1,2}\/|#|\?)/.test(href)) return href;
  return undefined;
}

const URL_RE = /^https?:\/\/[^\s<>"']+/i;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const push = (node: Inline) => {
    if (plain) out.push({ t: 'text', v: plain });
    plain = '';
    out.push(node);
  };

  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (strong) {
      push({ t: 'strong', c: parseInline(strong[2]!) });
      i += strong[0].length;
      continue;
    }
    const em = /^(\*|_)(?=[^\s*_])([\s\S]*?[^\s*_])\1(?![\w])/.exec(rest);
    if (em && (em[1] === '*' || !/\w/.test(text[i - 1] ?? ''))) {
      push({ t: 'em', c: parseInline(em[2]!) });
      i += em[0].length;
      continue;
    }
    const link = /^\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/.exec(rest);
    if (link) {
      const href = safeHref(link[2]!);
      if (href) push({ t: 'a', href, c: parseInline(link[1]!) });
      else plain += link[1];
      i += link[0].length;
      continue;
    }
    const url = /[\w/]/.test(text[i - 1] ?? '') ? null : URL_RE.exec(rest);
    if (url) {
      // Trailing punctuation ends the sentence, not the address.
      const target = url[0].replace(/[.,;:!?)]+$/, '');
      push({ t: 'a', href: target, c: [{ t: 'text', v: target }] });
      i += target.length;
      continue;
    }
    plain += text[i];
    i += 1;
  }
  if (plain) out.push({ t: 'text', v: plain });
  return out;
}
