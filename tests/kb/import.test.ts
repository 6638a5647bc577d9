import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/kb/csv';
import { parseCsvKb, parseJsonlKb } from '../../src/kb/import';
import { slugify } from '../../src/kb/slug';

describe('parseCsv (RFC 4180)', () => {
  it('handles commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n\n';
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 3, fields: ['multi\nline', 'z'] },
      ],
      errors: [],
    });
  });

  it('reports a quote that is never closed with the line it opened on', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n').errors).toEqual([{ line: 2, message: expect.stringMatching(/never closed/) }]);
  });
});

describe('parseCsvKb', () => {
  it('groups rows by id into one article with several questions', () => {
    const csv = [
      'question,answer,id,title,lang,tags',
      'How much is delivery?,"From 199 ₽, free from 3,000 ₽.",delivery-cost,Delivery cost,en,"delivery;prices"',
      '"Is shipping free, then?",,delivery-cost,,,',
      'Where is my order?,"Open ""My orders"".",order-status,Order status,en,',
    ].join('\n');
    const { articles, problems } = parseCsvKb(csv);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({
      id: 'delivery-cost',
      topic: 'delivery-cost',
      title: 'Delivery cost',
      questions: ['How much is delivery?', 'Is shipping free, then?'],
      answer: 'From 199 ₽, free from 3,000 ₽.',
      tags: ['delivery', 'prices'],
      lang: 'en',
    });
    expect(articles[1]?.answer).toBe('Open "My orders".');
  });

  it('groups rows without id by answer and makes a slug id from the first question', () => {
    const csv = 'question,answer\nГде мой заказ?,Смотрите в личном кабинете.\nкогда привезут,Смотрите в личном кабинете.\nКак вернуть товар?,В течение 14 дней.\n';
    const { articles, problems } = parseCsvKb(csv);
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.lang, a.questions.length])).toEqual([
      ['gde-moy-zakaz', 'ru', 2],
      ['kak-vernut-tovar', 'ru', 1],
    ]);
  });

  it('accepts rows without an answer for evaluation and warns', () => {
    const { articles, problems } = parseCsvKb('question,answer,id\nhello,,greet\nhi there,,greet\n', { lang: 'en' });
    expect(articles[0]).toMatchObject({ id: 'greet', evalOnly: true, answer: '', questions: ['hello', 'hi there'] });
    expect(problems).toEqual([expect.objectContaining({ line: 2, field: 'answer', severity: 'warning' })]);
  });

  it('reports problems with line numbers', () => {
    const csv = 'question,answer,id,lang,colour\nq1,a1,x,de,red\nq2,a2,y,en\nq2,a3,z,en,\n';
    const { problems } = parseCsvKb(csv, { file: 'faq.csv' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'faq.csv', line: 1, field: 'colour', severity: 'warning' }),
        expect.objectContaining({ line: 2, field: 'lang', severity: 'error' }),
        expect.objectContaining({ line: 3, severity: 'warning', message: expect.stringMatching(/4 fields/) }),
        expect.objectContaining({ line: 4, field: 'questions.0', severity: 'error', message: expect.stringMatching(/"y" in faq.csv:3/) }),
      ]),
    );
  });

  it('requires a question column and reports progress', () => {
    expect(parseCsvKb('answer\nx\n').problems[0]).toMatchObject({ field: 'question', severity: 'error' });
    const calls: [number, number][] = [];
    parseCsvKb('question,answer\na,1\nb,2\nc,3\n', { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([[1, 3], [2, 3], [3, 3]]);
  });
});

describe('parseJsonlKb', () => {
  it('accepts entries without an answer, marked evalOnly, and keeps data-set ids as they are', () => {
    const text = [
      JSON.stringify({ id: 'card_arrival', title: 'Card arrival', questions: ['where is my card?', 'card still not here'], lang: 'en', source: 'BANKING77' }),
      '',
      JSON.stringify({ id: 'reverted_card_payment?', title: 'Reverted', questions: ['why was my payment reverted'], lang: 'en' }),
      JSON.stringify({ id: 'fees', title: 'Fees', questions: ['what are the fees'], lang: 'en', answer: '  None.  ' }),
    ].join('\n');
    const calls: number[] = [];
    const { articles, problems } = parseJsonlKb(text, { onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([1, 2, 3]);
    expect(articles.map((a) => [a.id, a.evalOnly ?? false, a.answer])).toEqual([
      ['card_arrival', true, ''],
      ['reverted_card_payment?', true, ''],
      ['fees', false, 'None.'],
    ]);
    expect(articles[0]?.source).toBe('BANKING77');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.field === 'answer').map((p) => p.line)).toEqual([1, 3]);
  });

  it('reports bad lines by number and keeps going', () => {
    const text = '{"id": "a", "title": "A", "questions": ["q"], "lang": "en", "answer": "x"}\nnot json\n{"title": "B", "questions": [], "lang": "en"}\n';
    const { articles, problems } = parseJsonlKb(text, { file: 'kb.jsonl' });
    expect(articles).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'kb.jsonl', line: 2, message: expect.stringMatching(/not valid JSON/) }),
      expect.objectContaining({ line: 3, field: 'id', message: 'is missing' }),
      expect.objectContaining({ line: 3, field: 'questions' }),
    ]);
  });

  it('guesses the language from the script when a line has none', () => {
    const { articles } = parseJsonlKb('{"id": "x", "title": "X", "questions": ["поставь будильник"]}');
    expect(articles[0]?.lang).toBe('ru');
  });
});

describe('slugify', () => {
  it('transliterates Russian and kebab-cases', () => {
    expect(slugify('Доставка по России?')).toBe('dostavka-po-rossii');
    expect(slugify('100_NIGHT_TRIAL_OFFER')).toBe('100-night-trial-offer');
  });
});
