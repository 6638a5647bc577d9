/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import { parseMarkdown, type Block, type Inline } from './markdown';

/** Authored Markdown as DOM nodes from the allow-list of markdown.ts; every string is a text node. */
export function Markdown({ text }: { text: string }) {
  return <>{parseMarkdown(text).map(block)}</>;
}

function block(b: Block, key: number) {
  if (b.t === 'p') return <p key={key}>{b.c.map(inline)}</p>;
  const items = b.items.map((item, i) => <li key={i}>{item.map(inline)}</li>);
  return b.t === 'ul' ? <ul key={key}>{items}</ul> : <ol key={key}>{items}</ol>;
}

function inline(n: Inline, key: number): ComponentChildren {
  switch (n.t) {
    case 'text':
      return n.v;
    case 'br':
      return <br key={key} />;
    case 'strong':
      return <strong key={key}>{n.c.map(inline)}</strong>;
    case 'em':
      return <em key={key}>{n.c.map(inline)}</em>;
    case 'a':
      return (
        <a key={key} href={n.href} target="_blank" rel="noopener noreferrer">
          {n.c.map(inline)}
        </a>
      );
  }
}
