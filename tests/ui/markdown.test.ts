import { describe, expect, it } from 'vitest';
import { parseMarkdown, safeHref, type Block, type Inline } from '../../src/ui/shared/markdown';

/** The tree as plain data, for compact expectations. */
const text = (v: string): Inline => ({ t: 'text', v });

describe('parseMarkdown: the safe subset, everything else as text', () => {
  it('keeps paragraphs, line breaks, bold, italic and lists', () => {
    const blocks = parseMarkdown('Delivery is **free** from *5,000 ₽*.\nSecond line\n\n- one\n- two\n\n1. first\n2. second');
    expect(blocks).toEqual<Block[]>([
      { t: 'p', c: [text('Delivery is '), { t: 'strong', c: [text('free')] }, text(' from '), { t: 'em', c: [text('5,000 ₽')] }, text('.'), { t: 'br' }, text('Second line')] },
      { t: 'ul', items: [[text('one')], [text('two')]] },
      { t: 'ol', items: [[text('first')], [text('second')]] },
    ]);
  });

  it('leaves raw HTML as literal text', () => {
    const blocks = parseMarkdown('<img src=x onerror=alert(1)> and <script>alert(1)</script>');
    expect(blocks).toEqual([{ t: 'p', c: [text('<img src=x onerror=alert(1)> and <script>alert(1)</script>')] }]);
  });

  it('links only http(s) and relative targets; other schemes keep just their text', () => {
    expect(parseMarkdown('[track it](https://shop.example/track) or [help](/help#returns)')[0]).toEqual({
      t: 'p',
      c: [{ t: 'a', href: 'https://shop.example/track', c: [text('track it')] }, text(' or '), { t: 'a', href: '/help#returns', c: [text('help')] }],
    });
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/x']) {
      expect(parseMarkdown(`[click](${bad})`)).toEqual([{ t: 'p', c: [text('click')] }]);
    }
  });

  it('turns bare web addresses into links without the sentence’s last dot', () => {
    expect(parseMarkdown('See https://voltmarket.example/order-status.')[0]).toEqual({
      t: 'p',
      c: [text('See '), { t: 'a', href: 'https://voltmarket.example/order-status', c: [text('https://voltmarket.example/order-status')] }, text('.')],
    });
  });

  it('does not read snake_case or lone stars as emphasis', () => {
    expect(parseMarkdown('order_id and 2 * 3 = 6')).toEqual([{ t: 'p', c: [text('order_id and 2 * 3 = 6')] }]);
  });
});

describe('safeHref', () => {
  it('accepts http(s), paths, anchors and queries, and nothing with a control character', () => {
    expect(safeHref('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHref('/help')).toBe('/help');
    expect(safeHref('#top')).toBe('#top');
    expect(safeHref('java\tscript:alert(1)')).toBeUndefined();
    expect(safeHref('https://a.example/\u0000')).toBeUndefined();
    expect(safeHref('mailto:a@b.c')).toBeUndefined();
  });
});
