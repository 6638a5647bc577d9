import type { Conversation, Lang, Source } from '../domain/conversation';
import type { Bot, Decision } from '../domain/decision';
import type { TurnReason } from '../domain/turn-reasons';
import { scoreComplaint } from '../domain/complaint';
import { detectHumanRequest } from '../domain/explicit-request';
import { decidePolicy, effectiveSeverity, type PolicyConfig, type PolicyOutcome, type PolicySignals } from '../domain/handoff-policy';
import type { Article } from '../kb/article';
import type { EmbeddingIndex } from '../kb/embedding-index';
import { fusedConfidence, fuseRankings } from '../kb/fusion';
import type { KbSearchResult, KnowledgeBase } from '../kb/knowledge-base';
import { isLatinOnly, fromTranslit } from '../domain/translit';
import { decideInDialogue } from './dialogue';
import { popularArticles } from './popular';
import { say } from './phrases';
import { cleanText, questionSentences, withoutFillers } from './query-text';

/** Everything the bot weighed for one message: for its decision, the packet and the editor's try page. */
export interface Analysis {
  search: KbSearchResult;
  signals: PolicySignals;
  outcome: PolicyOutcome;
  humanPhrase?: string;
  complaintSignals: string[];
}

export interface KbBot extends Bot {
  analyze(text: string, lang: Lang, conversation?: Pick<Conversation, 'missStreak' | 'vip'>): Promise<Analysis>;
  toDecision(analysis: Analysis, lang: Lang): Decision;
}

/**
 * The knowledge-base bot: explicit request, complaint score and retrieval become signals, the
 * handoff policy turns them into one outcome, and the outcome into the visitor's reply. The
 * reply is always the article's authored answer, in the visitor's language, with its source.
 */
