import { describe, expect, it } from 'vitest';
import { articleSchema, type KbProblem } from '../../src/kb/article';
import { loadKnowledgeBase, normalizeQuestion, parseArticleFile, validateArticle } from '../../src/kb/loader';

function md(front: string, body = 'The answer.'): string {
  return `---\n${front.trim()}\n---\n${body}\n`;
}

const valid = md(`
id: delivery-cost.en
title: Delivery cost
topic: delivery-cost
lang: en
questions:
  - How much is delivery?
  - is shipping free
`);

const validRu = md(
  `
id: delivery-cost.ru
title: Стоимость доставки
lang: ru
questions: [сколько стоит доставка]
`,
  'Ответ.',
);

function find(problems: KbProblem[], file: string, field?: string): KbProblem[] {
  return problems.filter((p) => p.file === file && (field === undefined || p.field === field));
}

describe('parseArticleFile', () => {
  it('reads a valid file with defaults applied and the body as the answer', () => {
    const parsed = parseArticleFile('en/delivery-cost.md', valid);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.article).toEqual({
      id: 'delivery-cost.en',
      title: 'Delivery cost',
      topic: 'delivery-cost',
      lang: 'en',
      questions: ['How much is delivery?', 'is shipping free'],
      tags: [],
      department: 'general',
      handoff: 'auto',
      answer: 'The answer.',
    });
  });

  it('derives the topic from the id when it is omitted and reads CRLF files', () => {
    const parsed = parseArticleFile('ru/a.md', validRu.replace(/\n/g, '\r\n'));
    expect(parsed.ok && parsed.article.topic).toBe('delivery-cost');
    expect(parsed.ok && parsed.article.answer).toBe('Ответ.');
  });

  it('names each missing or invalid field', () => {
    const parsed = parseArticleFile('en/bad.md', md(`
title: ""
lang: de
questions: ["ok", ""]
handoff: sometimes
url: not-a-url
`));
    expect(parsed.ok).toBe(false);
    const fields = Object.fromEntries(parsed.problems.map((p) => [p.field, p.message]));
    expect(fields.id).toBe('is missing');
    expect(fields.title).toMatch(/empty/);
    expect(fields.lang).toBeDefined();
    expect(fields['questions.1']).toMatch(/empty/);
    expect(fields.handoff).toBeDefined();
    expect(fields.url).toMatch(/URL/);
    expect(parsed.problems.every((p) => p.file === 'en/bad.md' && p.severity === 'error')).toBe(true);
  });

  it('rejects unknown front-matter fields by name', () => {
    const parsed = parseArticleFile('en/typo.md', valid.replace('questions:', 'hand_off: always\nquestions:'));
    expect(parsed.problems).toEqual([
      expect.objectContaining({ file: 'en/typo.md', field: 'hand_off', severity: 'error' }),
    ]);
  });

  it('reports bad YAML with its line, and files without front matter', () => {
    const bad = parseArticleFile('en/yaml.md', '---\nid: a\ntitle: Fees: and more\n---\nBody');
    expect(bad.problems).toEqual([expect.objectContaining({ file: 'en/yaml.md', line: 3, severity: 'error' })]);
    expect(bad.problems[0]?.message).toMatch(/bad YAML/);
    expect(parseArticleFile('x.md', 'just text').problems[0]?.message).toMatch(/no front matter/);
    expect(parseArticleFile('x.md', '---\nid: a\n').problems[0]?.message).toMatch(/not closed/);
  });
});

