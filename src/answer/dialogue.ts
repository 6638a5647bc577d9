import type { Conversation, Lang, Source } from '../domain/conversation';
import type { BotInput, Decision } from '../domain/decision';
import { smallTalk, type SmallTalkKind } from '../domain/small-talk';
import type { TurnReason } from '../domain/turn-reasons';
import type { Article } from '../kb/article';
import type { KnowledgeBase } from '../kb/knowledge-base';
import { lastTurn, pickedNumber, type LastTurn } from './clarify-memory';
import type { Analysis } from './kb-bot';
import { say } from './phrases';
import { isShortFollowUp } from './query-text';

/** What the dialogue layer needs of the knowledge-base bot. */
export interface DialogueParts {
  analyze(text: string, lang: Lang, conversation?: Pick<Conversation, 'missStreak' | 'vip'>): Promise<Analysis>;
  toDecision(analysis: Analysis, lang: Lang): Decision;
  kb: Pick<KnowledgeBase, 'get' | 'inLanguage' | 'search'>;
  /** The text as the bot reads it (translit back in Cyrillic, tags gone). */
  readable(text: string, lang: Lang): string;
}

const SMALL_TALK_PHRASE = {
  greeting: 'smallTalkGreeting',
  thanks: 'smallTalkThanks',
  goodbye: 'smallTalkGoodbye',
  ack: 'smallTalkAck',
  bot_question: 'smallTalkBot',
} as const satisfies Record<SmallTalkKind, Parameters<typeof say>[0]>;

/**
 * One visitor turn, read in the light of the conversation: small talk is answered in kind; a
 * reply to the bot's clarifying question picks one of its options; a short follow-up is read
 * with the previous question's words as a weaker second query. Everything else is the
 * knowledge-base bot's own decision on the message alone.
 */
export async function decideInDialogue(parts: DialogueParts, { conversation, text, lang, history }: BotInput): Promise<Decision> {
  const kind = smallTalk(text);
  if (kind) return { kind: 'answer', confidence: 1, reasons: ['small_talk'] satisfies TurnReason[], sources: [], reply: say(SMALL_TALK_PHRASE[kind], lang), miss: false };

  const analysis = await parts.analyze(text, lang, conversation);
  const plain = parts.toDecision(analysis, lang);
  // A person asked for, a complaint or an always-human topic: the visitor's words decide alone.
  if (plain.kind === 'answer' || (plain.kind === 'handoff' && !plain.reasons.every((r) => r === 'low_confidence' || r === 'repeated_misses'))) {
    return plain;
  }
  const last = lastTurn(history);

  if (last.options.length > 0) {
    const picked = pickOption(parts, analysis, last.options, text);
    if (picked) return answerWith(parts.kb.inLanguage(picked, lang), analysis.search.confidence, 'clarify_answer');
  }
  if (last.question && isShortFollowUp(text)) {
    const followUp = await readWithContext(parts, analysis, last, { conversation, text, lang });
    if (followUp) return answerWith(parts.kb.inLanguage(followUp, lang), analysis.search.confidence, 'follow_up');
  }
  return plain;
}

/**
 * A short follow-up ("and how fast if I order today?") searched together with the question the
 * bot last answered, the earlier words a weaker second voice: the context may choose between
 * the follow-up's own close candidates, or keep the conversation on the topic it answered;
 * it never brings in a topic of its own.
 */
async function readWithContext(
  parts: DialogueParts,
  alone: Analysis,
  last: LastTurn,
  { conversation, text, lang }: Pick<BotInput, 'conversation' | 'text' | 'lang'>,
): Promise<Article | undefined> {
  const context = await parts.analyze(`${parts.readable(text, lang)} ${parts.readable(last.question!, lang)}`, lang, conversation);
  const own = alone.search.matches.slice(0, alone.search.ambiguous ? 2 : 3).map((m) => m.article.topic);
  const previous = last.answeredWith ? parts.kb.get(last.answeredWith)?.topic : undefined;
  const confident = context.search.confidence >= context.search.threshold;
  const top = context.search.matches[0]?.article;
  // An always-human topic is the policy's to decide, on the visitor's own words.
  if (top?.handoff === 'always') return undefined;
  if (alone.search.ambiguous) {
    const chosen = context.search.matches.find((m) => own.slice(0, 2).includes(m.article.topic) && m.article.handoff === 'auto');
    if (chosen) return chosen.article;
  }
  if (confident && top && (top.topic === previous || own.includes(top.topic))) return top;
  return undefined;
}

/** The option a reply names: by its number, or the option the reply's words match best. */
function pickOption(parts: DialogueParts, analysis: Analysis, options: string[], text: string): Article | undefined {
  const n = pickedNumber(text);
  if (n !== null) return n >= 1 && n <= options.length ? parts.kb.get(options[n - 1]!) : undefined;
  const topics = new Map(options.flatMap((id) => {
    const article = parts.kb.get(id);
    return article && article.handoff === 'auto' ? [[article.topic, article] as const] : [];
  }));
  const match = analysis.search.matches.slice(0, 3).find((m) => topics.has(m.article.topic));
  return match && topics.get(match.article.topic);
}

function answerWith(article: Article, confidence: number, reason: TurnReason): Decision {
  const source: Source = { id: article.id, title: article.title, url: article.url };
  return { kind: 'answer', confidence: Math.round(confidence * 1000) / 1000, reasons: [reason], sources: [source], reply: article.answer, miss: false };
}