export function createKbBot(opts: { kb: KnowledgeBase; policy: PolicyConfig; embeddings?: EmbeddingIndex | null }): KbBot {
  const { kb, policy, embeddings } = opts;

  const source = (article: Article, score?: number): Source => ({ id: article.id, title: article.title, url: article.url, score });

  /** Russian typed in Latin letters is searched and read as the Russian it is; tags and links go. */
  const readable = (text: string, lang: Lang) => cleanText(lang === 'ru' && isLatinOnly(text) ? fromTranslit(text) : text);

  async function searchOne(text: string): Promise<KbSearchResult> {
    const lexical = kb.search(text, { k: 5 });
    return embeddings ? await withSemantic(lexical, text, embeddings) : lexical;
  }

  /**
   * A long message is also searched by each of its question sentences, a short one without the
   * words that only move the conversation along; the most confident reading wins.
   */
  async function searchMessage(text: string): Promise<KbSearchResult> {
    let best = await searchOne(text);
    const bare = withoutFillers(text);
    const readings = bare === text ? questionSentences(text) : [bare, ...questionSentences(text)];
    for (const sentence of readings) {
      const candidate = await searchOne(sentence);
      if (candidate.confidence > best.confidence) best = candidate;
    }
    return best;
  }

  async function analyze(raw: string, lang: Lang, conversation: Pick<Conversation, 'missStreak' | 'vip'> = { missStreak: 0, vip: false }) {
    await kb.refresh();
    const text = readable(raw, lang);
    const search = await searchMessage(text);
    const human = detectHumanRequest(text);
    // Scored without the words that only move the conversation along ("haha ok."): they are no grievance.
    const complaint = scoreComplaint(withoutFillers(text), lang);
    const top = search.matches[0]?.article;
    const signals: PolicySignals = {
      retrieval: {
        confidence: search.confidence,
        threshold: search.threshold,
        ambiguous: search.ambiguous,
        top: top && { id: top.id, title: top.title, department: top.department, handoff: top.handoff },
      },
      humanRequested: human.requested,
      complaint: { score: complaint.score, severity: complaint.severity },
      missStreak: conversation.missStreak,
      vip: conversation.vip,
    };
    return { search, signals, outcome: decidePolicy(signals, policy), humanPhrase: human.phrase, complaintSignals: complaint.signals };
  }

  /**
   * Fuse the embedding ranking (when configured) into the lexical one. The calibrated confidence
   * belongs to the lexical engine's top entry: agreement keeps it, disagreement lowers it under
   * the threshold, so semantics can reorder candidates but never answer on its own.
   */
  async function withSemantic(lexical: KbSearchResult, text: string, index: EmbeddingIndex): Promise<KbSearchResult> {
    await index.sync(kb.list());
    const semantic = await index.search(text, 5);
    if (!semantic) return lexical;
    const lexicalScore = new Map(lexical.matches.map((m) => [m.article.id, m.score]));
    const fused = fuseRankings(lexical.matches.map((m) => ({ id: m.article.id, score: m.score })), semantic);
    const matches = fused.slice(0, 5).flatMap((f) => {
      const article = kb.get(f.id);
      return article ? [{ article, score: lexicalScore.get(f.id) ?? 0 }] : [];
    });
    // Rankings agree when they lead to one topic: its two languages are one answer to the visitor.
    const lexicalTop = lexical.matches[0]?.article.topic;
    const fusedTop = matches[0]?.article.topic;
    const agrees = lexicalTop !== undefined && lexicalTop === fusedTop;
    return {
      ...lexical,
      matches,
      confidence: lexicalTop && fusedTop ? fusedConfidence(lexical.confidence, lexicalTop, fusedTop, { threshold: lexical.threshold }) : lexical.confidence,
      signals: { ...lexical.signals, semanticTop: semantic[0]?.score ?? 0, fusionAgrees: agrees ? 1 : 0 },
      // A disagreement between the two rankings is a question worth asking the visitor.
      ambiguous: lexical.ambiguous || (!agrees && distinctTopics(matches.map((m) => m.article)).length >= 2),
    };
  }

  function toDecision({ search, signals, outcome }: Analysis, lang: Lang): Decision {
    const confidence = round(search.confidence);
    const best = search.matches[0];
    const bestHere = best && kb.inLanguage(best.article, lang);
    switch (outcome.action) {
      case 'answer': {
        const article = bestHere!;
        return { kind: 'answer', confidence, reasons: [], sources: [source(article, round(best!.score))], reply: article.answer, miss: false };
      }
      case 'clarify': {
        const offTopic = !search.ambiguous && search.confidence < search.threshold * policy.rephraseFloor;
        if (!search.ambiguous && !offTopic) return { kind: 'clarify', confidence, reasons: ['unsure'], sources: [], reply: say('rephrase', lang), options: [], miss: outcome.miss };
        // Nothing close: say what the bot can help with, the most asked topics as options.
        const options = offTopic
          ? popularArticles(kb, lang)
          : distinctTopics(search.matches.slice(0, 3).map((m) => kb.inLanguage(m.article, lang))).slice(0, 2);
        const reply = [say(offTopic ? 'offTopic' : 'clarify', lang), ...options.map((a, i) => `${i + 1}. ${a.title}`), ...(offTopic ? [say('offTopicPerson', lang)] : [])].join('\n');
        return {
          kind: 'clarify',
          confidence,
          reasons: [offTopic ? 'off_topic' : 'ambiguous'] satisfies TurnReason[],
          sources: options.map((a) => source(a)),
          reply,
          options: options.map((a) => ({ id: a.id, title: a.title })),
          miss: outcome.miss,
        };
      }
      case 'handoff': {
        // The complaint as the policy counted it: the packet never shows one the policy ignored.
        const severity = effectiveSeverity(signals.complaint, policy);
        const complaint = severity === 'none' ? null : { score: signals.complaint.score, severity };
        // A suggested first reply: the best article when it is at least plausible, else a complaint opening.
        const plausible = bestHere && search.confidence >= search.threshold * policy.rephraseFloor;
        const suggestedReply = plausible ? bestHere.answer : complaint ? say('complaintOpening', lang) : undefined;
        // An article the shop wants a person on still has an answer the shop wrote for the visitor.
        const authored = outcome.reasons.includes('always_human') && bestHere ? bestHere : undefined;
        return {
          kind: 'handoff',
          confidence,
          reasons: outcome.reasons,
          sources: authored ? [source(authored, round(best!.score))] : [],
          ...(authored ? { reply: authored.answer } : {}),
          department: outcome.department,
          priority: outcome.priority,
          candidates: search.matches.map((m) => ({ id: m.article.id, title: m.article.title, score: round(m.score) })),
          complaint,
          suggestedReply,
        };
      }
    }
  }

  return {
    analyze,
    toDecision,
    decide: (input) => decideInDialogue({ analyze, toDecision, kb, readable }, input),
  };
}

function distinctTopics(articles: Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a) => !seen.has(a.topic) && seen.add(a.topic));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
