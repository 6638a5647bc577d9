import type { ArticleInput } from '../../src/kb/article';
import type { KbFile } from '../../src/kb/loader';

/** A small two-language knowledge base: big enough to rank, small enough to build in milliseconds. */

function md(front: Record<string, string | string[]>, body: string): KbFile {
  const lines = Object.entries(front).map(([key, value]) =>
    Array.isArray(value) ? `${key}:\n${value.map((v) => `  - ${v}`).join('\n')}` : `${key}: ${value}`,
  );
  return { path: `${front.lang}/${front.id}.md`, text: `---\n${lines.join('\n')}\n---\n${body}\n` };
}

export const KB_FILES: KbFile[] = [
  md(
    { id: 'delivery-cost.en', title: 'Delivery cost', lang: 'en', department: 'delivery', questions: ['How much is delivery?', 'is shipping free', 'what do you charge for shipping'] },
    'Courier delivery is 290 ₽, free from 5,000 ₽.',
  ),
  md(
    { id: 'delivery-cost.ru', title: 'Стоимость доставки', lang: 'ru', department: 'delivery', questions: ['Сколько стоит доставка?', 'доставка бесплатная'] },
    'Курьер — 290 ₽, бесплатно от 5 000 ₽.',
  ),
  md(
    { id: 'returns.en', title: 'Returns', lang: 'en', department: 'returns', questions: ['How do I return an item?', 'can I send it back', 'return policy'] },
    'You can return an item within 14 days.',
  ),
  md(
    { id: 'returns.ru', title: 'Возврат', lang: 'ru', department: 'returns', questions: ['Как вернуть товар?', 'можно ли сдать покупку обратно'] },
    'Вернуть товар можно в течение 14 дней.',
  ),
  md(
    { id: 'warranty.en', title: 'Warranty', lang: 'en', department: 'service', questions: ['How long is the warranty?', 'is my laptop under guarantee'] },
    'Every device has a one-year warranty.',
  ),
  md(
    { id: 'warranty.ru', title: 'Гарантия', lang: 'ru', department: 'service', questions: ['Какая гарантия?', 'на сколько гарантия на ноутбук'] },
    'Гарантия на все устройства — один год.',
  ),
];

/** A valid new article (with its pair missing only as a warning). */
export function giftCards(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    id: 'gift-cards.en',
    title: 'Gift cards',
    topic: 'gift-cards',
    lang: 'en',
    questions: ['Do you sell gift cards?', 'can I buy a voucher for a friend'],
    answer: 'Yes: gift cards from 1,000 to 50,000 ₽, valid for a year.',
    ...overrides,
  };
}
