import { scoreComplaint } from '../../src/domain/complaint/index';
import { loadKnowledgeBase } from '../../src/kb/loader';
import { readKbDir } from './read-kb-dir';

interface Text {
  text: string;
  lang: 'ru' | 'en';
}

/** The messages of a set of non-complaints that the scorer calls complaints. */
export function falsePositives(set: readonly Text[]): (Text & { score: number })[] {
  return set.flatMap((m) => {
    const s = scoreComplaint(m.text, m.lang);
    return s.complaint ? [{ ...m, score: s.score }] : [];
  });
}

/** Every question variant of the knowledge base's articles, in the article's language. */
export async function kbVariants(dir: string): Promise<Text[]> {
  const { articles } = loadKnowledgeBase(await readKbDir(dir));
  return articles.flatMap((a) => a.questions.map((text) => ({ text, lang: a.lang })));
}