describe('loadKnowledgeBase', () => {
  it('loads a linked pair with no problems', () => {
    const result = loadKnowledgeBase([
      { path: 'en/delivery-cost.md', text: valid },
      { path: 'ru/delivery-cost.md', text: validRu },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => a.id).sort()).toEqual(['delivery-cost.en', 'delivery-cost.ru']);
  });

  it('reports every problem across files, naming both files of a conflict', () => {
    const { articles, problems } = loadKnowledgeBase([
      { path: 'en/a.md', text: valid },
      // same id as en/a.md
      { path: 'en/b.md', text: valid.replace('topic: delivery-cost', 'topic: other') },
      // a question of en/a.md, differently cased and punctuated; same topic and language
      {
        path: 'en/c.md',
        text: md(`
id: delivery-price.en
title: Price
topic: delivery-cost
lang: en
questions: ["HOW much is  delivery"]
`),
      },
      { path: 'en/empty.md', text: md('id: empty.en\ntitle: E\nlang: en\nquestions: [nothing here]', '   ') },
      { path: 'ru/only.md', text: md('id: only.ru\ntitle: Т\nlang: ru\nquestions: [только по-русски]', 'Да.') },
      { path: 'en/broken.md', text: '---\nid: [\n---\n' },
    ]);

    const dupId = find(problems, 'en/b.md', 'id');
    expect(dupId).toHaveLength(1);
    expect(dupId[0]?.message).toMatch(/duplicate id "delivery-cost.en".*en\/a\.md/);

    const dupQuestion = find(problems, 'en/c.md', 'questions.0');
    expect(dupQuestion[0]?.message).toMatch(/delivery-cost.en.*en\/a\.md/);
    expect(dupQuestion[0]?.severity).toBe('error');

    const sameSlot = find(problems, 'en/c.md', 'topic');
    expect(sameSlot[0]?.message).toMatch(/already has a English article: "delivery-cost.en" in en\/a\.md/);

    expect(find(problems, 'en/empty.md', 'answer')[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/empty answer/) });
    expect(find(problems, 'ru/only.md', 'topic')[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/no English version/) });
    expect(find(problems, 'en/broken.md')[0]?.message).toMatch(/bad YAML/);

    // the duplicate id is dropped so the index never has two answers under one id
    expect(articles.filter((a) => a.id === 'delivery-cost.en')).toHaveLength(1);
  });

  it('does not ask for translations in a single-language knowledge base', () => {
    expect(loadKnowledgeBase([{ path: 'en/a.md', text: valid }]).problems).toEqual([]);
  });
});

describe('normalizeQuestion', () => {
  it('ignores case, ё, punctuation and spacing', () => {
    expect(normalizeQuestion('  Где  ЕЩЁ мой заказ?!')).toBe(normalizeQuestion('где еще мой заказ'));
    expect(normalizeQuestion('Is delivery free?')).toBe('is delivery free');
    // as the search sees it: an apostrophe typed or left out is the same question
    expect(normalizeQuestion("I can't log in")).toBe(normalizeQuestion('I cant log in'));
    expect(normalizeQuestion('don’t')).toBe(normalizeQuestion("don't"));
  });
});

describe('validateArticle (editor API)', () => {
  const existing = [
    articleSchema.parse({ id: 'a.en', title: 'A', topic: 'a', lang: 'en', questions: ['where is my order'], answer: 'x' }),
    articleSchema.parse({ id: 'a.ru', title: 'А', topic: 'a', lang: 'ru', questions: ['где мой заказ'], answer: 'x' }),
  ];

  it('accepts a good edit and a good new article', () => {
    const edited = articleSchema.parse({ ...existing[0], answer: 'New answer.' });
    expect(validateArticle(edited, existing.slice(1))).toEqual([]);
  });

  it('applies the same rules as the loader', () => {
    const candidate = articleSchema.parse({
      id: 'c.en', title: 'C', topic: 'a', lang: 'en', questions: ['Where is my order?'], answer: '',
    });
    expect(validateArticle(candidate, existing).map((p) => [p.field, p.severity])).toEqual([
      ['answer', 'error'],
      ['questions.0', 'error'],
      ['topic', 'error'],
    ]);
    const sameId = articleSchema.parse({ ...candidate, id: 'a.en', questions: ['something new'], answer: 'x' });
    expect(validateArticle(sameId, existing).map((p) => p.field)).toEqual(['id']);
  });

  it("refuses a question that differs from another article's only by an apostrophe", () => {
    const others = [articleSchema.parse({ id: 'login.en', title: 'Login', topic: 'login', lang: 'en', questions: ["I can't log in"], answer: 'x' })];
    const copy = articleSchema.parse({ id: 'help.en', title: 'Help', topic: 'help', lang: 'en', questions: ['I cant log in'], answer: 'y' });
    expect(validateArticle(copy, others)).toEqual([expect.objectContaining({ field: 'questions.0', severity: 'error' })]);
  });

  it('warns when a new topic has no version in the other language', () => {
    const lonely = articleSchema.parse({ id: 'b.en', title: 'B', topic: 'b', lang: 'en', questions: ['hello there'], answer: 'Hi.' });
    expect(validateArticle(lonely, existing)).toEqual([
      expect.objectContaining({ field: 'topic', severity: 'warning' }),
    ]);
  });
});

describe('article url', () => {
  it('accepts only http(s) links, since they are shown to visitors', () => {
    const withUrl = (url: string) => parseArticleFile('en/u.md', valid.replace('lang: en', `lang: en\nurl: "${url}"`));
    expect(withUrl('https://voltmarket.example/help').ok).toBe(true);
    expect(withUrl('javascript:alert(1)').problems).toEqual([expect.objectContaining({ field: 'url', severity: 'error' })]);
  });
});
