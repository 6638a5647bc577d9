import { describe, expect, it } from 'vitest';
import { createRetriever, isAmbiguous, type RetrievalEntry } from '../../../src/kb/retrieval/index.js';

const KB: RetrievalEntry[] = [
  { id: 'card-arrival', title: 'Card arrival', questions: ['where is my new card', 'my card has not arrived yet', 'how long does card delivery take'] },
  { id: 'card-activate', title: 'Activate a card', questions: ['how do I activate my card', 'card activation', 'I cannot activate the card'] },
  { id: 'refund', title: 'Refund', questions: ['how do I get a refund', 'I want my money back', 'refund for a returned order'] },
  { id: 'password', title: 'Reset password', questions: ['I forgot my password', 'how to reset the password', 'cannot log in to my account'] },
  { id: 'delivery-ru', title: 'Доставка', questions: ['сколько стоит доставка', 'когда привезут заказ', 'доставка в другой город'] },
  { id: 'block-ru', title: 'Блокировка карты', questions: ['как заблокировать карту', 'потерял карту что делать', 'карта украдена'] },
  { id: 'fees-ru', title: 'Комиссии', questions: ['какая комиссия за перевод', 'сколько берете за снятие наличных', 'есть ли плата за обслуживание'] },
  { id: 'hours', title: 'Opening hours', questions: ['when are you open', 'what are your working hours', 'are you open on sunday'] },
];

describe('createRetriever', () => {
  it('finds Russian articles from other word forms', () => {
    const r = createRetriever(KB);
    expect(r.search('заблокируйте мою карточку, карты больше нет').matches[0]?.id).toBe('block-ru');
    expect(r.search('Доставки в города').matches[0]?.id).toBe('delivery-ru');
  });

  it('finds English articles from other word forms', () => {
    expect(createRetriever(KB).search('Refunds for returns?').matches[0]?.id).toBe('refund');
  });

  it('folds ё when matching', () => {
    const r = createRetriever([...KB, { id: 'account-ru', title: 'Счёт', questions: ['как открыть счёт'] }]);
    expect(r.search('как открыть счет').matches[0]?.id).toBe('account-ru');
  });

  it('still finds the article through a typo', () => {
    const r = createRetriever(KB);
    expect(r.search('how do I activte my crad').matches[0]?.id).toBe('card-activate');
    expect(r.search('забыл пароль', { k: 3 }).matches.length).toBeLessThanOrEqual(3);
    expect(r.search('I forgott my pasword').matches[0]?.id).toBe('password');
  });

  it('applies upsert and remove incrementally', () => {
    const r = createRetriever(KB);
    expect(r.size).toBe(KB.length);
    r.upsert({ id: 'crypto', title: 'Crypto', questions: ['can I buy bitcoin', 'do you support cryptocurrency'] });
    expect(r.size).toBe(KB.length + 1);
    expect(r.search('buy bitcoin please').matches[0]?.id).toBe('crypto');
    r.upsert({ id: 'crypto', title: 'Crypto', questions: ['do you support ethereum'] });
    expect(r.search('support ethereum?').matches[0]?.id).toBe('crypto');
    r.remove('crypto');
    expect(r.size).toBe(KB.length);
    expect(r.search('support ethereum?').matches.map((m) => m.id)).not.toContain('crypto');
    r.remove('refund');
    expect(r.search('how do I get a refund').matches.map((m) => m.id)).not.toContain('refund');
  });

  it('returns a confidence in [0, 1], higher for a known question than for unrelated text', () => {
    const r = createRetriever(KB);
    const exact = r.search('how do I activate my card');
    const unrelated = r.search('the weather in Paris is lovely in spring');
    for (const res of [exact, unrelated]) {
      expect(res.confidence).toBeGreaterThanOrEqual(0);
      expect(res.confidence).toBeLessThanOrEqual(1);
    }
    expect(exact.confidence).toBeGreaterThan(unrelated.confidence);
    expect(r.threshold).toBeGreaterThan(0);
    expect(r.threshold).toBeLessThanOrEqual(1);
  });

  it('hands off a question made of words the KB has never seen', () => {
    const r = createRetriever(KB);
    for (const text of ['Hindi?', 'quantum chromodynamics lecture notes', 'погода в Париже']) {
      expect(r.search(text).confidence).toBeLessThan(r.threshold);
    }
  });

  it('returns no matches and zero confidence for text with nothing in common', () => {
    const res = createRetriever(KB).search('zzzz qqqq');
    expect(res.matches).toEqual([]);
    expect(res.confidence).toBe(0);
  });

  it('exposes signals for the try page', () => {
    const res = createRetriever(KB).search('когда привезут заказ');
    expect(res.signals).toMatchObject({ top: expect.any(Number), margin: expect.any(Number), coverage: expect.any(Number) });
    expect(res.matches.length).toBeLessThanOrEqual(5);
  });

  it('ends up ranking like a fresh build after incremental upserts', () => {
    const incremental = createRetriever(KB.slice(0, 3));
    for (const e of KB.slice(3)) incremental.upsert(e);
    const fresh = createRetriever(KB);
    for (const text of ['где моя доставка', 'forgot password', 'комиссия за перевод', 'open on sunday?', 'card not arrived']) {
      expect(incremental.search(text).matches[0]?.id).toBe(fresh.search(text).matches[0]?.id);
    }
  });

  it('starts empty and grows by upsert', () => {
    const r = createRetriever([]);
    expect(r.search('anything').matches).toEqual([]);
    expect(r.threshold).toBeGreaterThan(0);
    r.upsert({ id: 'hours', title: 'Opening hours', questions: ['when are you open'] });
    expect(r.search('are you open today?').matches[0]?.id).toBe('hours');
  });

  it('counts a duplicated id once, the last entry winning', () => {
    const r = createRetriever([...KB, { id: 'hours', title: 'Hours', questions: ['opening times on holidays'] }]);
    expect(r.size).toBe(KB.length);
    expect(r.search('opening times on holidays').matches[0]?.id).toBe('hours');
  });
});

describe('isAmbiguous', () => {
  const base = { matches: [{ id: 'a', score: 2 }, { id: 'b', score: 1.9 }], signals: {} };

  it('asks to clarify when neither answer alone but one of the two is likely right', () => {
    expect(isAmbiguous({ ...base, confidence: 0.5, signals: { top2: 0.95 } }, 0.8)).toBe(true);
  });

  it('does not ask when the top answer is confident or the pair is unlikely', () => {
    expect(isAmbiguous({ ...base, confidence: 0.9, signals: { top2: 0.99 } }, 0.8)).toBe(false);
    expect(isAmbiguous({ ...base, confidence: 0.3, signals: { top2: 0.4 } }, 0.8)).toBe(false);
    expect(isAmbiguous({ matches: [{ id: 'a', score: 1 }], confidence: 0.3, signals: { top2: 0.9 } }, 0.8)).toBe(false);
  });
});

describe('pasted junk', () => {
  it('a word repeated 65,536 times in a question neither breaks the scores nor the confidence', () => {
    const junk = Array(65_536).fill('zz').join(' ');
    const r = createRetriever(KB.map((e) => (e.id === 'card-activate' ? { ...e, questions: [...e.questions, junk] } : e)));
    const res = r.search('how do I activate my card');
    expect(res.matches[0]?.id).toBe('card-activate');
    expect(Number.isFinite(res.confidence)).toBe(true);
    expect(res.matches.every((m) => Number.isFinite(m.score))).toBe(true);
  });
});
