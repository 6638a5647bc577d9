import { describe, expect, it } from 'vitest';
import { extractFacts, summarize, type Facts } from '../../src/domain/summary';

describe('extractFacts', () => {
  const rows: Array<[string, Partial<Facts>]> = [
    ['Заказ № 123456 не пришёл', { orderNumbers: ['123456'] }],
    ['номер заказа 987654', { orderNumbers: ['987654'] }],
    ['заказ №A-77812 и заказ #b-1234', { orderNumbers: ['A-77812', 'B-1234'] }],
    ['Order #A-1234 is late', { orderNumbers: ['A-1234'] }],
    ['order number 55512', { orderNumbers: ['55512'] }],
    ['tracking number: RU-123456789', { orderNumbers: ['RU-123456789'] }],
    ['заказал 2 дня назад', { orderNumbers: [] }],
    ['заказ 5000 ₽', { orderNumbers: [], amounts: [{ value: 5000, currency: 'RUB', text: '5000 ₽' }] }],
    ['пишите на Ivan.Petrov@Mail.ru', { emails: ['ivan.petrov@mail.ru'], phones: [] }],
    ['mail me: jane+shop@example.co.uk', { emails: ['jane+shop@example.co.uk'] }],
    ['звоните +7 (999) 123-45-67', { phones: ['+79991234567'] }],
    ['телефон 8 800 555-35-35', { phones: ['88005553535'] }],
    ['мой номер 89991234567', { phones: ['89991234567'] }],
    ['call +1 415 555 0132', { phones: ['+14155550132'] }],
    ['Berlin office +49 30 1234567', { phones: ['+49301234567'] }],
    ['заказ № 123456789012 — это не телефон', { orderNumbers: ['123456789012'], phones: [] }],
    ['в 8 часов 10 минут', { phones: [], amounts: [] }],
    ['оплатил 5 000 ₽', { amounts: [{ value: 5000, currency: 'RUB', text: '5 000 ₽' }] }],
    ['списали 1 250,50 руб.', { amounts: [{ value: 1250.5, currency: 'RUB', text: '1 250,50 руб.' }] }],
    ['вернули 300 рублей', { amounts: [{ value: 300, currency: 'RUB', text: '300 рублей' }] }],
    ['charged $120 twice', { amounts: [{ value: 120, currency: 'USD', text: '$120' }] }],
    ['paid €45.50', { amounts: [{ value: 45.5, currency: 'EUR', text: '€45.50' }] }],
    ['total 1,500 USD', { amounts: [{ value: 1500, currency: 'USD', text: '1,500 USD' }] }],
    ['15 долларов', { amounts: [{ value: 15, currency: 'USD', text: '15 долларов' }] }],
  ];
  for (const [text, expected] of rows) {
    it(text, () => expect(extractFacts(text)).toMatchObject(expected));
  }

  it('all at once, deduplicated', () => {
    const f = extractFacts('Заказ № 123456 на 5 000 ₽. Повторяю: заказ № 123456. Звоните +7 (999) 123-45-67 или пишите a@b.ru');
    expect(f).toEqual({
      orderNumbers: ['123456'],
      emails: ['a@b.ru'],
      phones: ['+79991234567'],
      amounts: [{ value: 5000, currency: 'RUB', text: '5 000 ₽' }],
    });
  });
});

const visitor = (text: string) => ({ role: 'visitor', text });

describe('summarize', () => {
  it('keeps the substance, drops greetings and thanks, ignores the bot', () => {
    const s = summarize([
      visitor('Здравствуйте!'),
      visitor('Где мой заказ № 123456? Оплатил 5 000 ₽ неделю назад.'),
      { role: 'bot', text: 'Заказы доставляются за 3–5 дней, вот статья о доставке.' },
      visitor('Спасибо.'),
      visitor('Заказ так и не пришёл, хочу вернуть деньги.'),
      visitor('Спасибо большое!'),
    ]);
    expect(s).toBe('Где мой заказ № 123456? Оплатил 5 000 ₽ неделю назад. Заказ так и не пришёл, хочу вернуть деньги.');
  });

  it('strips a greeting that opens a sentence', () => {
    expect(summarize([visitor('Добрый день, не могу войти в личный кабинет')])).toBe('Не могу войти в личный кабинет');
  });

  it('strips only whole greeting words, never the start of the visitor\'s own words', () => {
    expect(summarize([visitor('Hitachi TV arrived broken, order 123456.')])).toBe('Hitachi TV arrived broken, order 123456.');
    expect(summarize([visitor('Higher price than on the site?')])).toBe('Higher price than on the site?');
    expect(summarize([visitor('Hiking boots are the wrong size')])).toBe('Hiking boots are the wrong size');
    expect(summarize([visitor('Hello! Hit the wrong button and paid twice')])).toBe('Hit the wrong button and paid twice');
    expect(summarize([visitor('Dear support team, my parcel is lost')])).toBe('My parcel is lost');
    expect(summarize([visitor('Приветливый курьер разбил телевизор')])).toBe('Приветливый курьер разбил телевизор');
  });

  it('English: the question and the product, within the limit, in order', () => {
    const s = summarize(
      [
        visitor('Hi there! I love your shop.'),
        visitor('My iPhone 15 case arrived broken. Thanks. Can I get a replacement or a refund of $35?'),
        visitor('The weather is nice today.'),
      ],
      { maxChars: 120 },
    );
    expect(s).toBe('My iPhone 15 case arrived broken. Can I get a replacement or a refund of $35?');
    expect(s.length).toBeLessThanOrEqual(120);
  });

  it('prefers the informative sentence when only one fits', () => {
    const s = summarize(
      [visitor('I have been a customer for many years and usually everything is fine with you guys. Order #A-1234 was charged twice.')],
      { maxChars: 40 },
    );
    expect(s).toBe('Order #A-1234 was charged twice.');
  });

  it('clips a single long sentence at a word with an ellipsis', () => {
    const long = 'Не приходит код подтверждения на телефон при входе в приложение уже третий день подряд хотя я перезагружал телефон';
    const s = summarize([visitor(long)], { maxChars: 60 });
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s.endsWith('…')).toBe(true);
    expect(long.startsWith(s.slice(0, -1))).toBe(true);
  });

  it('favours words the visitor keeps coming back to', () => {
    const s = summarize(
      [
        visitor('Подписка списывается каждый месяц.'),
        visitor('Вчера было солнечно и тепло.'),
        visitor('Как отменить подписку навсегда?'),
      ],
      { maxChars: 70 },
    );
    expect(s).toBe('Подписка списывается каждый месяц. Как отменить подписку навсегда?');
  });

  it('says each sentence once, and nothing for pleasantries only', () => {
    expect(summarize([visitor('Где мой заказ № 555?'), visitor('Где мой заказ № 555?')])).toBe('Где мой заказ № 555?');
    expect(summarize([visitor('Привет!'), visitor('Спасибо, до свидания')])).toBe('');
    expect(summarize([])).toBe('');
  });

  it('default limit is 280 characters', () => {
    const many = Array.from({ length: 30 }, (_, i) => visitor(`Заказ № ${100000 + i} не пришёл, где он?`));
    expect(summarize(many).length).toBeLessThanOrEqual(280);
    expect(summarize(many).length).toBeGreaterThan(200);
  });
});
