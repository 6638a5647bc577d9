import { describe, expect, it } from 'vitest';
import { analyze, normalizeText, stem } from '../../../src/kb/retrieval/index.js';

describe('normalizeText', () => {
  it('folds ё to е and lowercases', () => {
    expect(normalizeText('Ёлка ЗЕЛЁНАЯ')).toBe('елка зеленая');
  });

  it('turns punctuation into single spaces and trims', () => {
    expect(normalizeText('  Where is my card?!  (order #42)…')).toBe('where is my card order 42');
  });

  it('joins apostrophes the way people type without them', () => {
    expect(normalizeText("I can't log in")).toBe(normalizeText('I cant log in'));
    expect(normalizeText('don’t')).toBe('dont');
  });
});

describe('analyze', () => {
  it('gives Russian word forms one stem', () => {
    expect(stem('карта')).toBe(stem('карту'));
    expect(stem('карты')).toBe(stem('картой'));
  });

  it('gives English word forms one stem', () => {
    expect(stem('cards')).toBe(stem('card'));
    expect(stem('activated')).toBe(stem('activation'));
  });

  it('routes each token to its own language stemmer in mixed text', () => {
    const f = analyze('Оплатить картой Visa payments');
    expect(f.stems).toEqual([stem('оплатить'), stem('картой'), stem('visa'), stem('payments')]);
    expect(stem('payments')).toBe('payment');
  });

  it('drops stop words but keeps negations', () => {
    const f = analyze('why is my card not working');
    expect(f.words).toEqual(['why', 'card', 'not', 'working']);
  });

  it('keeps a text made only of stop words', () => {
    expect(analyze('how do I').words.length).toBeGreaterThan(0);
  });

  it('treats ё and е spellings alike', () => {
    expect(analyze('счёт').stems).toEqual(analyze('счет').stems);
  });
});
