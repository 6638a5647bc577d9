import { z } from 'zod';
import { langSchema, type Article } from './article';

/**
 * The regression set: questions with the article each should reach. A case is right when the
 * bot would answer it (confidence at or above the threshold) with the expected topic; the
 * language does not matter, as a visitor gets the topic in their own language.
 */
export const regressionCaseSchema = z.object({
  text: z.string().trim().min(1).max(500),
  lang: langSchema,
  /** The article id the question should reach. */
  expect: z.string().min(1).max(200),
});
export type RegressionCase = z.infer<typeof regressionCaseSchema>;

export interface CaseResult {
  id: string;
  text: string;
  lang: RegressionCase['lang'];
  expect: string;
  /** The article the bot ranked first, if any. */
  got?: string;
  confidence: number;
  right: boolean;
}

/** One search as the regression needs it: the first match's id, the confidence and the threshold. */
export type RegressionSearch = (text: string) => { top?: string; confidence: number; threshold: number };

/** A case's id: its language and its text, so the same question is not kept twice. */
export const caseId = (c: Pick<RegressionCase, 'text' | 'lang'>): string => `${c.lang}:${c.text.trim().toLowerCase().replace(/\s+/g, ' ')}`;

export function runCases(cases: readonly RegressionCase[], search: RegressionSearch, articles: ReadonlyMap<string, Article>): CaseResult[] {
  return cases.map((c) => {
    const { top, confidence, threshold } = search(c.text);
    const wanted = articles.get(c.expect)?.topic;
    const reached = top !== undefined && wanted !== undefined && articles.get(top)?.topic === wanted;
    return { id: caseId(c), text: c.text, lang: c.lang, expect: c.expect, ...(top ? { got: top } : {}), confidence, right: reached && confidence >= threshold };
  });
}

export interface RegressionDiff {
  total: number;
  rightBefore: number;
  rightAfter: number;
  newlyRight: { before: CaseResult; after: CaseResult }[];
  newlyWrong: { before: CaseResult; after: CaseResult }[];
  /** Still right or still wrong, but the confidence moved by at least MOVED. */
  moved: { before: CaseResult; after: CaseResult }[];
}

/** A confidence change smaller than this is noise, not worth an editor's look. */
export const MOVED = 0.1;

export function diffRuns(before: readonly CaseResult[], after: readonly CaseResult[]): RegressionDiff {
  const pairs = before.map((b, i) => ({ before: b, after: after[i]! }));
  return {
    total: before.length,
    rightBefore: before.filter((r) => r.right).length,
    rightAfter: after.filter((r) => r.right).length,
    newlyRight: pairs.filter((p) => !p.before.right && p.after.right),
    newlyWrong: pairs.filter((p) => p.before.right && !p.after.right),
    moved: pairs.filter((p) => p.before.right === p.after.right && Math.abs(p.after.confidence - p.before.confidence) >= MOVED),
  };
}
