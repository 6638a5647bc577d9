import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/domain/language';

describe('detectLanguage', () => {
  it.each([
    ['Где мой заказ?', 'ru'],
    ['Where is my order?', 'en'],
    ['iPhone 15 Pro Max не заряжается от USB-C кабеля', 'ru'],
    ['Заказ #A-55120-XZ', 'ru'],
    ['My order «Ноутбук» has not arrived yet, can you check please', 'en'],
    ['zdravstvuyte, gde moy zakaz?', 'ru'],
    ['privet, kogda dostavka budet', 'ru'],
    ['hello, where is my delivery?', 'en'],
    ['ёлка', 'ru'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each(['', '   ', '12345', '👍👍', '?!', 'x'])('falls back on %j', (text) => {
    expect(detectLanguage(text, 'ru')).toBe('ru');
    expect(detectLanguage(text, 'en')).toBe('en');
  });

  it('defaults the fallback to English', () => {
    expect(detectLanguage('')).toBe('en');
  });

  it('keeps the conversation\'s language for a message that is only a product name', () => {
    expect(detectLanguage('iPhone 15 Pro Max', 'ru')).toBe('ru');
    expect(detectLanguage('Samsung Galaxy S23', 'ru')).toBe('ru');
    expect(detectLanguage('iPhone 15 Pro Max', 'en')).toBe('en');
    expect(detectLanguage('Is the iPhone 15 in stock?', 'ru')).toBe('en');
  });

  it('still reads a short plain-English message as English', () => {
    for (const text of ['Reset password', 'Refund status?', 'Need help', "iPhone won't charge", 'Received 2 broken cups', 'PayPal payment failed']) {
      expect(detectLanguage(text, 'ru')).toBe('en');
    }
  });

  it('does not mistake English with a few translit-looking words for Russian', () => {
    expect(detectLanguage('Da Vinci code: is it in stock?')).toBe('en');
  });
});
