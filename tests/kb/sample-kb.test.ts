import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/loader';
import { readKbDir } from '../../scripts/lib/read-kb-dir';

const KB_DIR = fileURLToPath(new URL('../../knowledge-base', import.meta.url));

describe('the sample knowledge base', async () => {
  const files = await readKbDir(KB_DIR);
  const { articles, problems } = loadKnowledgeBase(files);

  it('loads with no problems at all', () => {
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(files.length);
  });

  it('covers at least 28 topics, each in Russian and in English', () => {
    const byTopic = new Map<string, string[]>();
    for (const a of articles) byTopic.set(a.topic, [...(byTopic.get(a.topic) ?? []), a.lang]);
    expect(byTopic.size).toBeGreaterThanOrEqual(28);
    for (const [topic, langs] of byTopic) expect([topic, langs.sort()]).toEqual([topic, ['en', 'ru']]);
  });

  it('keeps each language in its folder, with ids and file names that match', () => {
    for (const file of files) {
      const article = articles.find((a) => file.text.includes(`id: ${a.id}\n`));
      expect(article, file.path).toBeDefined();
      if (!article) continue;
      expect(file.path).toBe(`${article.lang}/${article.topic}.md`);
      expect(article.id).toBe(`${article.topic}.${article.lang}`);
    }
  });

  it('gives every article several question variants and a concise answer', () => {
    for (const a of articles) {
      expect(a.questions.length, a.id).toBeGreaterThanOrEqual(4);
      expect(a.questions.length, a.id).toBeLessThanOrEqual(16);
      expect(a.answer.length, a.id).toBeGreaterThan(150);
      expect(a.answer.length, a.id).toBeLessThan(1200);
    }
  });

  it('routes claims and disputes to a person', () => {
    const always = articles.filter((a) => a.handoff === 'always').map((a) => a.topic);
    expect(always).toEqual(expect.arrayContaining(['damaged-parcel', 'legal-complaint', 'corporate-orders', 'warranty-dispute']));
  });

  it('writes Russian articles in Russian and English ones in English', () => {
    for (const a of articles) {
      const cyrillic = /[а-яё]/i.test(a.questions.join(' ') + a.title);
      expect(cyrillic, a.id).toBe(a.lang === 'ru');
    }
  });
});
